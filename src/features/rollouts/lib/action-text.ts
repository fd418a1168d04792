/**
 * What each rollout action will do, in one sentence (X1), the reasons one click away, and why a
 * refusal happened, said so the user knows what to do next.
 */
import type { RolloutSummary } from '@contract/rollouts';
import { describeStep } from '@core/rollout/stages';
import { describeError, isApiError } from '../../../lib/api-error';

export type StageActionKind = 'promote' | 'pause' | 'resume' | 'rollback';

const here = (r: RolloutSummary) => {
  const step = r.steps[r.state.stepIndex];
  return step ? describeStep(step) : `step ${r.state.stepIndex}`;
};

/** The step a promotion goes to, or null at the last step. */
export const nextStepOf = (r: RolloutSummary) => r.steps[r.state.stepIndex + 1] ?? null;

/** Promoting into the last step (100%) is the largest blast radius: it asks for the typed rollout id. */
export const promotesToFull = (r: RolloutSummary): boolean => r.state.stepIndex + 1 === r.steps.length - 1;

export function actionSentence(kind: StageActionKind, r: RolloutSummary): string {
  const share = r.state.share;
  switch (kind) {
    case 'promote': {
      const next = nextStepOf(r);
      if (!next) return `${r.id} is already at 100%.`;
      if (promotesToFull(r)) return `Promote ${r.id} from ${here(r)} to ${describeStep(next)}: V2 serves all traffic and V1 stops serving ${r.flagName}.`;
      return `Promote ${r.id} from ${here(r)} to ${describeStep(next)}: V2 serves ${next.share}% of traffic instead of ${share}%.`;
    }
    case 'pause':
      return `Pause ${r.id} at ${here(r)}: traffic stays as it is (V2 ${share}%); promotion holds until someone resumes.`;
    case 'resume':
      return r.state.status === 'rolled_back'
        ? `Resume ${r.id} after its rollback: it stays in ${here(r)}, and promotion needs the gate to accept twice in a row again.`
        : `Resume ${r.id} at ${here(r)}: promotion can continue once the gate accepts twice in a row again.`;
    case 'rollback':
      return share > 0
        ? `Roll back ${r.id} from ${here(r)} to Shadow: V2 stops serving traffic (its ${share}% goes back to V1) and runs in shadow only.`
        : `Roll back ${r.id} to Shadow: V2 serves no traffic now; promotion holds until someone resumes.`;
  }
}

export const ACTION_REASONS: Readonly<Record<StageActionKind, readonly string[]>> = {
  promote: ['Gate accepted twice; metrics within thresholds', 'Next step of the rollout plan'],
  pause: ['Investigating a metric', 'Waiting for more data', 'Change freeze'],
  resume: ['Investigation done: metrics healthy', 'Fix deployed'],
  rollback: ['V2 error rate above V1', 'V2 latency regression', 'Parity mismatches look like a bug', 'Rollback requested by incident commander'],
};

const REFUSALS: Readonly<Record<string, string>> = {
  gate_not_accepted: 'The gate has not accepted twice in a row. Wait for the next reports, or, as an admin, override the gate with a reason.',
  paused: 'The rollout is paused: resume it before promoting.',
  rolled_back: 'The rollout was rolled back: resume it (with what was fixed) before promoting again.',
  at_last_step: 'The rollout is already at 100%.',
  already_paused: 'The rollout is already paused.',
  not_paused: 'The rollout is not paused; there is nothing to resume.',
  already_rolled_back: 'The rollout is already rolled back to shadow.',
  completed: 'The rollout is completed; nothing changes it any more.',
};

/** Why the server refused, and what to do next (shown inside the dialog). */
export function actionProblem(error: unknown): string {
  if (!isApiError(error)) return describeError(error);
  const refusal = typeof error.details?.refusal === 'string' ? REFUSALS[error.details.refusal] : undefined;
  if (refusal) return `${refusal} Nothing was changed.`;
  switch (error.code) {
    case 'IdempotencyKeyReused':
      return 'This dialog already sent this action with another reason, and the server kept the first one. Close the dialog and look at the rollout before acting again.';
    case 'Conflict':
      return `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}. Nothing was changed; close the dialog to see the current state.`;
    case 'Forbidden':
      return `${describeError(error)} Ask an operator (or an admin, to override the gate).`;
    default:
      return `${describeError(error)}${error.status === 0 || error.status >= 500 ? ' Confirming again is safe: the server acts on this dialog’s request at most once.' : ''}`;
  }
}
