/** Every keyboard shortcut, once: the key handler and the help dialog both read this. */
export interface ShortcutHelp {
  keys: string[];
  description: string;
}

export const isApple = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function shortcutHelp(apple = isApple()): ShortcutHelp[] {
  return [
    { keys: [apple ? '⌘' : 'Ctrl', 'K'], description: 'Open the command palette: jump to a namespace or screen' },
    { keys: ['/'], description: 'Focus the search or filter of this screen (the palette where there is none)' },
    { keys: ['g', 'n'], description: 'Go to the namespaces' },
    { keys: ['g', 'a'], description: 'Go to the audit log' },
    { keys: ['g', 'h'], description: 'Go to the history of the namespace on screen' },
    { keys: ['?'], description: 'Show these shortcuts' },
    { keys: ['Esc'], description: 'Close a dialog or the palette' },
  ];
}

/** The namespace of the screen at `pathname`, if it is one of a namespace's screens. */
export function namespaceOf(pathname: string): string | null {
  const match = /^\/namespaces\/([^/]+)/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** Where a "g <key>" sequence goes from `pathname`, or null. */
export function goTarget(key: string, pathname: string): string | null {
  if (key === 'n') return '/namespaces';
  if (key === 'a') return '/audit';
  const ns = namespaceOf(pathname);
  if (key === 'h' && ns) return `/namespaces/${encodeURIComponent(ns)}/history`;
  return null;
}
