import { describe, expect, it } from 'vitest';
import { DEFAULT_STEPS } from '@core/rollout/model';
import { makeRollout } from '../../../../mocks/rollout-data';
import { ApiError } from '../../../lib/api-error';
import { actionProblem, actionSentence, promotesToFull } from './action-text';

const at = (stepIndex: number, status: 'active' | 'paused' | 'rolled_back' = 'active') => {
  const step = DEFAULT_STEPS[stepIndex] ?? { stage: 'shadow' as const, share: 0 };
  return makeRollout({ state: { status, stepIndex, stage: step.stage, share: step.share, mode: 'event_based', paused: status === 'paused', pausedReason: null, stageStartedAt: '2026-02-19T18:00:00Z' } });
};

describe('actionSentence', () => {
  it('says what a promotion does to the traffic', () => {
    expect(actionSentence('promote', at(2))).toBe('Promote checkout-variant from Ramp 10% to Ramp 25%: V2 serves 25% of traffic instead of 10%.');
    expect(actionSentence('promote', at(4))).toBe('Promote checkout-variant from Ramp 50% to Full 100%: V2 serves all traffic and V1 stops serving variant.');
    expect(promotesToFull(at(4))).toBe(true);
    expect(promotesToFull(at(3))).toBe(false);
  });

  it('says what pause, resume and rollback do', () => {
    expect(actionSentence('pause', at(1))).toBe('Pause checkout-variant at Canary 1%: traffic stays as it is (V2 1%); promotion holds until someone resumes.');
    expect(actionSentence('resume', at(0, 'rolled_back'))).toMatch(/^Resume checkout-variant after its rollback: it stays in Shadow/);
    expect(actionSentence('rollback', at(3))).toBe('Roll back checkout-variant from Ramp 25% to Shadow: V2 stops serving traffic (its 25% goes back to V1) and runs in shadow only.');
    expect(actionSentence('rollback', at(0))).toMatch(/^Roll back checkout-variant to Shadow: V2 serves no traffic now/);
  });
});

describe('actionProblem', () => {
  it('explains the stage machine’s refusals and says nothing changed', () => {
    const e = new ApiError({ status: 409, code: 'Conflict', message: 'The gate has not accepted', details: { refusal: 'gate_not_accepted' } });
    expect(actionProblem(e)).toMatch(/^The gate has not accepted twice in a row\. .* Nothing was changed\.$/);
  });

  it('says a retry is safe after a network failure', () => {
    expect(actionProblem(new ApiError({ status: 0, code: 'Network', message: 'x' }))).toMatch(/Confirming again is safe/);
  });
});
