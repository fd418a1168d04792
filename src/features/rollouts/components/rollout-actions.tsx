import { useState } from 'react';
import type { RolloutDetail } from '@contract/rollouts';
import { GatedButton } from '../../../components/ui/gated-button';
import { actionAvailability } from '../lib/action-availability';
import { useRolloutGate } from '../lib/action-gate';
import { PromoteDialog } from './promote-dialog';
import { StageActionDialog, type SimpleAction } from './stage-action-dialog';

type Open = 'promote' | SimpleAction | null;

/** Promote, Pause/Resume, Roll back: each says why when it cannot be used (role, offline, state). */
export function RolloutActions({ rollout }: { rollout: RolloutDetail }) {
  const [open, setOpen] = useState<Open>(null);
  const { blocked, isAdmin } = useRolloutGate();
  const a = actionAvailability(rollout);
  const why = (kind: 'promote' | SimpleAction) => blocked(kind) ?? a[kind];
  const toggle = a.pauseOrResume;
  return (
    <div className="rollout-actions" role="group" aria-label="Rollout actions">
      <GatedButton variant="primary" blockedReason={why('promote')} onClick={() => setOpen('promote')}>
        Promote
      </GatedButton>
      <GatedButton blockedReason={why(toggle)} onClick={() => setOpen(toggle)}>
        {toggle === 'pause' ? 'Pause' : 'Resume'}
      </GatedButton>
      <GatedButton variant="danger" blockedReason={why('rollback')} onClick={() => setOpen('rollback')}>
        Roll back
      </GatedButton>
      {open === 'promote' && <PromoteDialog rollout={rollout} isAdmin={isAdmin} onClose={() => setOpen(null)} />}
      {open !== null && open !== 'promote' && <StageActionDialog kind={open} rollout={rollout} onClose={() => setOpen(null)} />}
    </div>
  );
}
