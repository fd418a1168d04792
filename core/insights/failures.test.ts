import { beforeEach, describe, expect, it } from 'vitest';
import { analyze, durationStats } from './failures';
import { breach, ev, HOUR, MIN, resetIds, rollback, T0, write } from './test-events';

beforeEach(resetIds);

const failedVersions = (a: ReturnType<typeof analyze>) => a.changes.filter((o) => o.failedBy.length > 0).map((o) => o.change.toVersion);

describe('analyze: which changes failed', () => {
  it('a rollback fails the changes whose versions it discarded, within the window', () => {
    const a = analyze([write(0, 2), write(60, 3), rollback(90, 3, 1, [3, 2])], []);
    expect(failedVersions(a)).toEqual([2, 3]);
    expect(a.rollbacks.map((e) => e.action)).toEqual(['snapshot.rollback']);
  });

  it('a change older than the failure window does not fail (the rollback still counts as a rollback)', () => {
    const a = analyze([write(0, 2), write(25 * 60, 3), rollback(25 * 60 + 30, 3, 1, [3, 2])], []);
    expect(failedVersions(a)).toEqual([3]);
    const narrow = analyze([write(0, 2), rollback(90, 2, 1, [2])], [], { failureWindowMs: HOUR });
    expect(failedVersions(narrow)).toEqual([]);
    expect(narrow.rollbacks).toHaveLength(1);
    expect(narrow.recoveries).toEqual([]);
  });

  it('a kill switch fails the latest change; a rollback after it is the same failure, not a second one', () => {
    const a = analyze([write(0, 2), write(30, 3), ev(40, 'killswitch.enable'), rollback(50, 3, 2, [3]), ev(70, 'killswitch.disable')], []);
    expect(failedVersions(a)).toEqual([3]);
    const failed = a.changes.find((o) => o.change.toVersion === 3);
    expect(failed?.failedBy.map((e) => e.action)).toEqual(['killswitch.enable', 'snapshot.rollback']);
    // The kill switch made it safe: one recovery, timed to the kill switch.
    expect(a.recoveries).toHaveLength(1);
    expect(a.recoveries[0]).toMatchObject({ event: { action: 'killswitch.enable' }, durationMs: 10 * MIN, detection: null });
    expect(a.killSwitch).toHaveLength(1);
    expect(a.killSwitch[0]?.off?.at).toBe(T0 + 70 * MIN);
  });

  it('a rollback of a rollback: the restore that re-applies a discarded version is a new change that can fail on its own', () => {
    const first = analyze([write(0, 2), rollback(20, 2, 1, [2]), write(120, 3, 'snapshot.restore')], []);
    expect(first.changes.map((o) => [o.change.action, o.failedBy.length])).toEqual([
      ['snapshot.load', 1],
      ['snapshot.restore', 0],
    ]);
    const again = analyze([write(0, 2), rollback(20, 2, 1, [2]), write(120, 3, 'snapshot.restore'), rollback(150, 3, 1, [3])], []);
    expect(again.changes.map((o) => o.failedBy.length)).toEqual([1, 1]);
    expect(again.recoveries.map((r) => r.durationMs)).toEqual([20 * MIN, 30 * MIN]);
  });

  it('a rollout rollback fails the promotions of that rollout since its previous rollback, not config changes in between', () => {
    const promote = (m: number, v: number, rolloutId = 'pay-v2') => write(m, v, 'rollout.promote', { rolloutId });
    const events = [
      promote(0, 2),
      promote(60, 3),
      write(70, 4),
      promote(80, 5, 'other'),
      ev(100, 'rollout.rollback', { rolloutId: 'pay-v2', automatic: true, triggerId: 'critical-error-rate', toVersion: 6 }),
      promote(200, 7),
      ev(230, 'rollout.rollback', { rolloutId: 'pay-v2', toVersion: 8 }),
    ];
    const a = analyze(events, []);
    expect(failedVersions(a)).toEqual([2, 3, 7]);
  });

  it('keeps namespaces apart', () => {
    const a = analyze([write(0, 2), write(5, 2, 'snapshot.load', { namespace: 'search' }), rollback(10, 2, 1, [2], { namespace: 'search' })], []);
    expect(a.changes.map((o) => [o.change.namespace, o.failedBy.length])).toEqual([
      ['payments', 0],
      ['search', 1],
    ]);
  });
});

describe('analyze: time to safe rollback', () => {
  it('runs from the change when nothing detected the problem', () => {
    const a = analyze([write(0, 2), rollback(23, 2, 1, [2])], []);
    expect(a.recoveries[0]).toMatchObject({ startAt: T0, durationMs: 23 * MIN, detection: null });
  });

  it('runs from the first detection after the earliest recovered change, ignoring older ones and other namespaces', () => {
    const a = analyze(
      [write(0, 2), write(10, 3), rollback(50, 3, 1, [3, 2])],
      [breach(-5), breach(12, 'search-v2', 'search'), breach(30), { ...breach(20), kind: 'parity_spike', ref: 'pay-v2@spike' }],
    );
    expect(a.recoveries).toHaveLength(1);
    expect(a.recoveries[0]?.detection?.ref).toBe('pay-v2@spike');
    expect(a.recoveries[0]?.durationMs).toBe(30 * MIN);
    expect(a.recoveries[0]?.changes.map((c) => c.toVersion)).toEqual([2, 3]);
  });

  it('a detection after the rollback does not count', () => {
    const a = analyze([write(0, 2), rollback(10, 2, 1, [2])], [breach(11)]);
    expect(a.recoveries[0]?.detection).toBeNull();
  });
});

describe('durationStats', () => {
  it('mean and nearest-rank p90', () => {
    expect(durationStats([])).toEqual({ samples: 0, meanMs: null, p90Ms: null });
    expect(durationStats([5 * MIN])).toEqual({ samples: 1, meanMs: 5 * MIN, p90Ms: 5 * MIN });
    expect(durationStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ samples: 10, meanMs: 6, p90Ms: 9 });
    expect(durationStats([10, 1, 100])).toEqual({ samples: 3, meanMs: 37, p90Ms: 100 });
  });
});
