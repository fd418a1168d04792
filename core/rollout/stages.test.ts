import { describe, expect, it } from 'vitest';
import { DEFAULT_STEPS, type RolloutState, type Step } from './model';
import {
  ROLLOUT_ACTIONS,
  applyAction,
  describeStep,
  initialRolloutState,
  modeForStage,
  validateSteps,
  type ActionContext,
  type RolloutAction,
  type TransitionResult,
} from './stages';

const steps = DEFAULT_STEPS;
const at = (stepIndex: number, status: RolloutState['status'] = 'active', pausedReason?: string): RolloutState => ({
  stepIndex,
  mode: modeForStage(steps[stepIndex]?.stage ?? 'shadow'),
  paused: status === 'paused',
  ...(pausedReason ? { pausedReason } : {}),
  status,
});

function accepted(r: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${r.code} ${r.message}`);
  return r;
}
const codeOf = (r: TransitionResult): string => (r.ok ? 'ok' : r.code);

describe('modeForStage', () => {
  it('runs the shadow stage in shadow mode and every other stage event_based', () => {
    expect(modeForStage('shadow')).toBe('shadow');
    expect(modeForStage('canary')).toBe('event_based');
    expect(modeForStage('ramp')).toBe('event_based');
    expect(modeForStage('full')).toBe('event_based');
  });
});

describe('validateSteps', () => {
  it('accepts the default plan shadow 0 -> 1 -> 10 -> 25 -> 50 -> 100', () => {
    expect(validateSteps(DEFAULT_STEPS)).toEqual({ ok: true });
    expect(DEFAULT_STEPS.map((s) => s.share)).toEqual([0, 1, 10, 25, 50, 100]);
  });

  it('accepts a short plan shadow -> full', () => {
    expect(validateSteps([{ stage: 'shadow', share: 0 }, { stage: 'full', share: 100 }])).toEqual({ ok: true });
  });

  const cases: [string, Step[], number, string][] = [
    ['too few steps', [{ stage: 'shadow', share: 0 }], 0, 'steps'],
    ['first not shadow', [{ stage: 'canary', share: 0 }, { stage: 'full', share: 100 }], 0, 'stage'],
    ['first share not 0', [{ stage: 'shadow', share: 5 }, { stage: 'full', share: 100 }], 0, 'share'],
    ['last share not 100', [{ stage: 'shadow', share: 0 }, { stage: 'canary', share: 1 }, { stage: 'full', share: 90 }], 2, 'share'],
    ['last not full', [{ stage: 'shadow', share: 0 }, { stage: 'ramp', share: 100 }], 1, 'stage'],
    ['shares not increasing', [{ stage: 'shadow', share: 0 }, { stage: 'ramp', share: 10 }, { stage: 'ramp', share: 10 }, { stage: 'full', share: 100 }], 2, 'share'],
    ['stage going backwards', [{ stage: 'shadow', share: 0 }, { stage: 'ramp', share: 10 }, { stage: 'canary', share: 20 }, { stage: 'full', share: 100 }], 2, 'stage'],
    ['full in the middle', [{ stage: 'shadow', share: 0 }, { stage: 'full', share: 50 }, { stage: 'full', share: 100 }], 1, 'stage'],
    ['shadow in the middle', [{ stage: 'shadow', share: 0 }, { stage: 'shadow', share: 5 }, { stage: 'full', share: 100 }], 1, 'stage'],
    ['share out of range', [{ stage: 'shadow', share: 0 }, { stage: 'ramp', share: 150 }, { stage: 'full', share: 100 }], 1, 'share'],
    ['share not a number', [{ stage: 'shadow', share: 0 }, { stage: 'ramp', share: Number.NaN }, { stage: 'full', share: 100 }], 1, 'share'],
  ];
  it.each(cases)('refuses %s', (_name, plan, index, field) => {
    expect(validateSteps(plan)).toMatchObject({ ok: false, index, field });
  });
});

describe('describeStep and initialRolloutState', () => {
  it('names steps the way the stage track shows them', () => {
    expect(DEFAULT_STEPS.map(describeStep)).toEqual(['Shadow', 'Canary 1%', 'Ramp 10%', 'Ramp 25%', 'Ramp 50%', 'Full 100%']);
  });
  it('starts at shadow, active, not paused', () => {
    expect(initialRolloutState(steps)).toEqual({ stepIndex: 0, mode: 'shadow', paused: false, status: 'active' });
  });
});

describe('applyAction: promote', () => {
  it('walks the whole plan with the gate accepting, switching to event_based at the canary', () => {
    let state = initialRolloutState(steps);
    const seen: [number, string][] = [];
    for (let i = 1; i < steps.length; i++) {
      const r = accepted(applyAction(state, steps, 'promote', { gateAccepted: true, reason: 'gate green twice', expectedStepIndex: i - 1 }));
      state = r.state;
      seen.push([r.step.share, r.state.mode]);
      expect(r.fromStep).toBe(steps[i - 1]);
    }
    expect(seen).toEqual([
      [1, 'event_based'],
      [10, 'event_based'],
      [25, 'event_based'],
      [50, 'event_based'],
      [100, 'event_based'],
    ]);
    expect(state).toEqual({ stepIndex: 5, mode: 'event_based', paused: false, status: 'active' });
  });

  it('refuses to promote past 100%', () => {
    expect(applyAction(at(5), steps, 'promote', { reason: 'more' })).toMatchObject({ ok: false, code: 'at_last_step' });
  });

  it('needs a reason to promote into 100% but not into 50%', () => {
    expect(applyAction(at(4), steps, 'promote')).toMatchObject({ ok: false, code: 'reason_required' });
    expect(applyAction(at(4), steps, 'promote', { reason: '  ' })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(accepted(applyAction(at(3), steps, 'promote')).state.stepIndex).toBe(4);
  });

  it('refuses while paused, naming the pause reason', () => {
    const r = applyAction(at(2, 'paused', 'p95 warning'), steps, 'promote');
    expect(r).toMatchObject({ ok: false, code: 'paused' });
    expect(r.ok ? '' : r.message).toContain('p95 warning');
  });

  it('refuses after a rollback until resumed', () => {
    expect(applyAction(at(0, 'rolled_back'), steps, 'promote')).toMatchObject({ ok: false, code: 'rolled_back' });
  });

  it('respects the gate unless an admin overrides it with a reason', () => {
    expect(applyAction(at(1), steps, 'promote', { gateAccepted: false })).toMatchObject({ ok: false, code: 'gate_not_accepted' });
    expect(applyAction(at(1), steps, 'promote', { gateAccepted: false, overrideGate: true })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(accepted(applyAction(at(1), steps, 'promote', { gateAccepted: false, overrideGate: true, reason: 'parity adapter down, metrics fine' })).state.stepIndex).toBe(2);
    expect(accepted(applyAction(at(1), steps, 'promote', { gateAccepted: true })).state.stepIndex).toBe(2);
  });
});

describe('applyAction: pause and resume', () => {
  it('pauses an active rollout and keeps the reason', () => {
    const r = accepted(applyAction(at(3), steps, 'pause', { reason: ' warning-cpu ' }));
    expect(r.state).toEqual({ stepIndex: 3, mode: 'event_based', paused: true, pausedReason: 'warning-cpu', status: 'paused' });
    expect(r.step).toBe(steps[3]);
  });

  it('pauses without a reason too', () => {
    expect(accepted(applyAction(at(3), steps, 'pause')).state).toEqual({ stepIndex: 3, mode: 'event_based', paused: true, status: 'paused' });
  });

  it('refuses to pause twice or to pause a rolled-back rollout', () => {
    expect(applyAction(at(3, 'paused'), steps, 'pause')).toMatchObject({ ok: false, code: 'already_paused' });
    expect(applyAction(at(0, 'rolled_back'), steps, 'pause')).toMatchObject({ ok: false, code: 'not_active' });
  });

  it('resumes a paused rollout at the same step and clears the reason', () => {
    const r = accepted(applyAction(at(3, 'paused', 'cpu'), steps, 'resume'));
    expect(r.state).toEqual({ stepIndex: 3, mode: 'event_based', paused: false, status: 'active' });
  });

  it('refuses to resume what is not paused', () => {
    expect(applyAction(at(3), steps, 'resume')).toMatchObject({ ok: false, code: 'not_paused' });
  });

  it('resumes after a rollback only with a reason, at shadow, and then promotes again', () => {
    expect(applyAction(at(0, 'rolled_back'), steps, 'resume')).toMatchObject({ ok: false, code: 'reason_required' });
    const resumed = accepted(applyAction(at(0, 'rolled_back'), steps, 'resume', { reason: 'fix deployed' }));
    expect(resumed.state).toEqual({ stepIndex: 0, mode: 'shadow', paused: false, status: 'active' });
    expect(accepted(applyAction(resumed.state, steps, 'promote')).state).toMatchObject({ stepIndex: 1, mode: 'event_based' });
  });
});

describe('applyAction: rollback and auto_rollback', () => {
  it('rolls back from 25% to the shadow stage', () => {
    const r = accepted(applyAction(at(3), steps, 'rollback', { reason: 'errors', expectedStepIndex: 3 }));
    expect(r.state).toEqual({ stepIndex: 0, mode: 'shadow', paused: false, status: 'rolled_back' });
    expect(r.step).toBe(steps[0]);
    expect(r.fromStep).toBe(steps[3]);
  });

  it('rolls back a paused rollout and drops the pause', () => {
    const r = accepted(applyAction(at(4, 'paused', 'cpu'), steps, 'auto_rollback', { reason: 'critical-error-rate@2026-02-19T18:00:00.000Z' }));
    expect(r.state).toEqual({ stepIndex: 0, mode: 'shadow', paused: false, status: 'rolled_back' });
  });

  it('rolls back from shadow too, which holds promotion', () => {
    expect(accepted(applyAction(at(0), steps, 'auto_rollback', { reason: 'memory' })).state.status).toBe('rolled_back');
  });

  it('needs a reason', () => {
    expect(applyAction(at(3), steps, 'rollback')).toMatchObject({ ok: false, code: 'reason_required' });
    expect(applyAction(at(3), steps, 'auto_rollback')).toMatchObject({ ok: false, code: 'reason_required' });
  });

  it('refuses a second rollback: two operators clicking at once roll back once', () => {
    const first = accepted(applyAction(at(3), steps, 'rollback', { reason: 'a' }));
    expect(applyAction(first.state, steps, 'rollback', { reason: 'b' })).toMatchObject({ ok: false, code: 'already_rolled_back' });
    expect(applyAction(first.state, steps, 'auto_rollback', { reason: 'c' })).toMatchObject({ ok: false, code: 'already_rolled_back' });
  });
});

describe('applyAction: complete', () => {
  it('completes at 100% and then refuses everything', () => {
    const done = accepted(applyAction(at(5), steps, 'complete'));
    expect(done.state).toEqual({ stepIndex: 5, mode: 'event_based', paused: false, status: 'completed' });
    for (const action of ROLLOUT_ACTIONS) {
      expect(applyAction(done.state, steps, action, { reason: 'x', gateAccepted: true })).toMatchObject({ ok: false, code: 'completed' });
    }
  });

  it('refuses before 100% or while paused', () => {
    expect(applyAction(at(4), steps, 'complete')).toMatchObject({ ok: false, code: 'not_at_last_step' });
    expect(applyAction(at(5, 'paused'), steps, 'complete')).toMatchObject({ ok: false, code: 'not_active' });
  });
});

describe('applyAction: preconditions', () => {
  it('refuses when the operator saw another stage', () => {
    const r = applyAction(at(3), steps, 'rollback', { reason: 'x', expectedStepIndex: 2 });
    expect(r).toMatchObject({ ok: false, code: 'stale_stage' });
    expect(r.ok ? '' : r.message).toBe('The rollout moved to Ramp 25% since you looked (you saw Ramp 10%); review it and try again.');
  });

  it('refuses an impossible state or plan', () => {
    expect(applyAction(at(9), steps, 'pause')).toMatchObject({ ok: false, code: 'invalid_state' });
    expect(applyAction(at(0), [{ stage: 'canary', share: 1 }], 'pause')).toMatchObject({ ok: false, code: 'invalid_steps' });
  });

  it('does not mutate the state it is given', () => {
    const state = at(3, 'paused', 'cpu');
    const copy = structuredClone(state);
    for (const action of ROLLOUT_ACTIONS) applyAction(state, steps, action, { reason: 'r' });
    expect(state).toEqual(copy);
  });
});

describe('applyAction: the full transition table', () => {
  const ctx: ActionContext = { reason: 'because', gateAccepted: true };
  const states: Record<string, RolloutState> = {
    'active@shadow': at(0),
    'active@25%': at(3),
    'active@100%': at(5),
    'paused@25%': at(3, 'paused', 'cpu'),
    'rolled_back@shadow': at(0, 'rolled_back'),
    'completed@100%': at(5, 'completed'),
  };
  const expected: Record<string, Record<RolloutAction, string>> = {
    'active@shadow': { promote: 'ok', pause: 'ok', resume: 'not_paused', rollback: 'ok', auto_rollback: 'ok', complete: 'not_at_last_step' },
    'active@25%': { promote: 'ok', pause: 'ok', resume: 'not_paused', rollback: 'ok', auto_rollback: 'ok', complete: 'not_at_last_step' },
    'active@100%': { promote: 'at_last_step', pause: 'ok', resume: 'not_paused', rollback: 'ok', auto_rollback: 'ok', complete: 'ok' },
    'paused@25%': { promote: 'paused', pause: 'already_paused', resume: 'ok', rollback: 'ok', auto_rollback: 'ok', complete: 'not_at_last_step' },
    'rolled_back@shadow': { promote: 'rolled_back', pause: 'not_active', resume: 'ok', rollback: 'already_rolled_back', auto_rollback: 'already_rolled_back', complete: 'not_at_last_step' },
    'completed@100%': { promote: 'completed', pause: 'completed', resume: 'completed', rollback: 'completed', auto_rollback: 'completed', complete: 'completed' },
  };
  const rows = Object.entries(states).flatMap(([name, state]) => ROLLOUT_ACTIONS.map((action) => [name, action, state] as const));
  it.each(rows)('%s + %s', (name, action, state) => {
    expect(codeOf(applyAction(state, steps, action, ctx))).toBe(expected[name]?.[action]);
  });

  it('keeps paused === (status === "paused") in every accepted transition', () => {
    for (const state of Object.values(states)) {
      for (const action of ROLLOUT_ACTIONS) {
        const r = applyAction(state, steps, action, ctx);
        const next = r.ok ? r.state : state;
        expect(next.paused).toBe(next.status === 'paused');
        expect(next.pausedReason === undefined || next.paused).toBe(true);
      }
    }
  });
});
