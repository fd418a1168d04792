import { queryOptions } from '@tanstack/react-query';
import type { VersionPage } from '@contract/schemas';
import * as registryApi from '@contract/routes-registry';
import { apiRequest } from '../../../lib/api-client';
import { QUERY_ROOTS } from '../../../lib/query-keys';
import { walkChain, type ChainWalk } from '../lib/active-chain';

/** Versions per page while walking the active chain (the contract's maximum). */
const CHAIN_PAGE = 1000;
/** The first page is small: a rollback of a few steps rarely passes many discarded versions. */
const firstPage = (steps: number) => Math.min(CHAIN_PAGE, steps * 2 + 10);

export type RollbackPlan = Exclude<ChainWalk, { status: 'need' }>;

async function planRollback(ns: string, from: number, steps: number, signal: AbortSignal): Promise<RollbackPlan> {
  const parents = new Map<number, number | null>();
  let before: number | null = from + 1;
  let limit = firstPage(steps);
  for (;;) {
    const walk = walkChain(parents, from, steps);
    if (walk.status !== 'need') return walk;
    if (before === null) {
      // A version missing from every page cannot be walked past: it ends the chain.
      parents.set(walk.version, null);
      continue;
    }
    const page: VersionPage = await apiRequest(registryApi.listVersions, { params: { ns }, query: { before, limit }, signal });
    for (const v of page.items) parents.set(v.version, v.parentVersion);
    before = page.nextBefore;
    limit = CHAIN_PAGE;
  }
}

/** Keys go from generic to specific, so invalidating `all()` refreshes every namespace screen. */
export const namespaceQueries = {
  all: () => QUERY_ROOTS.namespaces,
  lists: () => [...namespaceQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: namespaceQueries.lists(),
      queryFn: async ({ signal }) => (await apiRequest(registryApi.listNamespaces, { signal })).items,
      meta: { errorTitle: 'Could not refresh the namespaces' },
    }),
  details: () => [...namespaceQueries.all(), 'detail'] as const,
  detail: (ns: string) =>
    queryOptions({
      queryKey: [...namespaceQueries.details(), ns] as const,
      queryFn: ({ signal }) => apiRequest(registryApi.getNamespace, { params: { ns }, signal }),
      meta: { errorTitle: `Could not refresh ${ns}` },
    }),
  /** Versions are immutable, so a diff between two of them never goes stale. */
  diff: (ns: string, from: number, to: number) =>
    queryOptions({
      queryKey: [...namespaceQueries.details(), ns, 'diff', from, to] as const,
      queryFn: async ({ signal }) => (await apiRequest(registryApi.diff, { params: { ns }, query: { from, to }, signal })).diff,
      staleTime: Infinity,
    }),
  /** The newest versions (restore picks from them). */
  recentVersions: (ns: string) =>
    queryOptions({
      queryKey: [...namespaceQueries.details(), ns, 'versions', 'recent'] as const,
      queryFn: ({ signal }) => apiRequest(registryApi.listVersions, { params: { ns }, query: { limit: 50 }, signal }),
    }),
  /** Where rolling back `steps` from `from` lands; parent pointers never change, so neither does this. */
  rollbackPlan: (ns: string, from: number, steps: number) =>
    queryOptions({
      queryKey: [...namespaceQueries.details(), ns, 'rollback-plan', from, steps] as const,
      queryFn: ({ signal }) => planRollback(ns, from, steps, signal),
      staleTime: Infinity,
    }),
};
