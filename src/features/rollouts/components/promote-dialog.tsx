import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RolloutDetail } from '@contract/rollouts';
import * as rolloutApi from '@contract/routes-rollouts';
import { Spinner } from '../../../components/ui/spinner';
import { apiRequest } from '../../../lib/api-client';
import { rolloutQueries } from '../api/rollout-queries';
import { ACTION_REASONS, actionSentence, promotesToFull } from '../lib/action-text';
import { useRolloutAction } from '../lib/use-rollout-action';
import { GateDecisionLine } from './gate-decision-line';
import { RolloutGuard } from './rollout-guard';

/**
 * Promote to the next step. The gate must have accepted twice in a row; an admin may override it
 * with a reason. Promoting to 100% also asks for the typed rollout id (the whole traffic moves).
 */
export function PromoteDialog({ rollout, isAdmin, onClose }: { rollout: RolloutDetail; isAdmin: boolean; onClose: () => void }) {
  const [override, setOverride] = useState(false);
  const gate = useQuery(rolloutQueries.gate(rollout.id));
  const action = useRolloutAction<{ reason: string; override: boolean }>({
    rollout,
    send: (body, g) => apiRequest(rolloutApi.promoteRollout, { params: { id: rollout.id }, body, ifMatch: g.ifMatch, idempotencyKey: g.idempotencyKey }),
    success: (r) => ({ title: `Promoted ${r.rollout.id} to ${r.rollout.state.share}%`, description: `Reason: ${r.event.reason}` }),
    onDone: onClose,
  });
  const seen = action.seen;
  const g = gate.data;
  const allowed = g?.promotionAllowed === true;
  const blockers = g?.blockers ?? [];
  const overridable = g !== undefined && !allowed && blockers.length === 0 && isAdmin;
  const ready = g !== undefined && blockers.length === 0 && (allowed || (overridable && override));
  const full = promotesToFull(seen);

  return (
    <RolloutGuard
      action={action}
      title={`Promote ${seen.id}`}
      sentence={actionSentence('promote', seen)}
      confirmLabel={override && !allowed ? `Override the gate and promote` : `Promote ${seen.id}`}
      tone={full || (override && !allowed) ? 'danger' : 'primary'}
      typedName={full ? seen.id : undefined}
      typedNameLabel="Type the rollout id to confirm"
      suggestions={ACTION_REASONS.promote}
      ready={ready}
      onConfirm={(reason) => action.confirm({ reason, override: override && !allowed })}
      onClose={onClose}
    >
      {gate.isPending && <Spinner label="Reading the gate…" />}
      {g && <GateDecisionLine gate={g} />}
      {g && !allowed && blockers.length === 0 && !isAdmin && (
        <p className="guard-refusal" role="status">
          The gate does not allow this promotion yet. Only an admin can override it.
        </p>
      )}
      {overridable && (
        <label className="guard-override">
          <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
          <span>
            <strong>Override the gate</strong> (admin): promote although the gate has not accepted twice in a row. The reason is recorded with the override.
          </span>
        </label>
      )}
      {full && <p className="guard-note">At 100% every request of {seen.namespace} gets V2 for {seen.flagName}. Guards keep watching, and a rollback still returns to shadow.</p>}
    </RolloutGuard>
  );
}
