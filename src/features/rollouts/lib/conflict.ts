/**
 * A stale rollout revision (412 PreconditionFailed): the server sends the rollout as it is now
 * and its latest events. This says who changed what since the user looked.
 */
import { z } from 'zod/mini';
import { RolloutSummarySchema, type RolloutSummary } from '@contract/rollouts';
import { AuditEventSchema, type AuditEvent } from '@contract/schemas';
import { describeStep } from '@core/rollout/stages';
import { isApiError } from '../../../lib/api-error';

export interface RolloutConflict {
  current: RolloutSummary;
  /** Events after the newest one the user had seen, newest first. */
  changesSince: AuditEvent[];
  message: string;
}

const Details = z.object({ current: RolloutSummarySchema, changesSince: z.array(AuditEventSchema) });

/** The conflict in a 412, or null for any other error. `seenEventId` is the newest event the user saw. */
export function parseRolloutConflict(error: unknown, seenEventId: number | null): RolloutConflict | null {
  if (!isApiError(error) || error.code !== 'PreconditionFailed') return null;
  const parsed = Details.safeParse(error.details ?? {});
  if (!parsed.success) return null;
  const changesSince = seenEventId === null ? parsed.data.changesSince : parsed.data.changesSince.filter((e) => e.id > seenEventId);
  return { current: parsed.data.current, changesSince, message: error.message };
}

const STATUS_WORDS = { active: 'active', paused: 'paused', rolled_back: 'rolled back', completed: 'completed' } as const;

/** "Ramp 10%, active" */
export function stateWords(r: RolloutSummary): string {
  const step = r.steps[r.state.stepIndex];
  return `${step ? describeStep(step) : `step ${r.state.stepIndex}`}, ${STATUS_WORDS[r.state.status]}`;
}

/** "You saw revision 7 (Ramp 10%, active); it is now at revision 8 (Ramp 10%, paused)." */
export function conflictSentence(seen: RolloutSummary, current: RolloutSummary): string {
  return `You saw revision ${seen.revision} (${stateWords(seen)}); it is now at revision ${current.revision} (${stateWords(current)}).`;
}
