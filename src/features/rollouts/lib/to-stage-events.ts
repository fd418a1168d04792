/**
 * The rollout's audit events (newest first, as the detail endpoint sends them) as stage events
 * for the track, oldest first. Promotions and rollbacks carry their from/to step indices in
 * `details`; pauses and resumes do not, so they are placed at the step the rollout was on,
 * replaying the moves in order. Unknown or malformed details never break the page.
 */
import { z } from 'zod/mini';
import type { AuditEvent } from '@contract/schemas';
import type { StageAction, StageEvent } from './to-stage-track';

const StepRef = z.object({ stepIndex: z.number().check(z.int(), z.minimum(0)) });
const Move = z.object({ from: z.optional(StepRef), to: z.optional(StepRef), automatic: z.optional(z.boolean()), override: z.optional(z.boolean()) });

const ACTIONS: Partial<Record<AuditEvent['action'], StageAction>> = {
  'rollout.create': 'create',
  'rollout.promote': 'promote',
  'rollout.pause': 'pause',
  'rollout.resume': 'resume',
  'rollout.rollback': 'rollback',
};

export function toStageEvents(events: readonly AuditEvent[]): StageEvent[] {
  const out: StageEvent[] = [];
  let at = 0;
  for (const e of [...events].sort((a, b) => a.id - b.id)) {
    const base = ACTIONS[e.action];
    if (base === undefined) continue;
    const move = Move.safeParse(e.details);
    const d = move.success ? move.data : {};
    const automatic = d.automatic === true;
    let action: StageAction = base;
    if (base === 'rollback' && automatic) action = 'auto_rollback';
    const from = d.from?.stepIndex ?? at;
    const to = base === 'rollback' ? (d.to?.stepIndex ?? 0) : (d.to?.stepIndex ?? (base === 'promote' ? from + 1 : from));
    const event: StageEvent = { id: e.id, at: e.at, actor: e.actor, action, fromStepIndex: from, toStepIndex: to, reason: e.reason };
    if (d.override) event.gateOverridden = true;
    if (base === 'pause' && automatic) event.automatic = true;
    out.push(event);
    at = to;
  }
  return out;
}
