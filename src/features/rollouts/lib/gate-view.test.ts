import { describe, expect, it } from 'vitest';
import { evaluateGate } from '@core/rollout/gate';
import { DEFAULT_STEPS } from '@core/rollout/model';
import { gateDecision } from './gate-view';

const counts = (over: Partial<Parameters<typeof evaluateGate>[0]> = {}) =>
  evaluateGate({ enqueueRuntime: 100, parityOnly: 0, drop: 5, parityReports: 40, match: 40, mismatch: 0, legacyUnavailable: 0, ...over });

const next = DEFAULT_STEPS[2] ?? null;

describe('gateDecision', () => {
  it('says go once the gate accepted twice in a row', () => {
    const g = counts();
    expect(gateDecision({ status: g.status, checks: g.checks, acceptStreak: 2, requiredStreak: 2, nextStep: next })).toEqual({
      go: true,
      tone: 'success',
      headline: 'Go: promote to Ramp 10%',
      detail: 'The gate accepted 2 reports in a row; every check passes.',
    });
  });

  it('waits for the second accept', () => {
    const g = counts();
    const d = gateDecision({ status: g.status, checks: g.checks, acceptStreak: 1, requiredStreak: 2, nextStep: next });
    expect(d).toMatchObject({ go: false, tone: 'warning', headline: 'No-go yet: 1 of 2 accepts' });
  });

  it('holds for missing evidence and names it', () => {
    const g = counts({ enqueueRuntime: 12, drop: 0, parityReports: 3, match: 3 });
    const d = gateDecision({ status: g.status, checks: g.checks, acceptStreak: 0, requiredStreak: 2, nextStep: next });
    expect(d.headline).toBe('No-go: hold');
    expect(d.detail).toBe('Waiting for evidence: 12 runtime decisions (at least 25 runtime decisions); 3 parity reports (at least 10 parity reports).');
  });

  it('recommends rollback when mismatches exceed the threshold, whatever else holds', () => {
    const g = counts({ parityReports: 20, match: 18, mismatch: 2, enqueueRuntime: 3 });
    const d = gateDecision({ status: g.status, checks: g.checks, acceptStreak: 0, requiredStreak: 2, nextStep: next });
    expect(d).toMatchObject({ go: false, tone: 'danger', headline: 'No-go: rollback recommended' });
    expect(d.detail).toContain('10% (2 of 20 reports)');
  });

  it('puts what blocks promotion (paused, rolled back) before the gate', () => {
    const g = counts();
    const d = gateDecision({ status: g.status, checks: g.checks, acceptStreak: 0, requiredStreak: 2, nextStep: next, blockers: ['rolled back to shadow; resume it (with a reason) first'] });
    expect(d).toMatchObject({ go: false, tone: 'danger', headline: 'No-go: promotion is blocked' });
    expect(d.detail).toBe('Rolled back to shadow; resume it (with a reason) first. The gate itself: 0 of 2 accepts.');
  });

  it('has nothing to promote to at 100%', () => {
    const g = counts();
    expect(gateDecision({ status: g.status, checks: g.checks, acceptStreak: 5, requiredStreak: 2, nextStep: null }).headline).toBe('At 100%');
  });
});
