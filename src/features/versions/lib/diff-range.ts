/** The diff screen's view model: the two versions in the URL and the sentence that sums them up. */
import type { SnapshotDiffDto } from '@contract/schemas';
import { diffCounts, flagName } from '../../../components/diff/diff-model';

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

const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** Up to this many changed flags are named in the sentence; more are counted. */
const NAMED = 3;

/** One sentence a release manager can read out: what going from one version to the other does. */
export function diffSentence(from: number, to: number, diff: SnapshotDiffDto): string {
  const counts = diffCounts(diff);
  if (from === to) return `v${from} compared with itself: no flag changes.`;
  const lead = `Going from v${from} to v${to}${to < from ? ' (back to an older version)' : ''}`;
  if (counts.total === 0) {
    const meta = counts.meta > 0 ? ' Only the snapshot meta differs.' : '';
    return `${lead} changes no flags: both serve the same ${flags(counts.unchanged)}.${meta}`;
  }
  const unchanged = counts.unchanged > 0 ? ` ${flags(counts.unchanged)} ${counts.unchanged === 1 ? 'stays' : 'stay'} the same.` : '';
  if (counts.total <= NAMED) {
    const parts = [
      diff.added.length > 0 && `adds ${list(diff.added.map((f) => flagName(f.key)))}`,
      diff.removed.length > 0 && `removes ${list(diff.removed.map((f) => flagName(f.key)))}`,
      diff.changed.length > 0 && `changes ${list(diff.changed.map((f) => flagName(f.key)))}`,
    ].filter((p): p is string => typeof p === 'string');
    return `${lead} ${list(parts)}.${unchanged}`;
  }
  const parts = [
    counts.added > 0 && `${counts.added.toLocaleString('en')} added`,
    counts.removed > 0 && `${counts.removed.toLocaleString('en')} removed`,
    counts.changed > 0 && `${counts.changed.toLocaleString('en')} changed`,
  ].filter(Boolean);
  return `${lead} changes ${flags(counts.total)}: ${parts.join(', ')}.${unchanged}`;
}
