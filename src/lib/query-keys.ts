/**
 * The first element of every query key, per screen family. Plain constants, so the live
 * invalidation (part of the app shell, loaded with the first screen) needs none of the feature
 * modules that fetch, and each feature's query factory builds its keys from the same roots.
 */
export const QUERY_ROOTS = {
  audit: ['audit'],
  insights: ['insights'],
  /** Every timeline query (the page, a namespace's, a rollout's): one invalidation refreshes them all. */
  timeline: ['timeline'],
  namespaces: ['namespaces'],
  rollouts: ['rollouts'],
  versions: ['versions'],
} as const;

/** One namespace's versions (history, details, summaries, head); diffs sit outside it, being immutable. */
export const versionsOf = (ns: string) => [...QUERY_ROOTS.versions, ns] as const;
