import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Keys go from generic to specific, so invalidating `all()` refreshes every namespace screen. */
export const namespaceQueries = {
  all: () => ['namespaces'] as const,
  lists: () => [...namespaceQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: namespaceQueries.lists(),
      queryFn: async ({ signal }) => (await apiRequest('listNamespaces', { signal })).items,
      meta: { errorTitle: 'Could not refresh the namespaces' },
    }),
  details: () => [...namespaceQueries.all(), 'detail'] as const,
  detail: (ns: string) =>
    queryOptions({
      queryKey: [...namespaceQueries.details(), ns] as const,
      queryFn: ({ signal }) => apiRequest('getNamespace', { params: { ns }, signal }),
      meta: { errorTitle: `Could not refresh ${ns}` },
    }),
};
