import { beforeEach, describe, expect, it } from 'vitest';
import { bucketCounts, matchesTrigger, periodNumbers, riskLevel, riskScore } from './aggregate';
import { analyze } from './failures';
import { bucketsBetween } from './time-buckets';
import { ev, HOUR, MIN, resetIds, rollback, T0, write } from './test-events';

beforeEach(resetIds);

/** Midnight UTC of T0's day. */
const D0 = T0 - 9 * HOUR;

/** Day 1 (2026-11-02): two loads, one rolled back after 20 min. Day 3: a promotion the guards roll back, a patch, a kill switch. */
function week() {
  return [
    write(0, 2),
    write(60, 3, 'snapshot.patch'),
    rollback(80, 3, 2, [3]),
    write(48 * 60, 4, 'rollout.promote', { rolloutId: 'pay-v2' }),
    ev(48 * 60 + 30, 'rollout.rollback', { rolloutId: 'pay-v2', automatic: true, triggerId: 'critical-error-rate', triggerLabel: 'V2 error rate above 5%', toVersion: 5 }),
    write(50 * 60, 6, 'snapshot.patch'),
    ev(50 * 60 + 10, 'killswitch.enable'),
    ev(50 * 60 + 40, 'killswitch.disable'),
    write(52 * 60, 7, 'snapshot.restore', { namespace: 'search' }),
  ];
}

describe('periodNumbers', () => {
  it('counts changes, failures, rollbacks and recoveries of one namespace in a period', () => {
    const a = analyze(week(), []);
    const n = periodNumbers(a, 'payments', T0, T0 + 7 * 24 * HOUR);
    expect(n).toEqual({
      changes: 4,
      loads: 1,
      patches: 2,
      restores: 0,
      promotions: 1,
      failures: 3,
      changeFailureRate: 0.75,
      rollbacks: 2,
      manualRollbacks: 1,
      automaticRollbacks: 1,
      killSwitchEpisodes: 1,
      recoveries: 3,
      timeToSafeRollbackMeanMs: 20 * MIN,
      timeToSafeRollbackP90Ms: 30 * MIN,
    });
  });

  it('a change near the end of the period fails by a rollback after it; an empty period has no rate', () => {
    const a = analyze([write(0, 2), rollback(30, 2, 1, [2])], []);
    const n = periodNumbers(a, 'payments', T0 - HOUR, T0 + 10 * MIN);
    expect([n.changes, n.failures, n.rollbacks, n.recoveries]).toEqual([1, 1, 0, 0]);
    const empty = periodNumbers(a, 'search', T0 - HOUR, T0 + HOUR);
    expect([empty.changes, empty.changeFailureRate, empty.timeToSafeRollbackMeanMs]).toEqual([0, null, null]);
    expect(periodNumbers(a, null, T0 - HOUR, T0 + HOUR).failures).toBe(1);
  });
});

describe('bucketCounts', () => {
  it('every day of the week is present, zero where nothing happened', () => {
    const a = analyze(week(), []);
    const days = bucketsBetween(D0, D0 + 7 * 24 * HOUR, 'day', 'UTC');
    const counts = bucketCounts(a, 'payments', days, null);
    expect(counts).toHaveLength(7);
    expect(counts.map((c) => [c.changes, c.failures, c.manual, c.automatic, c.killSwitchEpisodes])).toEqual([
      [2, 1, 1, 0, 0],
      [0, 0, 0, 0, 0],
      [2, 2, 0, 1, 1],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(counts[2]?.byTrigger).toEqual({ 'critical-error-rate': 1 });
    expect(counts[0]?.byTrigger).toEqual({ manual: 1 });
  });

  it('buckets in the user time zone: a change at 23:30 UTC is the next day in Berlin', () => {
    const a = analyze([write(14 * 60 + 30, 2)], []);
    const utc = bucketCounts(a, 'payments', bucketsBetween(D0, D0 + 2 * 24 * HOUR, 'day', 'UTC'), null);
    const berlin = bucketCounts(a, 'payments', bucketsBetween(D0, D0 + 2 * 24 * HOUR, 'day', 'Europe/Berlin'), null);
    expect(utc.map((c) => c.changes)).toEqual([1, 0]);
    expect(berlin.map((c) => c.changes)).toEqual([0, 1, 0]);
  });

  it('filters rollbacks by trigger, leaving the other counts alone', () => {
    const a = analyze(week(), []);
    const days = bucketsBetween(D0, D0 + 3 * 24 * HOUR, 'day', 'UTC');
    expect(bucketCounts(a, 'payments', days, 'manual').map((c) => c.rollbacks)).toEqual([1, 0, 0]);
    expect(bucketCounts(a, 'payments', days, 'automatic').map((c) => c.rollbacks)).toEqual([0, 0, 1]);
    expect(bucketCounts(a, 'payments', days, 'critical-memory').map((c) => [c.rollbacks, c.changes])).toEqual([
      [0, 2],
      [0, 0],
      [0, 2],
    ]);
    expect(matchesTrigger(a.rollbacks[1]!, 'critical-error-rate')).toBe(true);
  });
});

describe('risk', () => {
  it('failed changes, plus 2 per recent automatic rollback, plus kill-switch episodes', () => {
    expect(riskScore({ failures: 3, killSwitchEpisodes: 1 }, 1)).toBe(6);
    expect([0, 1, 2, 4, 5].map(riskLevel)).toEqual(['none', 'low', 'medium', 'medium', 'high']);
  });
});
