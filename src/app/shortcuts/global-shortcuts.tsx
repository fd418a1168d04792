import { Suspense, useEffect } from 'react';
import { preloadable } from '../../lib/preloadable';
import { HelpDialog } from './help-dialog';
import { useShellStore } from './shell-store';
import { useGlobalShortcuts } from './use-global-shortcuts';

// The palette (and cmdk) stay out of the first screen's code, and are fetched soon after it, so
// the first Ctrl+K opens at once and no typed letter is lost while the code loads.
const CommandPalette = preloadable(async () => (await import('./command-palette')).CommandPalette);
const PREFETCH_AFTER_MS = 3000;

/** Mounted once in the shell: app-wide keys, the command palette and the shortcut help. */
export function GlobalShortcuts() {
  useGlobalShortcuts();
  useEffect(() => {
    const id = window.setTimeout(() => void CommandPalette.preload().catch(() => undefined), PREFETCH_AFTER_MS);
    return () => window.clearTimeout(id);
  }, []);
  const overlay = useShellStore((s) => s.overlay);
  if (overlay === 'help') return <HelpDialog />;
  if (overlay === 'palette') {
    return (
      <Suspense fallback={null}>
        <CommandPalette />
      </Suspense>
    );
  }
  return null;
}
