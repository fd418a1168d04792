import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '@contract/routes';
import * as registryApi from '@contract/routes-registry';
import { apiRequest } from '../../../lib/api-client';
import { authQueries } from './auth-queries';

/** Exchange a token or a one-time code for the session cookie; the answer is who we now are. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'createSession'>) => apiRequest(registryApi.createSession, { body }),
    onSuccess: (me) => queryClient.setQueryData(authQueries.me().queryKey, me),
  });
}

export function useLogout() {
  return useMutation({ mutationFn: () => apiRequest(registryApi.deleteSession) });
}
