import { useRef, useState } from 'react';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { showToast } from './toast-store';

/** What every guarded mutation carries: the version the user saw (If-Match) and one key per intent. */
export interface Guard {
  ifMatch: number;
  idempotencyKey: string;
}

export interface GuardedMutationOptions<T, V, R, C> {
  /** The resource as displayed when the dialog opened: its version is the one sent as If-Match. */
  initial: T;
  /** The version of what the user saw, sent as If-Match. */
  version: (seen: T) => number;
  send: (vars: V, guard: Guard) => Promise<R>;
  /** Brings the caches to the server's truth after a write, before success is reported. */
  afterWrite: (queryClient: QueryClient, response: R, seen: T) => Promise<unknown>;
  /** Reads a 412 as a conflict to review; anything else is a problem. */
  readConflict: (error: unknown, seen: T) => C | null;
  /** Called after a conflict was found (e.g. to refetch what changed). */
  onConflict?: (queryClient: QueryClient, seen: T) => void;
  /** Whether nothing was written, so that trying again is a new intent with a new key. */
  renewKeyAfter: (error: unknown) => boolean;
  /** Re-check: the resource fresh from the server. */
  reload: (queryClient: QueryClient, seen: T) => Promise<T>;
  toastId: (seen: T) => string;
  success: (response: R) => { title: string; description?: string };
  onDone: () => void;
}

/**
 * The mechanics behind every guarded action: the version the user saw (never refreshed silently),
 * one idempotency key per intent (kept across a retry after a network error or 5xx, renewed after
 * a definite refusal), never optimistic (wait for the server, then refetch and show its truth), a
 * 412 becomes a conflict to review, Re-check reloads and starts over. A second confirm while one
 * is in flight is ignored.
 */
export function useGuardedMutation<T, V, R, C>(options: GuardedMutationOptions<T, V, R, C>) {
  const { initial, version, send, afterWrite, readConflict, onConflict, renewKeyAfter, reload, toastId, success, onDone } = options;
  const queryClient = useQueryClient();
  const [seen, setSeen] = useState(initial);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [conflict, setConflict] = useState<C | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [rechecking, setRechecking] = useState(false);
  const inFlight = useRef(false);

  const mutation = useMutation({
    mutationFn: async (vars: V) => {
      const response = await send(vars, { ifMatch: version(seen), idempotencyKey: key });
      await afterWrite(queryClient, response, seen);
      return response;
    },
  });

  const confirm = (vars: V) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setProblem(null);
    mutation.mutate(vars, {
      onSuccess: (response) => {
        showToast({ id: toastId(seen), tone: 'success', ...success(response) });
        onDone();
      },
      onError: (error) => {
        const found = readConflict(error, seen);
        if (found) setConflict(found);
        else setProblem(error);
        if (renewKeyAfter(error)) setKey(crypto.randomUUID());
        if (found) onConflict?.(queryClient, seen);
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  const recheck = async () => {
    setRechecking(true);
    try {
      const fresh = await reload(queryClient, seen);
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
