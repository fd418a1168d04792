import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../../mocks/data';
import { makeRollout } from '../../../../mocks/rollout-data';
import { ApiError } from '../../../lib/api-error';
import { conflictSentence, parseRolloutConflict } from './conflict';

const seen = makeRollout();
const current = makeRollout({ revision: 8, state: { ...seen.state, status: 'paused', paused: true, pausedReason: 'p95 creeping' } });
const pause = makeEvent({ id: 990, action: 'rollout.pause', actor: 'bob', reason: 'p95 creeping' });
const old = makeEvent({ id: 905, action: 'rollout.promote' });

const stale = (details: Record<string, unknown>) => new ApiError({ status: 412, code: 'PreconditionFailed', message: 'rollout changed', details });

describe('parseRolloutConflict', () => {
  it('reads the current rollout and keeps only the events the user had not seen', () => {
    const c = parseRolloutConflict(stale({ current, changesSince: [pause, old] }), 905);
    expect(c?.current.revision).toBe(8);
    expect(c?.changesSince.map((e) => e.id)).toEqual([990]);
  });

  it('is null for other errors and for a 412 without the details', () => {
    expect(parseRolloutConflict(new ApiError({ status: 409, code: 'Conflict', message: 'x' }), null)).toBeNull();
    expect(parseRolloutConflict(stale({}), null)).toBeNull();
  });
});

describe('conflictSentence', () => {
  it('names both revisions and what they mean', () => {
    expect(conflictSentence(seen, current)).toBe('You saw revision 7 (Ramp 10%, active); it is now at revision 8 (Ramp 10%, paused).');
  });
});
