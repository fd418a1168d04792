/** The one sentence each guard leads with: what will happen, to what (X1). */
import type { SnapshotDiffDto } from '@contract/schemas';

export const flagsChanging = (diff: SnapshotDiffDto): number => diff.added.length + diff.removed.length + diff.changed.length;

function flagsPhrase(n: number): string {
  if (n === 0) return 'no flag changes';
  return n === 1 ? '1 flag changes' : `${n.toLocaleString('en')} flags change`;
}

export const rollbackSentence = (ns: string, from: number, to: number, n: number) => `Roll back ${ns} from v${from} to v${to}: ${flagsPhrase(n)}`;

export const restoreSentence = (ns: string, from: number, source: number, n: number) =>
  `Restore the content of v${source} to ${ns} as a new version, replacing v${from}: ${flagsPhrase(n)}`;

export const loadSentence = (ns: string, from: number, n: number) => `Load a new snapshot into ${ns}, replacing v${from}: ${flagsPhrase(n)}`;

export const patchSentence = (ns: string, from: number, n: number) => `Patch ${ns} v${from}: ${flagsPhrase(n)}`;

export function killSwitchSentence(ns: string, enable: boolean, affected: number, version: number): string {
  const flags = affected === 1 ? '1 flag' : `${affected.toLocaleString('en')} flags`;
  return enable
    ? `Turn the kill switch on for ${ns}: ${flags} fall${affected === 1 ? 's' : ''} back to the declared default`
    : `Turn the kill switch off for ${ns}: ${flags} serve${affected === 1 ? 's' : ''} v${version} again`;
}
