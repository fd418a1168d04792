import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import * as registryApi from '@contract/routes-registry';
import { apiRequest } from '../../../lib/api-client';
import { QUERY_ROOTS, versionsOf } from '../../../lib/query-keys';

/** Versions per history page: big enough that a screenful rarely needs two requests. */
export const HISTORY_PAGE_SIZE = 200;

/**
 * Keys go from generic to specific: the live stream invalidates `namespace(ns)` when that
 * namespace changes. A diff between two version numbers never changes (versions are immutable),
 * so it is marked immutable and left alone by live invalidation.
 */
export const versionQueries = {
  all: () => QUERY_ROOTS.versions,
  namespace: versionsOf,
  history: (ns: string) =>
    infiniteQueryOptions({
      queryKey: [...versionQueries.namespace(ns), 'history'] as const,
      queryFn: ({ pageParam, signal }) =>
        apiRequest(registryApi.listVersions, { params: { ns }, query: { limit: HISTORY_PAGE_SIZE, before: pageParam }, signal }),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (page) => page.nextBefore ?? undefined,
      meta: { errorTitle: `Could not refresh the history of ${ns}` },
    }),
  detail: (ns: string, version: number) =>
    queryOptions({
      queryKey: [...versionQueries.namespace(ns), 'detail', version] as const,
      queryFn: ({ signal }) => apiRequest(registryApi.getVersion, { params: { ns, version }, signal }),
      meta: { errorTitle: `Could not refresh v${version} of ${ns}` },
    }),
  /** One version's summary without its snapshot: the page of one item just below `version + 1`. */
  summary: (ns: string, version: number) =>
    queryOptions({
      queryKey: [...versionQueries.namespace(ns), 'summary', version] as const,
      queryFn: async ({ signal }) => {
        const page = await apiRequest(registryApi.listVersions, { params: { ns }, query: { before: version + 1, limit: 1 }, signal });
        const item = page.items[0];
        return item && item.version === version ? item : null;
      },
    }),
  /**
   * The newest version and which one is live, for pickers and "diff vs live" links, read from the
   * namespace detail query itself (the namespaces feature's `detail`: same key, same fetcher),
   * which the namespace layout's banner already holds. A query of its own would fetch and parse
   * the whole live snapshot again (0.7 MB for 2,000 flags) while a diff is rendering.
   */
  head: (ns: string) =>
    queryOptions({
      queryKey: [...QUERY_ROOTS.namespaces, 'detail', ns] as const,
      queryFn: ({ signal }) => apiRequest(registryApi.getNamespace, { params: { ns }, signal }),
      select: (detail) => ({ activeVersion: detail.activeVersion, latestVersion: detail.latestVersion, name: detail.name }),
      meta: { errorTitle: `Could not refresh ${ns}` },
    }),
  diff: (ns: string, from: number, to: number) =>
    queryOptions({
      queryKey: [...versionQueries.all(), 'diff', ns, from, to] as const,
      queryFn: ({ signal }) => apiRequest(registryApi.diff, { params: { ns }, query: { from, to }, signal }),
      staleTime: Number.POSITIVE_INFINITY,
      meta: { errorTitle: `Could not refresh the diff of ${ns}`, immutable: true },
    }),
};
