/** The history screen's view model: URL state (filters, versions picked to compare) and rows. */
import { VersionKind, type VersionSummary } from '@contract/schemas';

export const KIND_LABELS: Record<VersionKind, string> = {
  create: 'Created',
  load: 'Load',
  patch: 'Patch',
  restore: 'Restore',
  rollout_step: 'Rollout step',
};

export interface HistoryParams {
  kind: VersionKind | null;
  /** Case-insensitive part of the author. */
  author: string;
  /** Up to two versions picked to compare, in the order they were picked. */
  compare: number[];
}

const positiveInts = (raw: string | null): number[] =>
  (raw ?? '')
    .split(',')
    .map((s) => Number(s))
    .filter((n) => Number.isSafeInteger(n) && n >= 1);

export function parseHistoryParams(search: URLSearchParams): HistoryParams {
  const kind = VersionKind.safeParse(search.get('kind'));
  return {
    kind: kind.success ? kind.data : null,
    author: search.get('author') ?? '',
    compare: [...new Set(positiveInts(search.get('compare')))].slice(-2),
  };
}

export function toHistorySearch(params: HistoryParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.kind) out.set('kind', params.kind);
  if (params.author.trim()) out.set('author', params.author);
  if (params.compare.length) out.set('compare', params.compare.join(','));
  return out;
}

export const isFiltered = (p: HistoryParams): boolean => p.kind !== null || p.author.trim() !== '';

export function filterVersions(items: VersionSummary[], p: HistoryParams): VersionSummary[] {
  if (!isFiltered(p)) return items;
  const author = p.author.trim().toLowerCase();
  return items.filter((v) => (p.kind === null || v.kind === p.kind) && (!author || v.author.toLowerCase().includes(author)));
}

/** Picking a third version drops the one picked first; picking a picked one un-picks it. */
export function toggleCompare(selected: number[], version: number): number[] {
  if (selected.includes(version)) return selected.filter((v) => v !== version);
  return [...selected, version].slice(-2);
}

/** Older -> newer reads as "what changed since". */
export function compareHref(ns: string, selected: number[]): string | null {
  if (selected.length !== 2) return null;
  const [from, to] = [Math.min(...selected), Math.max(...selected)];
  return `/namespaces/${encodeURIComponent(ns)}/diff?from=${from}&to=${to}`;
}

export interface MetaFacts {
  label: string | null;
  generatedAt: string | null;
  source: string | null;
}

/** `meta` is free-form in the API; these three fields are the Konditional ones worth showing. */
export function metaFacts(meta: Record<string, unknown> | null | undefined): MetaFacts {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  const millis = meta?.generatedAtEpochMillis;
  const generated = typeof millis === 'number' && Number.isFinite(millis) ? new Date(millis) : null;
  return {
    label: text(meta?.version),
    generatedAt: generated && !Number.isNaN(generated.getTime()) ? generated.toISOString() : null,
    source: text(meta?.source),
  };
}
