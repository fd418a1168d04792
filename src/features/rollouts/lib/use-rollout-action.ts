import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RolloutDetail, RolloutMutationResponse } from '@contract/rollouts';
import { isApiError } from '../../../lib/api-error';
import { showToast } from '../../../lib/toast-store';
import { rolloutQueries } from '../api/rollout-queries';
import { parseRolloutConflict, type RolloutConflict } from './conflict';

/** What every rollout mutation carries: the revision the user saw and one key per intent. */
export interface RolloutGuard {
  ifMatch: number;
  idempotencyKey: string;
}

export interface RolloutActionOptions<V> {
  /** The rollout as displayed when the dialog opened: its revision is sent as If-Match. */
  rollout: RolloutDetail;
  send: (vars: V, guard: RolloutGuard) => Promise<RolloutMutationResponse>;
  success: (response: RolloutMutationResponse) => { title: string; description?: string };
  onDone: () => void;
}

/**
 * The mechanics of a guarded rollout action: the revision the user saw (never refreshed
 * silently), one idempotency key per dialog (kept across a retry after a network error, renewed
 * after a definite refusal), never optimistic (wait for the server, then refetch its truth), a
 * 412 becomes a conflict explanation, Re-check reloads the rollout and starts over.
 */
export function useRolloutAction<V>({ rollout, send, success, onDone }: RolloutActionOptions<V>) {
  const queryClient = useQueryClient();
  const [seen, setSeen] = useState(rollout);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [conflict, setConflict] = useState<RolloutConflict | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [rechecking, setRechecking] = useState(false);
  const inFlight = useRef(false);

  const mutation = useMutation({
    mutationFn: async (vars: V) => {
      const response = await send(vars, { ifMatch: seen.revision, idempotencyKey: key });
      queryClient.setQueryData(rolloutQueries.detail(seen.id).queryKey, response.rollout);
      await queryClient.invalidateQueries({ queryKey: rolloutQueries.all() });
      return response;
    },
  });

  const confirm = (vars: V) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setProblem(null);
    mutation.mutate(vars, {
      onSuccess: (response) => {
        showToast({ id: `rollout:${seen.id}`, tone: 'success', ...success(response) });
        onDone();
      },
      onError: (error) => {
        const found = parseRolloutConflict(error, seen.events[0]?.id ?? null);
        if (found) setConflict(found);
        else setProblem(error);
        if (isApiError(error) && error.isClientError) setKey(crypto.randomUUID());
        if (found) void queryClient.invalidateQueries({ queryKey: rolloutQueries.one(seen.id) });
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  const recheck = async () => {
    setRechecking(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...rolloutQueries.detail(seen.id), staleTime: 0 });
      setSeen(fresh);
      setConflict(null);
      setProblem(null);
      setKey(crypto.randomUUID());
    } catch (error) {
      setProblem(error);
    } finally {
      setRechecking(false);
    }
  };

  return { seen, confirm, pending: mutation.isPending, conflict, problem, recheck, rechecking };
}

export type RolloutAction<V> = ReturnType<typeof useRolloutAction<V>>;
