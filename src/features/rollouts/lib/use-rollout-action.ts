import type { RolloutDetail, RolloutMutationResponse } from '@contract/rollouts';
import { isApiError } from '../../../lib/api-error';
import { useGuardedMutation, type Guard } from '../../../lib/use-guarded-mutation';
import { rolloutQueries } from '../api/rollout-queries';
import { parseRolloutConflict, type RolloutConflict } from './conflict';

/** What every rollout mutation carries: the revision the user saw and one key per intent. */
export type RolloutGuard = Guard;

export interface RolloutActionOptions<V> {
  /** The rollout as displayed when the dialog opened: its revision is sent as If-Match. */
  rollout: RolloutDetail;
  send: (vars: V, guard: RolloutGuard) => Promise<RolloutMutationResponse>;
  success: (response: RolloutMutationResponse) => { title: string; description?: string };
  onDone: () => void;
}

/**
 * A guarded rollout action (see useGuardedMutation): If-Match is the revision the user saw; a
 * write puts the returned rollout in the cache and refetches the rollouts; a 412 is explained
 * against the last event the user saw, and the rollout is refetched.
 */
export function useRolloutAction<V>({ rollout, send, success, onDone }: RolloutActionOptions<V>) {
  return useGuardedMutation<RolloutDetail, V, RolloutMutationResponse, RolloutConflict>({
    initial: rollout,
    version: (seen) => seen.revision,
    send,
    afterWrite: (queryClient, response, seen) => {
      queryClient.setQueryData(rolloutQueries.detail(seen.id).queryKey, response.rollout);
      return queryClient.invalidateQueries({ queryKey: rolloutQueries.all() });
    },
    readConflict: (error, seen) => parseRolloutConflict(error, seen.events[0]?.id ?? null),
    onConflict: (queryClient, seen) => void queryClient.invalidateQueries({ queryKey: rolloutQueries.one(seen.id) }),
    renewKeyAfter: (error) => isApiError(error) && error.isClientError,
    reload: (queryClient, seen) => queryClient.fetchQuery({ ...rolloutQueries.detail(seen.id), staleTime: 0 }),
    toastId: (seen) => `rollout:${seen.id}`,
    success,
    onDone,
  });
}

export type RolloutAction<V> = ReturnType<typeof useRolloutAction<V>>;
