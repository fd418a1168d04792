/**
 * Where a rollback of N steps lands: follow parentVersion from the active version, the way the
 * server's active chain does. Pure; the query that feeds it pages through GET /versions.
 */
export type ChainWalk =
  | { status: 'ok'; target: number; path: number[] }
  | { status: 'short'; available: number }
  /** The walk needs a version not loaded yet (pages come newest first; parents are older). */
  | { status: 'need'; version: number };

export function walkChain(parents: ReadonlyMap<number, number | null>, from: number, steps: number): ChainWalk {
  const path = [from];
  let current = from;
  for (let i = 0; i < steps; i++) {
    if (!parents.has(current)) return { status: 'need', version: current };
    const parent = parents.get(current) ?? null;
    if (parent === null) return { status: 'short', available: i };
    path.push(parent);
    current = parent;
  }
  return { status: 'ok', target: current, path };
}

/** "payments has only 2 earlier versions on its active chain; roll back at most 2 steps". */
export function insufficientHistoryText(ns: string, available: number): string {
  if (available === 0) return `${ns} has no earlier version on its active chain: there is nothing to roll back to. Restore a version instead.`;
  const versions = available === 1 ? '1 earlier version' : `${available} earlier versions`;
  return `${ns} has only ${versions} on its active chain; roll back at most ${available} step${available === 1 ? '' : 's'}.`;
}
