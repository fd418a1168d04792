import { describe, expect, it } from 'vitest';
import type { MetricWindow } from './model';
import { DEFAULT_GUARDS, evaluateGuards, type GuardBreach, type GuardRule, type GuardStatus } from './guards';
import { describeBreach, describeCrossing, describeThreshold } from './guard-wording';
import { GuardRulesSchema } from './schemas';
import { MIN, T0, isoAt, minutes, shuffled, win } from './test-support';

const rule = (id: string): GuardRule => {
  const r = DEFAULT_GUARDS.find((g) => g.id === id);
  if (r === undefined) throw new Error(`no default guard ${id}`);
  return r;
};
const ERR = rule('critical-error-rate');
const LAT = rule('critical-latency-avg');
const MEM = rule('critical-memory');
const P95DEV = rule('warning-p95-deviation');
const CPU = rule('warning-cpu');

/** Evaluate one rule at the end of the latest minute given. */
function one(r: GuardRule, windows: MetricWindow[], now = T0 + 24 * 60 * MIN): GuardStatus {
  const [status] = evaluateGuards(windows, [r], now);
  if (status === undefined) throw new Error('no status');
  return status;
}

function firstBreach(s: GuardStatus): GuardBreach {
  const b = s.breaches[0];
  if (b === undefined) throw new Error('no breach');
  return b;
}

const bad = { errors: 6 }; // 6% of 100 requests
const fine = { errors: 1 };

describe('DEFAULT_GUARDS', () => {
  it('holds seed 004: three critical rollback triggers and four warning pauses', () => {
    expect(DEFAULT_GUARDS.map((g) => [g.id, g.severity, g.action, g.metric, g.comparison, g.forMinutes])).toEqual([
      ['critical-error-rate', 'critical', 'rollback', 'error_rate', { kind: 'absolute', op: '>', value: 0.05 }, 5],
      ['critical-latency-avg', 'critical', 'rollback', 'latency_avg', { kind: 'absolute', op: '>', value: 10_000 }, 10],
      ['critical-memory', 'critical', 'rollback', 'memory', { kind: 'relative_to_v1', op: '>', ratio: 2 }, 5],
      ['warning-error-rate', 'warning', 'pause', 'error_rate', { kind: 'absolute', op: '>', value: 0.02 }, 3],
      ['warning-latency-p95', 'warning', 'pause', 'latency_p95', { kind: 'absolute', op: '>', value: 7_000 }, 3],
      ['warning-cpu', 'warning', 'pause', 'cpu', { kind: 'absolute', op: '>', value: 80 }, 5],
      ['warning-p95-deviation', 'warning', 'pause', 'latency_p95', { kind: 'relative_to_v1', op: '>', ratio: 1.15 }, 5],
    ]);
  });

  it('passes the settings schema', () => {
    expect(GuardRulesSchema.safeParse(DEFAULT_GUARDS).success).toBe(true);
  });
});

describe('critical error rate: > 5% for 5 consecutive minutes', () => {
  it('holds after 5 minutes above 5%', () => {
    const s = one(ERR, minutes(0, 5, bad));
    expect(s).toMatchObject({
      state: 'breached',
      consecutiveMinutes: 5,
      threshold: 0.05,
      runStartedAt: T0,
      breachId: `critical-error-rate@${isoAt(0)}`,
      latest: { at: T0 + 4 * MIN, value: 0.06, v2Value: 0.06, v1Value: 0 },
    });
    expect(s.breaches).toHaveLength(1);
    expect(s.breaches[0]).toMatchObject({ startedAt: T0, firedAt: T0 + 4 * MIN, lastAt: T0 + 4 * MIN, minutes: 5, ongoing: true, peak: 0.06, action: 'rollback' });
    expect(s.breaches[0]?.firing.map((m) => m.value)).toEqual([0.06, 0.06, 0.06, 0.06, 0.06]);
  });

  it('is pending after 4 minutes', () => {
    expect(one(ERR, minutes(0, 4, bad))).toMatchObject({ state: 'pending', consecutiveMinutes: 4, breachId: null, breaches: [] });
  });

  it('does not hold at exactly 5% (the trigger is "above")', () => {
    expect(one(ERR, minutes(0, 10, { errors: 5 }))).toMatchObject({ state: 'ok', consecutiveMinutes: 0, runStartedAt: null });
  });

  it('fires exactly once while windows arrive minute by minute, re-ingested, in any order', () => {
    const all = minutes(0, 12, bad);
    const ids = new Set<string>();
    for (let i = 1; i <= all.length; i++) {
      const seenSoFar = all.slice(0, i);
      const withRepeats = [...seenSoFar, ...seenSoFar.slice(0, Math.floor(i / 2))];
      for (const s of evaluateGuards(shuffled(withRepeats, i), [ERR], T0 + 60 * MIN)) {
        if (s.breachId !== null) ids.add(s.breachId);
      }
    }
    expect([...ids]).toEqual([`critical-error-rate@${isoAt(0)}`]);
  });

  it('is a pure function of the set of windows', () => {
    const ws = [...minutes(0, 6, bad), ...minutes(6, 2, fine), ...minutes(8, 5, bad)];
    const reference = evaluateGuards(ws, DEFAULT_GUARDS, T0 + 60 * MIN);
    expect(evaluateGuards(shuffled([...ws, ...ws], 7), DEFAULT_GUARDS, T0 + 60 * MIN)).toEqual(reference);
  });

  it('completes the run when a late window fills the hole', () => {
    const early = [...minutes(0, 3, bad), ...minutes(4, 1, bad)];
    expect(one(ERR, early)).toMatchObject({ state: 'pending', consecutiveMinutes: 1, runStartedAt: T0 + 4 * MIN });
    expect(one(ERR, [...early, ...minutes(3, 1, bad)])).toMatchObject({ state: 'breached', consecutiveMinutes: 5, breachId: `critical-error-rate@${isoAt(0)}` });
  });

  it('breaks the run on a missing minute', () => {
    const ws = [...minutes(0, 3, bad), ...minutes(4, 3, bad)];
    expect(one(ERR, ws)).toMatchObject({ state: 'pending', consecutiveMinutes: 3, runStartedAt: T0 + 4 * MIN });
  });

  it('neither counts nor breaks on a minute with zero requests', () => {
    const ws = [...minutes(0, 2, bad), ...minutes(2, 1, { requests: 0, errors: 0 }), ...minutes(3, 3, bad)];
    expect(one(ERR, ws)).toMatchObject({ state: 'breached', consecutiveMinutes: 5, runStartedAt: T0, breachId: `critical-error-rate@${isoAt(0)}` });
    expect(one(ERR, minutes(0, 10, { requests: 0, errors: 0 }))).toMatchObject({ state: 'ok', latest: null });
  });

  it('ends the run on a healthy minute, keeping the finished breach', () => {
    const ws = [...minutes(0, 5, bad), ...minutes(5, 1, fine), ...minutes(6, 1, bad)];
    const s = one(ERR, ws);
    expect(s).toMatchObject({ state: 'pending', consecutiveMinutes: 1, breachId: null });
    expect(s.breaches).toHaveLength(1);
    expect(s.breaches[0]).toMatchObject({ breachId: `critical-error-rate@${isoAt(0)}`, ongoing: false, minutes: 5 });
  });

  it('reports a breach hidden inside a backfill that has already recovered', () => {
    const s = one(ERR, [...minutes(0, 6, bad), ...minutes(6, 3, fine)]);
    expect(s.state).toBe('ok');
    expect(s.breaches.map((b) => [b.breachId, b.minutes, b.ongoing])).toEqual([[`critical-error-rate@${isoAt(0)}`, 6, false]]);
  });

  it('starts a new breach (a new id) after recovery', () => {
    const s = one(ERR, [...minutes(0, 5, bad), ...minutes(5, 1, fine), ...minutes(6, 5, bad)]);
    expect(s.breaches.map((b) => b.breachId)).toEqual([`critical-error-rate@${isoAt(0)}`, `critical-error-rate@${isoAt(6)}`]);
    expect(s.breachId).toBe(`critical-error-rate@${isoAt(6)}`);
  });

  it('ignores windows after now and V1 for absolute rules', () => {
    expect(one(ERR, minutes(0, 5, bad), T0 + 3 * MIN)).toMatchObject({ state: 'pending', consecutiveMinutes: 4 });
    expect(one(ERR, minutes(0, 5, bad).filter((w) => w.variant === 'v2'))).toMatchObject({ state: 'breached' });
  });

  it('flags a run that may have started before the first window supplied', () => {
    expect(one(ERR, minutes(0, 5, bad)).runMayStartEarlier).toBe(true);
    expect(one(ERR, [...minutes(0, 1, fine), ...minutes(1, 5, bad)]).runMayStartEarlier).toBe(false);
    expect(one(ERR, [...minutes(0, 2, { requests: 0, errors: 0 }), ...minutes(2, 5, bad)]).runMayStartEarlier).toBe(true);
    expect(one(ERR, [...minutes(0, 2, bad), ...minutes(3, 5, bad)]).runMayStartEarlier).toBe(false);
    expect(one(ERR, minutes(0, 5, fine)).runMayStartEarlier).toBe(false);
  });

  it('treats minutes below minRequests as no evidence', () => {
    const sparse: GuardRule = { ...ERR, id: 'sparse', minRequests: 20 };
    expect(one(sparse, minutes(0, 6, { requests: 10, errors: 5 }))).toMatchObject({ state: 'ok', latest: null });
    expect(one(sparse, minutes(0, 6, { requests: 20, errors: 5 }))).toMatchObject({ state: 'breached' });
  });
});

describe('critical average latency: > 10 s for 10 minutes', () => {
  it('estimates the average from p50 when windows have no average', () => {
    expect(one(LAT, minutes(0, 10, { latencyP50Ms: 11_000, latencyP95Ms: 15_000, latencyP99Ms: 20_000 }))).toMatchObject({ state: 'breached', consecutiveMinutes: 10 });
    expect(one(LAT, minutes(0, 9, { latencyP50Ms: 11_000 }))).toMatchObject({ state: 'pending', consecutiveMinutes: 9 });
  });

  it('uses latencyAvgMs when present', () => {
    expect(one(LAT, minutes(0, 10, { latencyP50Ms: 11_000, latencyAvgMs: 9_000 }))).toMatchObject({ state: 'ok' });
    expect(one(LAT, minutes(0, 10, { latencyP50Ms: 4_000, latencyAvgMs: 10_500 }))).toMatchObject({ state: 'breached', latest: { value: 10_500 } });
  });
});

describe('critical memory: > 200% of V1 for 5 minutes', () => {
  it('compares V2 with V1 minute by minute', () => {
    const s = one(MEM, minutes(0, 5, { memoryMb: 1100 }, { memoryMb: 500 }));
    expect(s).toMatchObject({ state: 'breached', threshold: 2, latest: { value: 2.2, v2Value: 1100, v1Value: 500 } });
    expect(describeBreach(MEM, firstBreach(s))).toBe('V2 memory above 2× V1 for 5 consecutive minutes (peak 2.2× V1)');
  });

  it('does not hold at exactly 200%', () => {
    expect(one(MEM, minutes(0, 8, { memoryMb: 1000 }, { memoryMb: 500 }))).toMatchObject({ state: 'ok' });
  });

  it('breaks the run when V1 is missing for a minute', () => {
    const ws = minutes(0, 6, { memoryMb: 1100 }).filter((w) => !(w.variant === 'v1' && w.start === T0 + 2 * MIN));
    expect(one(MEM, ws)).toMatchObject({ state: 'pending', consecutiveMinutes: 3, runStartedAt: T0 + 3 * MIN });
  });

  it('counts memory even in minutes without requests', () => {
    expect(one(MEM, minutes(0, 5, { memoryMb: 1100, requests: 0 }, { requests: 0 }))).toMatchObject({ state: 'breached' });
  });
});

describe('warnings', () => {
  it('p95 more than 15% above V1 for 5 minutes pauses', () => {
    const s = one(P95DEV, minutes(0, 5, { latencyP95Ms: 240 }, { latencyP95Ms: 200 }));
    expect(s).toMatchObject({ state: 'breached', rule: { action: 'pause', severity: 'warning' }, latest: { value: 1.2 } });
    expect(one(P95DEV, minutes(0, 5, { latencyP95Ms: 230 }, { latencyP95Ms: 200 })).state).toBe('ok');
  });

  it('CPU above 80% for 5 minutes pauses', () => {
    expect(one(CPU, minutes(0, 5, { cpuPct: 85 }))).toMatchObject({ state: 'breached', breachId: `warning-cpu@${isoAt(0)}` });
    expect(one(CPU, minutes(0, 5, { cpuPct: 80 })).state).toBe('ok');
  });

  it('evaluates every default rule over one hour of healthy traffic as ok', () => {
    const statuses = evaluateGuards(minutes(0, 60), DEFAULT_GUARDS, T0 + 60 * MIN);
    expect(statuses.map((s) => s.state)).toEqual(DEFAULT_GUARDS.map(() => 'ok'));
    expect(statuses.map((s) => s.rule.id)).toEqual(DEFAULT_GUARDS.map((g) => g.id));
  });
});

describe('"below" rules', () => {
  it('holds when V2 throughput stays under an absolute floor', () => {
    const floor: GuardRule = { id: 'low-throughput', label: 'V2 throughput below 50/min', severity: 'warning', metric: 'throughput', comparison: { kind: 'absolute', op: '<', value: 50 }, forMinutes: 2, action: 'none' };
    const s = one(floor, [win('v2', 0, { requests: 30 }), win('v2', 1, { requests: 20 })]);
    expect(s).toMatchObject({ state: 'breached', latest: { value: 20 } });
    expect(s.breaches[0]?.peak).toBe(20);
    expect(describeBreach(floor, firstBreach(s))).toBe('V2 throughput below 50/min for 2 consecutive minutes (peak 20/min)');
  });
});

describe('threshold wording', () => {
  it('describes thresholds and crossings in words', () => {
    expect(DEFAULT_GUARDS.map(describeThreshold)).toEqual(['at 5%', 'at 10 s', 'at 2× V1', 'at 2%', 'at 7 s', 'at 80%', 'at 15% above V1']);
    expect(DEFAULT_GUARDS.map(describeCrossing)).toEqual(['above 5%', 'above 10 s', 'above 2× V1', 'above 2%', 'above 7 s', 'above 80%', 'more than 15% above V1']);
    const drop: GuardRule = { ...P95DEV, comparison: { kind: 'relative_to_v1', op: '<', ratio: 0.5 } };
    expect(describeCrossing(drop)).toBe('more than 50% below V1');
  });
});
