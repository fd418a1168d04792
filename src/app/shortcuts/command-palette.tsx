import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useLocation, useNavigate } from 'react-router';
import { Modal } from '../../components/ui/modal';
import { namespaceQueries } from '../../features/namespaces/api/namespace-queries';
import { useThemeStore } from '../theme-store';
import { paletteItems, paletteScore, type PaletteGroup, type PaletteItem } from './palette-items';
import { useShellStore } from './shell-store';
import { namespaceOf } from './shortcut-list';

const GROUPS: PaletteGroup[] = ['This namespace', 'Screens', 'Namespaces', 'Preferences'];

/** Ctrl/Cmd+K: type a few letters of a namespace or screen, Enter to go there. */
export function CommandPalette() {
  const titleId = useId();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const close = useShellStore((s) => s.overlayClosed);
  const openHelp = useShellStore((s) => s.helpOpened);
  const chooseTheme = useThemeStore((s) => s.preferenceChosen);
  const namespaces = useQuery(namespaceQueries.list());
  const items = paletteItems(namespaces.data, namespaceOf(pathname));

  const run = (item: PaletteItem) => {
    const { action } = item;
    if (action.kind === 'help') return openHelp();
    close();
    if (action.kind === 'go') void navigate(action.to);
    else chooseTheme(action.theme);
  };

  return (
    <Modal labelledBy={titleId} onClose={close}>
      <Command label="Jump to a namespace or screen" className="palette" loop filter={(_value, search, keywords) => paletteScore(search, keywords)}>
        <h2 id={titleId} className="sr-only">Command palette</h2>
        <Command.Input className="palette-input" placeholder="Jump to a namespace or screen…" autoFocus />
        <Command.List className="palette-list" label="Matches">
          <Command.Empty className="palette-empty">Nothing matches. Try part of a namespace name.</Command.Empty>
          {namespaces.isPending && <Command.Loading label="Loading namespaces">Loading namespaces…</Command.Loading>}
          {GROUPS.map((group) => {
            const inGroup = items.filter((i) => i.group === group);
            return inGroup.length === 0 ? null : (
              <Command.Group key={group} heading={group} className="palette-group">
                {inGroup.map((item) => (
                  <Command.Item key={item.value} value={item.value} keywords={[item.label, ...item.keywords]} onSelect={() => run(item)} className="palette-item">
                    <span className="palette-label">{item.label}</span>
                    {item.hint && <span className="palette-hint">{item.hint}</span>}
                  </Command.Item>
                ))}
              </Command.Group>
            );
          })}
        </Command.List>
        <p className="palette-footer" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
        </p>
      </Command>
    </Modal>
  );
}
