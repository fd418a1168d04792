import { queryOptions } from '@tanstack/react-query';
import * as registryApi from '@contract/routes-registry';
import { apiRequest } from './api-client';

/**
 * Who is signed in (GET /me). Shared, because the sign-in flow (auth feature) and every action
 * button (role-gated) read it; one key, so they can never disagree.
 */
export const meQuery = () =>
  queryOptions({
    queryKey: ['auth', 'me'] as const,
    queryFn: ({ signal }) => apiRequest(registryApi.me, { signal }),
    staleTime: 5 * 60_000,
    meta: { errorTitle: 'Could not check your session' },
  });
