import type { QueryClient } from '@tanstack/react-query';
// Key roots only: importing the features' query factories would put every feature's fetching
// (and its part of the API contract) into the first screen's bundle.
import { QUERY_ROOTS, versionsOf } from '../../lib/query-keys';

/**
 * What a change makes stale: the audit log always; for a namespace change, every namespace
 * screen (list, details), that namespace's versions and the rollout screens. Only queries on
 * screen refetch; the rest are marked stale and refetch when next shown.
 */
export async function invalidateForChanges(queryClient: QueryClient, namespaces: Iterable<string | null>): Promise<void> {
  const names = [...new Set(namespaces)].filter((n): n is string => n !== null);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: QUERY_ROOTS.audit }),
    // Insights and the timeline are derived from the audit log: any change can move them.
    queryClient.invalidateQueries({ queryKey: QUERY_ROOTS.insights }),
    queryClient.invalidateQueries({ queryKey: QUERY_ROOTS.timeline }),
    ...(names.length ? [queryClient.invalidateQueries({ queryKey: QUERY_ROOTS.namespaces })] : []),
    // Rollout changes are audited under their namespace, and a namespace change (a rollback, the
    // kill switch) can change what a rollout serves: the rollout screens refresh too.
    ...(names.length ? [queryClient.invalidateQueries({ queryKey: QUERY_ROOTS.rollouts })] : []),
    ...names.map((ns) => queryClient.invalidateQueries({ queryKey: versionsOf(ns) })),
  ]);
}

/** After a gap (tab hidden, stream or API lost): anything may have changed. Diffs of two versions never do. */
export function invalidateEverything(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.meta?.immutable !== true });
}

/**
 * Collects changes for `delayMs` and flushes them once: a replay of 500 missed events after a
 * reconnect makes one round of refetches, not 500.
 */
export function createChangeBatcher(flush: (namespaces: Set<string | null>) => void, delayMs = 50) {
  let pending = new Set<string | null>();
  let timer: number | null = null;
  return {
    add(namespace: string | null) {
      pending.add(namespace);
      timer ??= window.setTimeout(() => {
        const batch = pending;
        pending = new Set();
        timer = null;
        flush(batch);
      }, delayMs);
    },
    cancel() {
      if (timer !== null) window.clearTimeout(timer);
      timer = null;
      pending = new Set();
    },
  };
}
