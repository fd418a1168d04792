import { Suspense, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { NamespaceDetail } from '@contract/schemas';
import { preloadable } from '../../../lib/preloadable';
import { GatedButton } from '../../../components/ui/gated-button';
import { PowerIcon } from '../../../components/ui/icons';
import { namespaceQueries } from '../api/namespace-queries';
import { useActionGate, type NamespaceAction } from '../lib/use-action-gate';
import { useActionParam, type ActionParam } from '../lib/use-action-param';

// The dialogs (guard, previews, diff, JSON editor) stay out of the first paint's code; the page
// fetches them as soon as it shows actions the user may take, so a click opens one at once.
const ActionDialog = preloadable(async () => (await import('./action-dialog')).ActionDialog);

const BUTTONS: { param: ActionParam; action: NamespaceAction; label: string; variant: 'danger' | 'secondary' }[] = [
  { param: 'rollback', action: 'rollback', label: 'Roll back', variant: 'danger' },
  { param: 'restore', action: 'restore', label: 'Restore', variant: 'secondary' },
  { param: 'load', action: 'load', label: 'Load snapshot', variant: 'secondary' },
  { param: 'patch', action: 'patch', label: 'Apply patch', variant: 'secondary' },
  { param: 'kill-switch', action: 'killSwitch', label: 'Kill switch', variant: 'secondary' },
];

/** Seconds count at 3 a.m.: when someone may roll back, have the one-step preview ready before they click. */
function usePrefetchRollback(detail: NamespaceDetail, allowed: boolean) {
  const queryClient = useQueryClient();
  const { name, activeVersion } = detail;
  useEffect(() => {
    if (!allowed) return;
    void ActionDialog.preload().catch(() => undefined);
    const prefetch = async () => {
      const plan = await queryClient.fetchQuery(namespaceQueries.rollbackPlan(name, activeVersion, 1));
      if (plan.status === 'ok') await queryClient.prefetchQuery(namespaceQueries.diff(name, activeVersion, plan.target));
    };
    // A failed prefetch changes nothing: the dialog fetches (and explains failures) when it opens.
    prefetch().catch(() => undefined);
  }, [queryClient, name, activeVersion, allowed]);
}

/** The namespace's guarded actions; the open dialog is in the URL (?action=rollback) so it can be linked. */
export function NamespaceActions({ detail }: { detail: NamespaceDetail }) {
  const { gate, summary } = useActionGate();
  usePrefetchRollback(detail, gate('rollback') === null);
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
      {openAllowed && (
        <Suspense fallback={null}>
          <ActionDialog key={openAllowed.action} detail={detail} open={openAllowed} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
