import { lazy, Suspense } from 'react';
import { HelpDialog } from './help-dialog';
import { useShellStore } from './shell-store';
import { useGlobalShortcuts } from './use-global-shortcuts';

// The palette (and cmdk) load on first use, not with the first screen.
const CommandPalette = lazy(async () => ({ default: (await import('./command-palette')).CommandPalette }));

/** Mounted once in the shell: app-wide keys, the command palette and the shortcut help. */
export function GlobalShortcuts() {
  useGlobalShortcuts();
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
