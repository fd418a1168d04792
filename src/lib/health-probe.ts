import { useConnectionStore } from './connection-store';

/** Answers that mean "the API is not there" (a proxy or load balancer speaking for it). */
export const UNREACHABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * Asks GET /healthz whether the API is reachable and tells the connection store. Cheap and
 * unauthenticated, so it also works while the session cannot be checked.
 */
export async function probeHealth(signal?: AbortSignal): Promise<boolean> {
  const store = useConnectionStore.getState();
  try {
    const response = await fetch(new URL('/healthz', window.location.href), { cache: 'no-store', signal: signal ?? null });
    if (UNREACHABLE_STATUSES.has(response.status)) {
      store.apiUnreachable();
      return false;
    }
    store.apiAnswered();
    return true;
  } catch {
    if (!signal?.aborted) store.apiUnreachable();
    return false;
  }
}
