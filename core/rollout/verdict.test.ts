import { describe, expect, it } from 'vitest';
import type { MetricWindow } from './model';
import { DEFAULT_GUARDS } from './guards';
import { metricVerdict, verdictPeriodStart } from './verdict';
import { MIN, T0, minutes } from './test-support';

/** The end of minute 9: the last 10 minutes are minutes 0..9. */
const now = T0 + 10 * MIN - 1;
const verdict = (metric: Parameters<typeof metricVerdict>[0], ws: MetricWindow[]) => metricVerdict(metric, ws, DEFAULT_GUARDS, { now });

describe('metricVerdict', () => {
  it('explains a p95 deviation: "V2 p95 is 18% above V1 for 7 of the last 10 minutes; warning at 15%."', () => {
    const ws = [...minutes(0, 7, { latencyP95Ms: 236 }), ...minutes(7, 3)];
    const v = verdict('latency_p95', ws);
    expect(v.sentence).toBe('V2 p95 is 18% above V1 for 7 of the last 10 minutes; warning at 15%.');
    expect(v.level).toBe('warning');
    expect(v.rules).toEqual([
      { ruleId: 'warning-latency-p95', severity: 'warning', heldMinutes: 0 },
      { ruleId: 'warning-p95-deviation', severity: 'warning', heldMinutes: 7 },
    ]);
    expect(v.v1Value).toBe(200);
    expect(v.v2Value).toBeCloseTo(225.2, 10);
    expect(v.deviationPct).toBeCloseTo(12.6, 10);
  });

  it('says "within thresholds" with the thresholds: "V2 error rate 0.4% vs V1 0.3%: …"', () => {
    const v = verdict('error_rate', minutes(0, 10, { requests: 1000, errors: 4 }, { requests: 1000, errors: 3 }));
    expect(v).toMatchObject({
      level: 'ok',
      sentence: 'V2 error rate 0.4% vs V1 0.3%: within thresholds (warning at 2%, critical at 5%).',
      v2Value: 0.004,
      v1Value: 0.003,
    });
  });

  it('is critical when a critical threshold held long enough', () => {
    const ws = [...minutes(0, 4, { requests: 0, errors: 0 }, { requests: 1000, errors: 3 }), ...minutes(4, 6, { requests: 100, errors: 8 }, { requests: 1000, errors: 3 })];
    expect(verdict('error_rate', ws)).toMatchObject({
      level: 'critical',
      sentence: 'V2 error rate is above 5% for 6 of the last 10 minutes (8% vs V1 0.3%); warning at 2%, critical at 5%.',
    });
  });

  it('quotes relative critical thresholds as multiples of V1', () => {
    const ws = [...minutes(0, 5), ...minutes(5, 5, { memoryMb: 1150 })];
    expect(verdict('memory', ws)).toMatchObject({ level: 'critical', sentence: 'V2 memory is 2.3× V1 for 5 of the last 10 minutes; critical at 2× V1.' });
  });

  it('counts minutes that are not consecutive towards the level (it describes; the guards act)', () => {
    const ws = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((m) => minutes(m, 1, { cpuPct: m % 2 === 0 ? 90 : 50 }));
    expect(verdict('cpu', ws)).toMatchObject({ level: 'warning', sentence: 'V2 CPU is above 80% for 5 of the last 10 minutes (70% vs V1 40%); warning at 80%.' });
  });

  it('mentions a short excursion without raising the level', () => {
    const ws = [...minutes(0, 2, { latencyP95Ms: 236 }), ...minutes(2, 8)];
    expect(verdict('latency_p95', ws)).toMatchObject({ level: 'ok', sentence: 'V2 p95 is 18% above V1 for 2 of the last 10 minutes; warning at 15%.' });
  });

  it('lists every threshold of a metric, absolute and relative', () => {
    expect(verdict('latency_p95', minutes(0, 10, { latencyP95Ms: 220 })).sentence).toBe('V2 p95 220 ms vs V1 200 ms: within thresholds (warning at 7 s or 15% above V1).');
  });

  it('says when a metric has no thresholds', () => {
    expect(verdict('throughput', minutes(0, 10, { requests: 12 }, { requests: 1188 }))).toMatchObject({ level: 'ok', sentence: 'V2 throughput 12/min vs V1 1,188/min; no thresholds set.' });
  });

  it('says when V2 has no data, and when V1 has none', () => {
    expect(verdict('error_rate', minutes(0, 10, { requests: 0, errors: 0 }))).toMatchObject({ level: 'no_data', sentence: 'No V2 requests in the last 10 minutes.' });
    expect(verdict('memory', [])).toMatchObject({ level: 'no_data', sentence: 'No V2 data in the last 10 minutes.' });
    const v2Only = minutes(0, 10).filter((w) => w.variant === 'v2');
    expect(verdict('memory', v2Only).sentence).toBe('V2 memory 500 MB (no V1 data): within thresholds (critical at 2× V1).');
  });

  it('only looks at the last N minutes', () => {
    const ws = [...minutes(0, 10, { requests: 100, errors: 9 }), ...minutes(10, 5, { requests: 100, errors: 0 })];
    const v = metricVerdict('error_rate', ws, DEFAULT_GUARDS, { now: T0 + 15 * MIN - 1, lastNMinutes: 5 });
    expect(v).toMatchObject({ level: 'ok', minutes: 5, sentence: 'V2 error rate 0% vs V1 0%: within thresholds (warning at 2%, critical at 5%).' });
    expect(verdictPeriodStart(T0 + 15 * MIN - 1, 5)).toBe(T0 + 10 * MIN);
  });
});
