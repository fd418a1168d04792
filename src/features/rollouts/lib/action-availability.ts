/**
 * Which stage actions make sense in the rollout's state, and why not when they do not (a
 * disabled button always says why). Role and connection are checked separately (action-gate).
 */
import type { RolloutSummary } from '@contract/rollouts';

export interface Availability {
  promote: string | null;
  pause: string | null;
  resume: string | null;
  rollback: string | null;
  /** Pause and resume share one place: which one to show. */
  pauseOrResume: 'pause' | 'resume';
}

export function actionAvailability(r: RolloutSummary): Availability {
  const { status, stepIndex } = r.state;
  const atLast = stepIndex >= r.steps.length - 1;
  const completed = status === 'completed' ? 'The rollout is completed.' : null;
  return {
    promote:
      completed ??
      (status === 'paused' ? 'The rollout is paused: resume it first.' : status === 'rolled_back' ? 'The rollout was rolled back: resume it (with what was fixed) first.' : atLast ? 'Already at 100%.' : null),
    pause: completed ?? (status === 'active' ? null : status === 'paused' ? 'Already paused.' : 'A rolled-back rollout already holds promotion.'),
    resume: completed ?? (status === 'active' ? 'The rollout is not paused.' : null),
    rollback: completed ?? (status === 'rolled_back' ? 'Already rolled back to shadow.' : null),
    pauseOrResume: status === 'paused' || status === 'rolled_back' ? 'resume' : 'pause',
  };
}
