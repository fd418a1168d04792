import { useQuery } from '@tanstack/react-query';
import type { MutationResponse, NamespaceDetail } from '@contract/schemas';
import { isDefinitiveFailure, parseConflict, type Conflict } from '../../../components/guard/guard-model';
import { useGuardedMutation, type Guard } from '../../../lib/use-guarded-mutation';
import { namespaceQueries } from '../api/namespace-queries';

export type { Guard };

export interface GuardedActionOptions<V> {
  /** The namespace as displayed when the dialog opened: its version is the one sent as If-Match. */
  detail: NamespaceDetail;
  send: (vars: V, guard: Guard) => Promise<MutationResponse>;
  success: (response: MutationResponse) => { title: string; description?: string };
  onDone: () => void;
}

/**
 * A guarded namespace action (see useGuardedMutation): If-Match is the active version the user
 * saw, a write refetches everything, and the live namespace drifting from what was seen (version
 * or kill switch) is reported before confirming.
 */
export function useGuardedAction<V>({ detail, send, success, onDone }: GuardedActionOptions<V>) {
  const ns = detail.name;
  const action = useGuardedMutation<NamespaceDetail, V, MutationResponse, Conflict>({
    initial: detail,
    version: (seen) => seen.activeVersion,
    send,
    afterWrite: (queryClient) => queryClient.invalidateQueries(),
    readConflict: (error) => parseConflict(error),
    // After a definite refusal nothing was written, so trying again is a new intent; after a
    // network error or 5xx it may have been, so the same key keeps a retry to one action.
    renewKeyAfter: isDefinitiveFailure,
    reload: (queryClient) => queryClient.fetchQuery({ ...namespaceQueries.detail(ns), staleTime: 0 }),
    toastId: () => `action:${ns}`,
    success,
    onDone,
  });
  const live = useQuery(namespaceQueries.detail(ns)).data;
  const { seen, conflict } = action;

  const drifted =
    live !== undefined && !conflict && (live.activeVersion !== seen.activeVersion || live.killSwitch.enabled !== seen.killSwitch.enabled) ? live : null;

  return { ...action, drifted };
}

export type GuardedAction<V> = ReturnType<typeof useGuardedAction<V>>;
