import type { RolloutDetail } from '@contract/rollouts';
import * as rolloutApi from '@contract/routes-rollouts';
import { apiRequest } from '../../../lib/api-client';
import { ACTION_REASONS, actionSentence } from '../lib/action-text';
import { useRolloutAction } from '../lib/use-rollout-action';
import { RolloutGuard } from './rollout-guard';

export type SimpleAction = 'pause' | 'resume' | 'rollback';

const ROUTES = { pause: rolloutApi.pauseRollout, resume: rolloutApi.resumeRollout, rollback: rolloutApi.rollbackRollout } as const;
const VERBS = { pause: 'Pause', resume: 'Resume', rollback: 'Roll back' } as const;
const DONE = { pause: 'Paused', resume: 'Resumed', rollback: 'Rolled back' } as const;

/** Pause, resume or roll back a rollout through the guard dialog (reason required, revision sent). */
export function StageActionDialog({ kind, rollout, onClose }: { kind: SimpleAction; rollout: RolloutDetail; onClose: () => void }) {
  const action = useRolloutAction<{ reason: string }>({
    rollout,
    send: ({ reason }, g) => apiRequest(ROUTES[kind], { params: { id: rollout.id }, body: { reason }, ifMatch: g.ifMatch, idempotencyKey: g.idempotencyKey }),
    success: (r) => ({ title: `${DONE[kind]} ${r.rollout.id}`, description: `Reason: ${r.event.reason}` }),
    onDone: onClose,
  });
  const seen = action.seen;
  return (
    <RolloutGuard
      action={action}
      title={`${VERBS[kind]} ${seen.id}`}
      sentence={actionSentence(kind, seen)}
      confirmLabel={`${VERBS[kind]} ${seen.id}`}
      tone={kind === 'rollback' ? 'danger' : 'primary'}
      suggestions={ACTION_REASONS[kind]}
      ready
      onConfirm={(reason) => action.confirm({ reason })}
      onClose={onClose}
    >
      {kind === 'rollback' && (
        <p className="guard-note">
          A rollback writes a new snapshot version of {seen.namespace} with V2 at 0% (shadow). The rollout stays rolled back until someone resumes it.
        </p>
      )}
    </RolloutGuard>
  );
}
