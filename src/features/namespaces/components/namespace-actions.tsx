import type { NamespaceDetail } from '@contract/schemas';
import { GatedButton } from '../../../components/ui/gated-button';
import { PowerIcon } from '../../../components/ui/icons';
import { useActionGate, type NamespaceAction } from '../lib/use-action-gate';
import { useActionParam, type ActionParam } from '../lib/use-action-param';
import { ActionDialog } from './action-dialog';

const BUTTONS: { param: ActionParam; action: NamespaceAction; label: string; variant: 'danger' | 'secondary' }[] = [
  { param: 'rollback', action: 'rollback', label: 'Roll back', variant: 'danger' },
  { param: 'restore', action: 'restore', label: 'Restore', variant: 'secondary' },
  { param: 'load', action: 'load', label: 'Load snapshot', variant: 'secondary' },
  { param: 'patch', action: 'patch', label: 'Apply patch', variant: 'secondary' },
  { param: 'kill-switch', action: 'killSwitch', label: 'Kill switch', variant: 'secondary' },
];

/** The namespace's guarded actions; the open dialog is in the URL (?action=rollback) so it can be linked. */
export function NamespaceActions({ detail }: { detail: NamespaceDetail }) {
  const { gate, summary } = useActionGate();
  const { open, openAction, close } = useActionParam();
  const openAllowed = open && gate(BUTTONS.find((b) => b.param === open.action)?.action ?? 'rollback') === null ? open : null;

  return (
    <div className="namespace-actions">
      <div className="namespace-actions-row" role="group" aria-label={`Actions on ${detail.name}`}>
        {BUTTONS.map((b) => (
          <GatedButton
            key={b.param}
            variant={b.variant}
            blockedReason={gate(b.action)}
            onClick={() => openAction(b.param)}
            icon={b.param === 'kill-switch' ? <PowerIcon /> : undefined}
          >
            {b.label}
          </GatedButton>
        ))}
      </div>
      {summary && <p className="namespace-actions-note">{summary}</p>}
      {openAllowed && <ActionDialog key={openAllowed.action} detail={detail} open={openAllowed} onClose={close} />}
    </div>
  );
}
