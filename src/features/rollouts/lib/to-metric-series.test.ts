import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDS } from '@core/rollout/guards';
import { downsampleWindows, thresholdLines, type DownsampledSeries } from '@core/rollout/series';
import type { Metric } from '@core/rollout/model';
import { MIN, T0, minutes, win } from '@core/rollout/test-support';
import { niceCeil, niceTicks, rowAt, summarizeSeries, toMetricSeries as shape } from './to-metric-series';

/** As the metrics API does it: the series and the threshold lines of the default guards. */
const toMetricSeries = (series: DownsampledSeries, metric: Metric, rules = DEFAULT_GUARDS) => shape(series, metric, thresholdLines(metric, rules, series), rules);

const range = (n: number) => [T0, T0 + n * MIN] as const;

describe('toMetricSeries', () => {
  it('puts V1 and V2 of each bucket in one row with the deviation of V2 from V1', () => {
    const windows = minutes(0, 3, { latencyP95Ms: 240 }, { latencyP95Ms: 200 });
    const s = toMetricSeries(downsampleWindows(windows, ...range(3), 60), 'latency_p95', DEFAULT_GUARDS);
    expect(s.rows.map((r) => [r.t - T0, r.v1, r.v2])).toEqual([
      [0, 200, 240],
      [MIN, 200, 240],
      [2 * MIN, 200, 240],
    ]);
    expect(s.rows[0]?.deviationPct).toBeCloseTo(20);
    expect(s.hasData).toBe(true);
    expect(s.latest?.t).toBe(T0 + 2 * MIN);
  });

  it('carries the relative threshold per bucket (1.15 x V1) and names each threshold in the rule’s words', () => {
    const windows = minutes(0, 2, { latencyP95Ms: 240 }, { latencyP95Ms: 200 });
    const s = toMetricSeries(downsampleWindows(windows, ...range(2), 60), 'latency_p95', DEFAULT_GUARDS);
    expect(s.thresholds.map((t) => [t.id, t.kind, t.text])).toEqual([
      ['warning-latency-p95', 'absolute', 'warning at 7 s'],
      ['warning-p95-deviation', 'relative_to_v1', 'warning at 15% above V1'],
    ]);
    const rel = s.thresholds[1];
    expect(rel?.relativeIndex).toBe(0);
    expect(s.rows[0]?.relative[0]).toBeCloseTo(230);
  });

  it('draws a threshold near the data and only names one far above it, so the lines are not flattened', () => {
    // p95 around 200 ms: the 7 s warning is off scale, the 15%-above-V1 line is in view.
    const s = toMetricSeries(downsampleWindows(minutes(0, 2), ...range(2), 60), 'latency_p95', DEFAULT_GUARDS);
    expect(s.thresholds.find((t) => t.id === 'warning-latency-p95')?.inView).toBe(false);
    expect(s.thresholds.find((t) => t.id === 'warning-p95-deviation')?.inView).toBe(true);
    expect(s.domain[1]).toBeGreaterThanOrEqual(230);
    expect(s.domain[1]).toBeLessThan(300);
  });

  it('includes an error-rate threshold close to the data in the domain', () => {
    const windows = minutes(0, 2, { requests: 100, errors: 3 }, { requests: 100, errors: 1 });
    const s = toMetricSeries(downsampleWindows(windows, ...range(2), 60), 'error_rate', DEFAULT_GUARDS);
    expect(s.thresholds.map((t) => [t.severity, t.value, t.inView])).toEqual([
      ['critical', 0.05, true],
      ['warning', 0.02, true],
    ]);
    expect(s.domain[1]).toBeCloseTo(0.1);
  });

  it('scales a chart of zeros to its lowest threshold instead of an empty axis', () => {
    const s = toMetricSeries(downsampleWindows(minutes(0, 2), ...range(2), 60), 'error_rate', DEFAULT_GUARDS);
    expect(s.thresholds.map((t) => [t.severity, t.inView])).toEqual([
      ['critical', false],
      ['warning', true],
    ]);
    expect(s.domain[1]).toBeCloseTo(0.025);
  });

  it('leaves gaps as nulls and reports no data for a range without windows', () => {
    const gaps = toMetricSeries(downsampleWindows([win('v2', 0)], ...range(2), 60), 'cpu', DEFAULT_GUARDS);
    expect(gaps.rows.map((r) => [r.v1, r.v2])).toEqual([
      [null, 40],
      [null, null],
    ]);
    expect(gaps.rows[0]?.deviationPct).toBeNull();
    const empty = toMetricSeries(downsampleWindows([], ...range(2), 60), 'memory', DEFAULT_GUARDS);
    expect(empty.hasData).toBe(false);
    expect(empty.latest).toBeNull();
    expect(empty.domain).toEqual([0, 1]);
  });

  it('does not compare throughput in percent: it follows the traffic share, not V2’s quality', () => {
    const s = toMetricSeries(downsampleWindows(minutes(0, 1, { requests: 10 }, { requests: 90 }), ...range(1), 60), 'throughput');
    expect(s.rows[0]).toMatchObject({ v1: 90, v2: 10, deviationPct: null });
  });

  it('keeps 7 days of minutes within the requested points', () => {
    const windows = minutes(0, 7 * 24 * 60);
    const s = toMetricSeries(downsampleWindows(windows, ...range(7 * 24 * 60), 360), 'throughput', DEFAULT_GUARDS);
    expect(s.rows.length).toBeLessThanOrEqual(360);
    expect(s.rows[0]?.v2).toBe(100);
  });
});

describe('niceCeil', () => {
  it('rounds an axis top up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([niceCeil(233), niceCeil(86.4), niceCeil(0.054), niceCeil(1100), niceCeil(0.0216), niceCeil(500)]).toEqual([250, 100, 0.1, 2000, 0.025, 500]);
    expect(niceCeil(0)).toBe(1);
  });

  it('gives round ticks for every nice top', () => {
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(250)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(niceTicks(0.05)).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05].map((v) => expect.closeTo(v, 10)));
  });

  it('rounds a memory axis in GB', () => {
    const s = toMetricSeries(downsampleWindows(minutes(0, 2, { memoryMb: 1600 }, { memoryMb: 1400 }), ...range(2), 60), 'memory');
    expect(s.domain[1]).toBe(5 * 1024);
    expect(s.ticks).toEqual([0, 1024, 2048, 3072, 4096, 5120]);
  });
});

describe('rowAt', () => {
  const s = toMetricSeries(downsampleWindows(minutes(0, 5), ...range(5), 60), 'cpu', DEFAULT_GUARDS);
  it('finds the bucket at or before a time', () => {
    expect(rowAt(s.rows, T0 + 2 * MIN + 30_000)?.t).toBe(T0 + 2 * MIN);
    expect(rowAt(s.rows, T0 + 4 * MIN)?.t).toBe(T0 + 4 * MIN);
    expect(rowAt(s.rows, T0 - 1)).toBeNull();
  });
});

describe('summarizeSeries', () => {
  it('says the range of each variant, the latest values and the thresholds', () => {
    const windows = minutes(0, 2, { cpuPct: 55 }, { cpuPct: 40 });
    const s = toMetricSeries(downsampleWindows(windows, ...range(2), 60), 'cpu', DEFAULT_GUARDS);
    expect(summarizeSeries(s, 'CPU')).toBe('CPU: V1 40% to 40%, V2 55% to 55%; latest V1 40%, V2 55%. Thresholds: warning at 80%.');
    const empty = toMetricSeries(downsampleWindows([], ...range(2), 60), 'cpu', DEFAULT_GUARDS);
    expect(summarizeSeries(empty, 'CPU')).toBe('CPU: no data in this time range.');
  });
});
