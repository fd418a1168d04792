import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { describeError, isApiError, type ApiError } from '../lib/api-error';
import { useConnectionStore } from '../lib/connection-store';
import { showToast } from '../lib/toast-store';
import { authQueries } from '../features/auth/api/auth-queries';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
    queryMeta: {
      /** Title of the toast when a background refresh of this query fails. */
      errorTitle?: string;
      /** The data can never change (e.g. the diff of two immutable versions): live updates skip it. */
      immutable?: boolean;
    };
    mutationMeta: {
      /** Query keys to invalidate once the mutation succeeds. */
      invalidates?: readonly QueryKey[];
    };
  }
}

/** A 4xx will not change by asking again; anything else (network, 5xx) gets two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        const sessionKey = authQueries.me().queryKey;
        if (isApiError(error) && error.status === 401 && query.queryHash !== JSON.stringify(sessionKey)) {
          // The session ended underneath us: re-check it, and the route guard sends the user to /login.
          void queryClient.invalidateQueries({ queryKey: sessionKey });
          return;
        }
        // First-load failures render inline where the data would be (the component has no data to
        // show); only a failed background refresh of data already on screen needs a toast.
        // While the API is unreachable the degraded banner says so once, for every screen.
        if (query.state.data !== undefined && useConnectionStore.getState().link !== 'offline') {
          showToast({
            id: `refetch:${query.queryHash}`,
            tone: 'error',
            title: query.meta?.errorTitle ?? 'Could not refresh',
            description: `${describeError(error)} The page shows the last data received.`,
          });
        }
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: async (_data, _variables, _result, mutation) => {
        await Promise.all((mutation.meta?.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
