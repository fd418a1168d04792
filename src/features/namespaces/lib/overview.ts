/**
 * The namespaces overview as a pure view model: which rows, in which order, from the list the
 * API returned and the search/sort state kept in the URL.
 */
import type { NamespaceSummary } from '@contract/schemas';
import { byNaturalName } from './natural-order';

export const SORT_KEYS = ['name', 'version', 'flags', 'status', 'lastChange', 'rollbacks', 'failureRate'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface OverviewParams {
  q: string;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_PARAMS: OverviewParams = { q: '', sort: 'name', dir: 'asc' };

/** Names read A-Z; for every number and date, the biggest or most recent (or killed) first. */
export const defaultDirFor = (key: SortKey): SortDir => (key === 'name' ? 'asc' : 'desc');

const isSortKey = (v: string | null): v is SortKey => SORT_KEYS.some((k) => k === v);

export function parseOverviewParams(search: URLSearchParams): OverviewParams {
  const sortParam = search.get('sort');
  const sort = isSortKey(sortParam) ? sortParam : DEFAULT_PARAMS.sort;
  const dirParam = search.get('dir');
  const dir: SortDir = dirParam === 'asc' || dirParam === 'desc' ? dirParam : defaultDirFor(sort);
  return { q: search.get('q') ?? '', sort, dir };
}

/** The URL form: defaults are left out so a plain /namespaces link means the default view. */
export function toSearchParams(params: OverviewParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.q.trim()) out.set('q', params.q);
  if (params.sort !== DEFAULT_PARAMS.sort) out.set('sort', params.sort);
  if (params.dir !== defaultDirFor(params.sort)) out.set('dir', params.dir);
  return out;
}

/** Clicking the current column flips its direction; another column starts at its natural direction. */
export function nextSort(current: OverviewParams, key: SortKey): Pick<OverviewParams, 'sort' | 'dir'> {
  if (current.sort === key) return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: key, dir: defaultDirFor(key) };
}

function haystack(n: NamespaceSummary): string {
  return [n.name, n.description ?? '', n.lastChange?.actor ?? '', n.lastChange?.reason ?? ''].join('\n').toLowerCase();
}

/** Every whitespace-separated term must appear in the name, description, or last change's author or reason. */
export function filterNamespaces(items: readonly NamespaceSummary[], q: string): NamespaceSummary[] {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...items];
  return items.filter((n) => {
    const text = haystack(n);
    return terms.every((t) => text.includes(t));
  });
}

const byName = (a: NamespaceSummary, b: NamespaceSummary) => byNaturalName(a.name, b.name);

const SORT_VALUE: Record<Exclude<SortKey, 'name'>, (n: NamespaceSummary) => number> = {
  version: (n) => n.activeVersion,
  flags: (n) => n.flagCount,
  status: (n) => (n.killSwitch.enabled ? 1 : 0),
  lastChange: (n) => (n.lastChange ? Date.parse(n.lastChange.at) || 0 : Number.NEGATIVE_INFINITY),
  rollbacks: (n) => n.rollbacks7d,
  // Without changes there is no rate: below every rate, 0% included.
  failureRate: (n) => n.changeFailureRate7d ?? -1,
};

/** "25%" of the last 7 days' changes failed; "—" without changes. */
export function failureRateText(n: Pick<NamespaceSummary, 'changeFailureRate7d'>): string {
  const rate = n.changeFailureRate7d;
  if (rate === null || rate === undefined) return '—';
  const pct = rate * 100;
  return `${pct >= 10 || Number.isInteger(pct) ? Math.round(pct) : pct.toFixed(1)}%`;
}

/** Sorts by the key; ties are always broken by name A-Z so the order is stable and predictable. */
export function sortNamespaces(items: readonly NamespaceSummary[], sort: SortKey, dir: SortDir): NamespaceSummary[] {
  const sign = dir === 'asc' ? 1 : -1;
  if (sort === 'name') return [...items].sort((a, b) => sign * byName(a, b));
  const value = SORT_VALUE[sort];
  return [...items].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    return va === vb ? byName(a, b) : va < vb ? -sign : sign;
  });
}

export function overviewRows(items: readonly NamespaceSummary[], params: OverviewParams): NamespaceSummary[] {
  return sortNamespaces(filterNamespaces(items, params.q), params.sort, params.dir);
}

export interface OverviewTotals {
  total: number;
  killed: number;
  rollbacks7d: number;
}

export function overviewTotals(items: readonly NamespaceSummary[]): OverviewTotals {
  return {
    total: items.length,
    killed: items.filter((n) => n.killSwitch.enabled).length,
    rollbacks7d: items.reduce((sum, n) => sum + n.rollbacks7d, 0),
  };
}

/** Rolled back: the live version is older than the newest one written. */
export const isBehindLatest = (n: Pick<NamespaceSummary, 'activeVersion' | 'latestVersion'>): boolean => n.activeVersion < n.latestVersion;
