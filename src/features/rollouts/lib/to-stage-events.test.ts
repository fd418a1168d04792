import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../../mocks/data';
import { toStageEvents } from './to-stage-events';

const step = (stepIndex: number, stage: string, share: number) => ({ stepIndex, stage, share });

describe('toStageEvents', () => {
  it('orders events oldest first and places pauses and resumes at the step the rollout was on', () => {
    const events = [
      makeEvent({ id: 5, action: 'rollout.resume', reason: 'fixed', details: { rolloutId: 'r', from: 'paused', step: { stage: 'canary', share: 1 } } }),
      makeEvent({ id: 4, action: 'rollout.pause', reason: 'look at p95', details: { rolloutId: 'r', automatic: false, step: { stage: 'canary', share: 1 } } }),
      makeEvent({ id: 3, action: 'rollout.promote', reason: 'clean shadow run', details: { rolloutId: 'r', from: step(0, 'shadow', 0), to: step(1, 'canary', 1), override: false } }),
      makeEvent({ id: 2, action: 'rollout.create', reason: 'start', details: { rolloutId: 'r', step: { stage: 'shadow', share: 0 } } }),
      makeEvent({ id: 1, action: 'snapshot.load', reason: 'unrelated' }),
    ];
    expect(toStageEvents(events).map((e) => [e.id, e.action, e.fromStepIndex, e.toStepIndex])).toEqual([
      [2, 'create', 0, 0],
      [3, 'promote', 0, 1],
      [4, 'pause', 1, 1],
      [5, 'resume', 1, 1],
    ]);
  });

  it('tells automatic rollbacks and guard pauses from manual ones, and keeps gate overrides', () => {
    const events = [
      makeEvent({ id: 3, action: 'rollout.rollback', actor: 'switchyard-guards', details: { automatic: true, trigger: 'critical-error-rate', from: step(2, 'ramp', 10), to: step(0, 'shadow', 0) } }),
      makeEvent({ id: 2, action: 'rollout.pause', details: { automatic: true, trigger: 'warning-cpu' } }),
      makeEvent({ id: 1, action: 'rollout.promote', details: { from: step(1, 'canary', 1), to: step(2, 'ramp', 10), override: true } }),
    ];
    const out = toStageEvents(events);
    expect(out.map((e) => [e.action, e.fromStepIndex, e.toStepIndex])).toEqual([
      ['promote', 1, 2],
      ['pause', 2, 2],
      ['auto_rollback', 2, 0],
    ]);
    expect(out[0]?.gateOverridden).toBe(true);
    expect(out[1]?.automatic).toBe(true);
  });

  it('survives details it does not understand', () => {
    const out = toStageEvents([makeEvent({ id: 1, action: 'rollout.promote', details: { from: 'nowhere' } }), makeEvent({ id: 2, action: 'rollout.rollback', details: {} })]);
    expect(out.map((e) => [e.action, e.fromStepIndex, e.toStepIndex])).toEqual([
      ['promote', 0, 1],
      ['rollback', 1, 0],
    ]);
  });
});
