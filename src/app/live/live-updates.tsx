import { useConnectionFallback } from './use-connection-fallback';
import { useLiveUpdates } from './use-live-updates';

/** Mounted once in the shell: the change stream, and polling / health probing when it is down. */
export function LiveUpdates() {
  useLiveUpdates();
  useConnectionFallback();
  return null;
}
