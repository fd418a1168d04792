/**
 * Whether the dashboard can reach the API, shared by the live stream, the query layer and every
 * action button (X2 live, X5 degraded). Server data never lives here: only the link's state.
 */
import { create } from 'zustand';

export type LinkState = 'live' | 'polling' | 'connecting' | 'offline';

interface ConnectionState {
  link: LinkState;
  /** When the last successful answer from the API arrived (epoch ms), or null before any. */
  lastSuccessAt: number | null;
  /** When the API was first seen unreachable in the current outage (epoch ms). */
  offlineSince: number | null;
  /** Event names: what happened, not how to set fields. */
  apiAnswered: (at?: number) => void;
  apiUnreachable: (at?: number) => void;
  streamOpened: () => void;
  streamLostFellBackToPolling: () => void;
  streamConnecting: () => void;
}

export const useConnectionStore = create<ConnectionState>()((set) => ({
  link: 'connecting',
  lastSuccessAt: null,
  offlineSince: null,
  apiAnswered: (at = Date.now()) =>
    set((s) => ({ lastSuccessAt: at, offlineSince: null, link: s.link === 'offline' ? 'polling' : s.link })),
  apiUnreachable: (at = Date.now()) => set((s) => ({ link: 'offline', offlineSince: s.offlineSince ?? at })),
  streamOpened: () => set({ link: 'live', offlineSince: null }),
  streamLostFellBackToPolling: () => set((s) => ({ link: s.link === 'offline' ? 'offline' : 'polling' })),
  streamConnecting: () => set((s) => ({ link: s.link === 'offline' ? 'offline' : 'connecting' })),
}));

/** Mutations are refused while the API is unreachable; this says why, for disabled buttons. */
export function offlineReason(link: LinkState): string | null {
  return link === 'offline'
    ? 'The API is unreachable, so changes are paused. The page shows the last data received and reconnects by itself.'
    : null;
}
