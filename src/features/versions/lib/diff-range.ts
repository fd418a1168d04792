/** The diff screen's view model: the two versions in the URL and the sentence that sums them up. */
import type { DiffCounts } from '../../../components/diff/diff-model';

export interface DiffRange {
  from: number | null;
  to: number | null;
}

const version = (raw: string | null): number | null => {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
};

export function parseDiffRange(search: URLSearchParams): DiffRange {
  return { from: version(search.get('from')), to: version(search.get('to')) };
}

export function diffHref(ns: string, from: number, to: number): string {
  return `/namespaces/${encodeURIComponent(ns)}/diff?from=${from}&to=${to}`;
}

const flags = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'flag' : 'flags'}`;

/** One sentence a release manager can read out: what going from one version to the other does. */
export function diffSentence(from: number, to: number, counts: DiffCounts): string {
  if (from === to) return `v${from} compared with itself: no flag changes.`;
  const direction = to < from ? ` (back to an older version)` : '';
  if (counts.total === 0) {
    const meta = counts.meta > 0 ? ' Only the snapshot meta differs.' : '';
    return `Going from v${from} to v${to}${direction} changes no flags: both serve the same ${flags(counts.unchanged)}.${meta}`;
  }
  const parts = [
    counts.added > 0 && `${counts.added.toLocaleString('en')} added`,
    counts.removed > 0 && `${counts.removed.toLocaleString('en')} removed`,
    counts.changed > 0 && `${counts.changed.toLocaleString('en')} changed`,
  ].filter(Boolean);
  const unchanged = counts.unchanged > 0 ? ` ${flags(counts.unchanged)} stay the same.` : '';
  return `Going from v${from} to v${to}${direction} changes ${flags(counts.total)}: ${parts.join(', ')}.${unchanged}`;
}
