import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useConnectionStore } from '../../lib/connection-store';
import { probeHealth } from '../../lib/health-probe';
import { LiveConnection, type EventSourceLike } from '../../lib/live-connection';
import { createChangeBatcher, invalidateEverything, invalidateForChanges } from './invalidate';

/** After this many breaks in a row the screens poll until the stream is back. */
const FAILURES_BEFORE_POLLING = 2;

const browserSource = (url: string): EventSourceLike => new EventSource(url, { withCredentials: true });

/**
 * The app's one live connection (X2): every change anyone makes refreshes the screens showing it.
 * Closed while the tab is hidden; on return everything is re-read. A broken stream is retried
 * with backoff and, while it is down, the screens poll (see useConnectionFallback).
 */
export function useLiveUpdates(createSource: (url: string) => EventSourceLike = browserSource): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const store = useConnectionStore.getState;
    if (typeof EventSource === 'undefined' && createSource === browserSource) {
      store().streamLostFellBackToPolling();
      return undefined;
    }
    const batcher = createChangeBatcher((namespaces) => void invalidateForChanges(queryClient, namespaces));
    const live = new LiveConnection({
      url: '/api/v1/stream',
      createSource,
      onOpen: (reconnected) => {
        store().streamOpened();
        store().apiAnswered();
        if (reconnected) void invalidateEverything(queryClient);
      },
      onChange: (change) => {
        store().apiAnswered();
        batcher.add(change.namespace);
      },
      onFailure: (failures) => {
        if (failures >= FAILURES_BEFORE_POLLING) store().streamLostFellBackToPolling();
        else store().streamConnecting();
        // A broken stream is often the first sign the API is gone; find out now, not at the next poll.
        void probeHealth();
      },
    });

    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        live.stop();
        return;
      }
      live.start();
      void invalidateEverything(queryClient);
    };
    // When the API comes back, reconnect now rather than at the end of the backoff.
    const unsubscribe = useConnectionStore.subscribe((s, prev) => {
      if (prev.link === 'offline' && s.link !== 'offline') live.retryNow();
    });

    if (document.visibilityState !== 'hidden') live.start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      unsubscribe();
      batcher.cancel();
      live.stop();
    };
  }, [queryClient, createSource]);
}
