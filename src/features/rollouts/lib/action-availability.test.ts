import { describe, expect, it } from 'vitest';
import { makeRollout } from '../../../../mocks/rollout-data';
import { actionAvailability } from './action-availability';

const base = makeRollout();
const withState = (status: 'active' | 'paused' | 'rolled_back' | 'completed', stepIndex = 2) => makeRollout({ state: { ...base.state, status, stepIndex } });

describe('actionAvailability', () => {
  it('offers promote, pause and rollback on an active rollout', () => {
    expect(actionAvailability(withState('active'))).toEqual({ promote: null, pause: null, resume: 'The rollout is not paused.', rollback: null, pauseOrResume: 'pause' });
  });

  it('offers resume instead of pause, and explains promote, when paused or rolled back', () => {
    const paused = actionAvailability(withState('paused'));
    expect(paused).toMatchObject({ pauseOrResume: 'resume', resume: null, promote: 'The rollout is paused: resume it first.' });
    const rolledBack = actionAvailability(withState('rolled_back', 0));
    expect(rolledBack).toMatchObject({ pauseOrResume: 'resume', rollback: 'Already rolled back to shadow.' });
  });

  it('has nothing to promote at 100% and nothing at all once completed', () => {
    expect(actionAvailability(withState('active', 5)).promote).toBe('Already at 100%.');
    const done = actionAvailability(withState('completed', 5));
    expect([done.promote, done.pause, done.resume, done.rollback]).toEqual(Array(4).fill('The rollout is completed.'));
  });
});
