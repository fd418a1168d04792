import { describe, expect, it } from 'vitest';
import { DEFAULT_STEPS } from '@core/rollout/model';
import { describeStageEvent, toStageTrack, type StageEvent } from './to-stage-track';

let id = 0;
const ev = (action: StageEvent['action'], from: number, to: number, over: Partial<StageEvent> = {}): StageEvent => ({
  id: ++id,
  at: `2026-02-19T18:0${id % 10}:00.000Z`,
  actor: 'ada',
  action,
  fromStepIndex: from,
  toStepIndex: to,
  reason: `reason ${id}`,
  ...over,
});

describe('toStageTrack', () => {
  it('labels the steps and marks passed, current and upcoming', () => {
    const t = toStageTrack(DEFAULT_STEPS, 2, 'active', []);
    expect(t.nodes.map((n) => `${n.label}:${n.status}`)).toEqual([
      'Shadow:passed',
      '1%:passed',
      '10%:current',
      '25%:upcoming',
      '50%:upcoming',
      '100%:upcoming',
    ]);
    expect(t.headline).toBe('Ramp 10%');
  });

  it('puts promotions at the step they reached and pauses at the step they held, newest first', () => {
    const events = [ev('create', 0, 0), ev('promote', 0, 1), ev('promote', 1, 2), ev('pause', 2, 2), ev('resume', 2, 2)];
    const t = toStageTrack(DEFAULT_STEPS, 2, 'active', events);
    expect(t.nodes[0]?.events.map((e) => e.action)).toEqual(['create']);
    expect(t.nodes[1]?.events.map((e) => e.action)).toEqual(['promote']);
    expect(t.nodes[2]?.events.map((e) => e.action)).toEqual(['resume', 'pause', 'promote']);
  });

  it('shows a rollback where it left from and marks that step while rolled back', () => {
    const events = [ev('promote', 0, 1), ev('promote', 1, 2), ev('auto_rollback', 2, 0, { actor: 'guard' })];
    const t = toStageTrack(DEFAULT_STEPS, 0, 'rolled_back', events);
    expect(t.nodes[2]?.rolledBackFrom).toBe(true);
    expect(t.nodes[2]?.events[0]?.action).toBe('auto_rollback');
    expect(t.nodes[2]?.status).toBe('upcoming');
    expect(t.headline).toBe('Shadow · rolled back');
  });

  it('clears the rolled-back mark once the rollout is resumed', () => {
    const events = [ev('promote', 0, 1), ev('rollback', 1, 0), ev('resume', 0, 0)];
    const t = toStageTrack(DEFAULT_STEPS, 0, 'active', events);
    expect(t.nodes.some((n) => n.rolledBackFrom)).toBe(false);
  });
});

describe('describeStageEvent', () => {
  it('says what happened and where', () => {
    expect(describeStageEvent(ev('promote', 1, 2), DEFAULT_STEPS)).toBe('Promoted to Ramp 10%');
    expect(describeStageEvent(ev('promote', 1, 2, { gateOverridden: true }), DEFAULT_STEPS)).toBe('Promoted to Ramp 10% (gate overridden)');
    expect(describeStageEvent(ev('auto_rollback', 3, 0), DEFAULT_STEPS)).toBe('Rolled back automatically to Shadow');
    expect(describeStageEvent(ev('pause', 1, 1), DEFAULT_STEPS)).toBe('Paused at Canary 1%');
  });
});
