import { useId } from 'react';
import { Button } from '../../components/ui/button';
import { Modal } from '../../components/ui/modal';
import { useShellStore } from './shell-store';
import { shortcutHelp } from './shortcut-list';

/** `?`: every keyboard shortcut, from the same list the key handler uses. */
export function HelpDialog() {
  const titleId = useId();
  const close = useShellStore((s) => s.overlayClosed);
  return (
    <Modal labelledBy={titleId} onClose={close}>
      <div className="help-dialog">
        <div className="help-dialog-head">
          <h2 id={titleId} className="help-dialog-title">Keyboard shortcuts</h2>
          <Button variant="ghost" size="sm" onClick={close} aria-label="Close">×</Button>
        </div>
        <table className="help-table" aria-labelledby={titleId}>
          <tbody>
            {shortcutHelp().map((s) => (
              <tr key={s.description}>
                <td className="help-keys">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && <span className="help-then">{s.keys.length === 2 && s.keys[0] === 'g' ? 'then' : '+'}</span>}
                      <kbd className="kbd">{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted help-note">Shortcuts do nothing while you type in a field, except {shortcutHelp()[0]?.keys.join('+')}.</p>
      </div>
    </Modal>
  );
}
