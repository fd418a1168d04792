import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const authQueries = {
  all: () => ['auth'] as const,
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => apiRequest('me', { signal }),
      staleTime: 5 * 60_000,
      meta: { errorTitle: 'Could not check your session' },
    }),
};
