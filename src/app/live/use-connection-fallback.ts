import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useConnectionStore } from '../../lib/connection-store';
import { probeHealth } from '../../lib/health-probe';
import { invalidateEverything } from './invalidate';

export const POLL_INTERVAL_MS = 5000;
export const HEALTH_INTERVAL_MS = 3000;

/**
 * Without the stream, the screens on show re-read their data every few seconds (polling). While
 * the API is unreachable nothing else is asked: /healthz is probed until it answers, then every
 * screen is re-read and the degraded banner goes away by itself (X5).
 */
export function useConnectionFallback(): void {
  const queryClient = useQueryClient();
  const link = useConnectionStore((s) => s.link);

  // The API is back: re-read every screen now, so the banner and stale data go together.
  useEffect(
    () =>
      useConnectionStore.subscribe((s, prev) => {
        if (prev.link === 'offline' && s.link !== 'offline') void invalidateEverything(queryClient);
      }),
    [queryClient],
  );

  useEffect(() => {
    if (link !== 'polling' && link !== 'offline') return undefined;
    const controller = new AbortController();
    const tick = async () => {
      if (document.visibilityState === 'hidden') return;
      if (link === 'polling') {
        await invalidateEverything(queryClient);
      } else {
        // Success flips the link out of 'offline'; the subscription above re-reads everything.
        await probeHealth(controller.signal);
      }
    };
    const id = window.setInterval(() => void tick(), link === 'polling' ? POLL_INTERVAL_MS : HEALTH_INTERVAL_MS);
    return () => {
      window.clearInterval(id);
      controller.abort();
    };
  }, [link, queryClient]);
}
