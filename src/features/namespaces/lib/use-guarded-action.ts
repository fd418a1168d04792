import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MutationResponse, NamespaceDetail } from '@contract/schemas';
import { isDefinitiveFailure, parseConflict, type Conflict } from '../../../components/guard/guard-model';
import { showToast } from '../../../lib/toast-store';
import { namespaceQueries } from '../api/namespace-queries';

export interface Guard {
  ifMatch: number;
  idempotencyKey: string;
}

export interface GuardedActionOptions<V> {
  /** The namespace as displayed when the dialog opened: its version is the one sent as If-Match. */
  detail: NamespaceDetail;
  send: (vars: V, guard: Guard) => Promise<MutationResponse>;
  success: (response: MutationResponse) => { title: string; description?: string };
  onDone: () => void;
}

/**
 * The mechanics behind every guarded namespace action: the version the user saw (never refreshed
 * silently), one idempotency key per intent, never optimistic (wait for the server, then refetch
 * and show its truth), a 412 becomes a conflict to review, Re-check reloads and starts over.
 */
export function useGuardedAction<V>({ detail, send, success, onDone }: GuardedActionOptions<V>) {
  const queryClient = useQueryClient();
  const ns = detail.name;
  const [seen, setSeen] = useState(detail);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [rechecking, setRechecking] = useState(false);
  const inFlight = useRef(false);
  const live = useQuery(namespaceQueries.detail(ns)).data;

  const mutation = useMutation({
    mutationFn: async (vars: V) => {
      const response = await send(vars, { ifMatch: seen.activeVersion, idempotencyKey: key });
      await queryClient.invalidateQueries();
      return response;
    },
  });

  const confirm = (vars: V) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setProblem(null);
    mutation.mutate(vars, {
      onSuccess: (response) => {
        showToast({ id: `action:${ns}`, tone: 'success', ...success(response) });
        onDone();
      },
      onError: (error) => {
        const found = parseConflict(error);
        if (found) setConflict(found);
        else setProblem(error);
        // After a definite refusal nothing was written, so trying again is a new intent; after a
        // network error or 5xx it may have been, so the same key keeps a retry to one action.
        if (isDefinitiveFailure(error)) setKey(crypto.randomUUID());
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  const recheck = async () => {
    setRechecking(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...namespaceQueries.detail(ns), staleTime: 0 });
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

  const drifted =
    live !== undefined && !conflict && (live.activeVersion !== seen.activeVersion || live.killSwitch.enabled !== seen.killSwitch.enabled) ? live : null;

  return { seen, confirm, pending: mutation.isPending, conflict, problem, recheck, rechecking, drifted };
}

export type GuardedAction<V> = ReturnType<typeof useGuardedAction<V>>;
