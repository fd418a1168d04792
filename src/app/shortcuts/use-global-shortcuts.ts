import { useEffect, useEffectEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isTyping } from '../../lib/use-shortcut';
import { useShellStore } from './shell-store';
import { goTarget } from './shortcut-list';

/** How long after `g` the second key still counts. */
const SEQUENCE_MS = 1500;

/** App-wide keys: Ctrl/Cmd+K (even while typing), `/` where a screen has no search, `?`, and `g n` / `g a` / `g h`. */
export function useGlobalShortcuts(): void {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const onGo = useEffectEvent((key: string) => {
    const target = goTarget(key, pathname);
    if (target) void navigate(target);
    return target !== null;
  });

  useEffect(() => {
    let pendingG = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      const shell = useShellStore.getState();
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        shell.paletteToggled();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      // An open dialog owns the keyboard.
      if (shell.overlay !== null || document.querySelector('dialog[open]')) return;
      if (event.key === '/') {
        // A screen with a search focuses it (useShortcut, which prevents the default); on a screen
        // without one, `/` opens the palette. Decided after every listener has run, whatever their order.
        window.setTimeout(() => {
          if (!event.defaultPrevented) useShellStore.getState().paletteToggled();
        }, 0);
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        shell.helpOpened();
        return;
      }
      if (pendingG && Date.now() - pendingG < SEQUENCE_MS) {
        pendingG = 0;
        if (onGo(event.key)) event.preventDefault();
        return;
      }
      pendingG = event.key === 'g' ? Date.now() : 0;
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
