/**
 * The stage machine: which operator and guard actions are allowed in which state, and where
 * they lead. Pure; the server persists the result and writes the audit event.
 *
 * Decisions where the sources are silent:
 * - Rollback (manual or automatic) goes to step 0 (the shadow stage, jido's `rollback_stage`)
 *   with status `rolled_back`. It is allowed from `active` and `paused` at any step, including
 *   step 0: a critical breach seen in shadow still has to stop promotion.
 * - A rolled-back rollout does not promote directly: someone must `resume` it first (with a
 *   reason, e.g. "fix deployed"). That makes "we looked at why it rolled back" a deliberate act,
 *   and gives the server the moment to restart the gate's accept streak.
 * - Reaching 100% keeps the rollout `active` (guards still watch it, rollback still works);
 *   `complete` is the separate success declaration (seed 004, day 6 "success declaration"),
 *   allowed only at the last step while active, and terminal: every later action is refused.
 * - The mode follows the stage on every stage change (`modeForStage`); pause and resume do not
 *   touch the mode. The machine never produces `disabled`.
 * - Reasons are required where the blast radius is large (product O2): rollback, automatic
 *   rollback, promotion into the last step, resuming after a rollback, and a gate override.
 */
import type { RolloutMode, RolloutState, Stage, Step } from './model';

export const ROLLOUT_ACTIONS = ['promote', 'pause', 'resume', 'rollback', 'auto_rollback', 'complete'] as const;
export type RolloutAction = (typeof ROLLOUT_ACTIONS)[number];

/** Preconditions and inputs of an action, all optional; what is absent is not checked. */
export interface ActionContext {
  /** The step index the operator saw; a different current index refuses with `stale_stage`. */
  expectedStepIndex?: number;
  /** Why. Required for rollback, auto_rollback, promotion into the last step, resume after rollback, gate override. */
  reason?: string;
  /** Whether the gate allows promotion (see `promotionAllowed` in ./gate). `false` refuses promote unless overridden. */
  gateAccepted?: boolean;
  /** An admin promoting against the gate (needs a reason). */
  overrideGate?: boolean;
}

export type TransitionRefusalCode =
  | 'invalid_steps'
  | 'invalid_state'
  | 'completed'
  | 'stale_stage'
  | 'reason_required'
  | 'paused'
  | 'rolled_back'
  | 'at_last_step'
  | 'gate_not_accepted'
  | 'already_paused'
  | 'not_active'
  | 'not_paused'
  | 'already_rolled_back'
  | 'not_at_last_step';

export type TransitionResult =
  | { ok: true; state: RolloutState; step: Step; fromStep: Step }
  | { ok: false; code: TransitionRefusalCode; message: string };

export type StepsValidation = { ok: true } | { ok: false; index: number; field: 'stage' | 'share' | 'steps'; message: string };

/** The shadow stage runs in shadow mode; every other stage in event_based mode (jido `stage_mode`). */
export function modeForStage(stage: Stage): RolloutMode {
  return stage === 'shadow' ? 'shadow' : 'event_based';
}

const STAGE_RANK: Record<Stage, number> = { shadow: 0, canary: 1, ramp: 2, full: 3 };

/**
 * A plan is valid when it has 2..20 steps, starts at shadow 0%, ends at full 100%, shares are
 * finite and strictly increasing, and stages never go backwards (shadow < canary < ramp < full)
 * with shadow only first and full only last.
 */
export function validateSteps(steps: readonly Step[]): StepsValidation {
  if (steps.length < 2 || steps.length > 20) {
    return { ok: false, index: 0, field: 'steps', message: `a rollout needs 2 to 20 steps, got ${steps.length}` };
  }
  const last = steps.length - 1;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step === undefined) continue;
    if (!Number.isFinite(step.share) || step.share < 0 || step.share > 100) {
      return { ok: false, index: i, field: 'share', message: `step ${i}: share must be a number from 0 to 100` };
    }
    if (i === 0 && (step.stage !== 'shadow' || step.share !== 0)) {
      return { ok: false, index: 0, field: step.stage !== 'shadow' ? 'stage' : 'share', message: 'the first step must be shadow at 0%' };
    }
    if (i === last && (step.stage !== 'full' || step.share !== 100)) {
      return { ok: false, index: i, field: step.stage !== 'full' ? 'stage' : 'share', message: 'the last step must be full at 100%' };
    }
    if (i > 0 && i < last && (step.stage === 'shadow' || step.stage === 'full')) {
      return { ok: false, index: i, field: 'stage', message: `step ${i}: only the first step is shadow and only the last is full` };
    }
    const prev = steps[i - 1];
    if (prev !== undefined) {
      if (step.share <= prev.share) {
        return { ok: false, index: i, field: 'share', message: `step ${i}: shares must increase (${prev.share}% then ${step.share}%)` };
      }
      if (STAGE_RANK[step.stage] < STAGE_RANK[prev.stage]) {
        return { ok: false, index: i, field: 'stage', message: `step ${i}: stage ${step.stage} cannot follow ${prev.stage}` };
      }
    }
  }
  return { ok: true };
}

/** A new rollout: at step 0 (shadow), active. */
export function initialRolloutState(steps: readonly Step[]): RolloutState {
  const first = steps[0];
  return { stepIndex: 0, mode: modeForStage(first?.stage ?? 'shadow'), paused: false, status: 'active' };
}

/** "Shadow", "Canary 1%", "Ramp 25%", "Full 100%". */
export function describeStep(step: Step): string {
  if (step.stage === 'shadow') return 'Shadow';
  const name = step.stage.charAt(0).toUpperCase() + step.stage.slice(1);
  return `${name} ${step.share}%`;
}

const refuse = (code: TransitionRefusalCode, message: string): TransitionResult => ({ ok: false, code, message });

const hasReason = (ctx: ActionContext): boolean => (ctx.reason ?? '').trim() !== '';

/**
 * Apply one action. Check order: plan and state sanity, terminal state, the stage the operator
 * saw, then the action's own rules. Refusals say what is wrong and what to do instead.
 */
export function applyAction(
  state: RolloutState,
  steps: readonly Step[],
  action: RolloutAction,
  ctx: ActionContext = {},
): TransitionResult {
  const plan = validateSteps(steps);
  if (!plan.ok) return refuse('invalid_steps', `The rollout plan is invalid: ${plan.message}.`);
  const from = steps[state.stepIndex];
  if (!Number.isInteger(state.stepIndex) || from === undefined) {
    return refuse('invalid_state', `Step ${state.stepIndex} does not exist in a plan of ${steps.length} steps.`);
  }
  if (state.status === 'completed') {
    return refuse('completed', 'The rollout is completed; start a new rollout to change it.');
  }
  if (ctx.expectedStepIndex !== undefined && ctx.expectedStepIndex !== state.stepIndex) {
    const seen = steps[ctx.expectedStepIndex];
    return refuse(
      'stale_stage',
      `The rollout moved to ${describeStep(from)} since you looked${seen ? ` (you saw ${describeStep(seen)})` : ''}; review it and try again.`,
    );
  }
  const lastIndex = steps.length - 1;
  const moveTo = (stepIndex: number, status: RolloutState['status']): TransitionResult => {
    const step = steps[stepIndex];
    if (step === undefined) return refuse('invalid_state', `Step ${stepIndex} does not exist.`);
    return { ok: true, state: { stepIndex, mode: modeForStage(step.stage), paused: false, status }, step, fromStep: from };
  };

  switch (action) {
    case 'promote': {
      if (state.status === 'paused') {
        return refuse('paused', `The rollout is paused${state.pausedReason ? ` (${state.pausedReason})` : ''}; resume it before promoting.`);
      }
      if (state.status === 'rolled_back') {
        return refuse('rolled_back', 'The rollout was rolled back; resume it (with a reason) before promoting again.');
      }
      if (state.stepIndex >= lastIndex) {
        return refuse('at_last_step', 'The rollout is already at 100%; complete it instead.');
      }
      const to = state.stepIndex + 1;
      if (to === lastIndex && !hasReason(ctx)) {
        return refuse('reason_required', 'Promoting to 100% needs a reason.');
      }
      if (ctx.gateAccepted === false) {
        if (!ctx.overrideGate) {
          return refuse('gate_not_accepted', 'The gate has not accepted twice in a row; wait for it, or override it as an admin with a reason.');
        }
        if (!hasReason(ctx)) return refuse('reason_required', 'Overriding the gate needs a reason.');
      }
      return moveTo(to, 'active');
    }
    case 'pause': {
      if (state.status === 'paused') return refuse('already_paused', 'The rollout is already paused.');
      if (state.status !== 'active') {
        return refuse('not_active', 'Only an active rollout can be paused; a rolled-back rollout already holds promotion.');
      }
      const next: RolloutState = { ...state, paused: true, status: 'paused' };
      const reason = ctx.reason?.trim();
      if (reason) next.pausedReason = reason;
      else delete next.pausedReason;
      return { ok: true, state: next, step: from, fromStep: from };
    }
    case 'resume': {
      if (state.status === 'active') return refuse('not_paused', 'The rollout is not paused; there is nothing to resume.');
      if (state.status === 'rolled_back' && !hasReason(ctx)) {
        return refuse('reason_required', 'Resuming after a rollback needs a reason (what was fixed).');
      }
      const next: RolloutState = { stepIndex: state.stepIndex, mode: state.mode, paused: false, status: 'active' };
      return { ok: true, state: next, step: from, fromStep: from };
    }
    case 'rollback':
    case 'auto_rollback': {
      if (state.status === 'rolled_back') return refuse('already_rolled_back', 'The rollout is already rolled back to shadow.');
      if (!hasReason(ctx)) {
        return refuse('reason_required', action === 'rollback' ? 'Rolling back needs a reason.' : 'An automatic rollback must name its trigger.');
      }
      return moveTo(0, 'rolled_back');
    }
    case 'complete': {
      if (state.stepIndex !== lastIndex) {
        return refuse('not_at_last_step', `The rollout is at ${describeStep(from)}; promote it to 100% before completing.`);
      }
      if (state.status !== 'active') return refuse('not_active', 'Resume the rollout before completing it.');
      return { ok: true, state: { ...state, status: 'completed' }, step: from, fromStep: from };
    }
  }
}
