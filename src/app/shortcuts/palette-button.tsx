import { SearchIcon } from '../../components/ui/icons';
import { useShellStore } from './shell-store';
import { isApple } from './shortcut-list';

/** The visible way into the command palette (and a reminder of its key). */
export function PaletteButton() {
  const toggle = useShellStore((s) => s.paletteToggled);
  const key = isApple() ? '⌘K' : 'Ctrl K';
  return (
    <button type="button" className="palette-trigger" onClick={toggle} aria-keyshortcuts={isApple() ? 'Meta+K' : 'Control+K'}>
      <SearchIcon />
      <span>Jump to…</span>
      <kbd className="kbd" aria-hidden="true">{key}</kbd>
    </button>
  );
}

export function ShortcutsButton() {
  const open = useShellStore((s) => s.helpOpened);
  return (
    <button type="button" className="sidebar-help" onClick={open} aria-keyshortcuts="Shift+?">
      <kbd className="kbd" aria-hidden="true">?</kbd> Keyboard shortcuts
    </button>
  );
}
