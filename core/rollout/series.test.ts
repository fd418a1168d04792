import { describe, expect, it } from 'vitest';
import type { MetricWindow } from './model';
import { DEFAULT_GUARDS, evaluateGuards } from './guards';
import { bucketSizeFor, bucketSums, bucketValue, deviation, deviationSeries, downsampleWindows, seriesFromSums, thresholdLines } from './series';
import { MIN, T0, minutes, win } from './test-support';

const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('bucketSums and seriesFromSums (what a store sums in SQL)', () => {
  it('sums windows per variant and bucket in start order; the series from the sums is the downsampled series', () => {
    const ws = [win('v2', 3, { requests: 10 }), win('v2', 0), win('v1', 1), win('v2', 1, { requests: 0 })];
    const sums = bucketSums(ws, T0, T0 + 4 * MIN, 2 * MIN);
    expect(sums.map((b) => [b.variant, b.t, b.sums.windowCount, b.sums.requests])).toEqual([
      ['v1', T0, 1, 100],
      ['v2', T0, 2, 100],
      ['v2', T0 + 2 * MIN, 1, 10],
    ]);
    expect(seriesFromSums(sums, T0, T0 + 4 * MIN, 2 * MIN)).toEqual(downsampleWindows(ws, T0, T0 + 4 * MIN, 2));
  });

  it('ignores sums of buckets outside the range', () => {
    const sums = bucketSums([win('v2', -2), win('v2', 0), win('v2', 9)], T0 - 10 * MIN, T0 + 10 * MIN, MIN);
    const s = seriesFromSums(sums, T0, T0 + 2 * MIN, MIN);
    expect(s.v2.map((b) => b.windowCount)).toEqual([1, 0]);
  });
});

describe('bucketSizeFor', () => {
  it('picks the smallest nice size that fits', () => {
    expect(bucketSizeFor(T0, T0 + HOUR, 60)).toBe(MIN);
    expect(bucketSizeFor(T0, T0 + HOUR, 59)).toBe(2 * MIN);
    expect(bucketSizeFor(T0, T0 + 7 * DAY, 500)).toBe(30 * MIN);
    expect(bucketSizeFor(T0, T0 + 7 * DAY, 5)).toBe(2 * DAY);
  });
});

describe('downsampleWindows', () => {
  it('aggregates windows into buckets: sums, request-weighted latency, max p99, means, requests per minute', () => {
    const ws: MetricWindow[] = [
      win('v2', 0, { requests: 100, errors: 1, latencyP50Ms: 100, latencyP95Ms: 200, latencyP99Ms: 300, memoryMb: 400, cpuPct: 30 }),
      win('v2', 1, { requests: 300, errors: 7, latencyP50Ms: 200, latencyP95Ms: 400, latencyP99Ms: 900, memoryMb: 600, cpuPct: 50 }),
      win('v1', 0, { requests: 1000, errors: 3 }),
      win('v1', 1, { requests: 1000, errors: 3 }),
    ];
    const s = downsampleWindows(ws, T0, T0 + 4 * MIN, 2);
    expect(s.bucketMs).toBe(2 * MIN);
    expect(s.v2).toEqual([
      {
        t: T0,
        windowCount: 2,
        requests: 400,
        errors: 8,
        errorRate: 0.02,
        latencyAvgMs: 175,
        latencyP50Ms: 175,
        latencyP95Ms: 350,
        latencyP99Ms: 750,
        latencyP99MaxMs: 900,
        memoryMb: 500,
        cpuPct: 40,
        throughput: 200,
      },
      {
        t: T0 + 2 * MIN,
        windowCount: 0,
        requests: null,
        errors: null,
        errorRate: null,
        latencyAvgMs: null,
        latencyP50Ms: null,
        latencyP95Ms: null,
        latencyP99Ms: null,
        latencyP99MaxMs: null,
        memoryMb: null,
        cpuPct: null,
        throughput: null,
      },
    ]);
    expect(s.v1.map((b) => [b.t, b.requests, b.errorRate])).toEqual([
      [T0, 2000, 0.003],
      [T0 + 2 * MIN, null, null],
    ]);
  });

  it('keeps windows in [from, to) only and counts re-ingested windows once', () => {
    const ws = [win('v2', -1), win('v2', 0), win('v2', 0), win('v2', 1), win('v2', 2)];
    const s = downsampleWindows(ws, T0, T0 + 2 * MIN, 10);
    expect(s.v2.map((b) => b.requests)).toEqual([100, 100]);
  });

  it('leaves latency and error rate empty for buckets without requests, but keeps memory and a throughput of 0', () => {
    const [b] = downsampleWindows([win('v2', 0, { requests: 0 })], T0, T0 + MIN, 1).v2;
    expect(b).toMatchObject({ windowCount: 1, requests: 0, errorRate: null, latencyP95Ms: null, memoryMb: 500, throughput: 0 });
  });

  it('returns nothing for an empty range', () => {
    expect(downsampleWindows([win('v2', 0)], T0, T0, 10)).toMatchObject({ v1: [], v2: [] });
  });

  it('never returns more than `points` buckets', () => {
    for (const [from, to, points] of [
      [T0 + 30_000, T0 + HOUR + 30_000, 60],
      [T0 + 7_000, T0 + 3 * DAY + 11_000, 37],
      [T0, T0 + 7 * DAY, 1],
      [T0 - 5 * MIN, T0 + 7 * DAY, 500],
    ] as const) {
      const s = downsampleWindows([], from, to, points);
      expect(s.v2.length).toBeLessThanOrEqual(points);
      expect(s.v2.length).toBeGreaterThan(0);
      expect(s.v1.map((b) => b.t)).toEqual(s.v2.map((b) => b.t));
    }
  });

  it('shapes 7 days of 1-minute windows for both variants (20,160 windows) into at most 500 points', () => {
    const ws: MetricWindow[] = [];
    for (let m = 0; m < 7 * 24 * 60; m++) {
      ws.push(win('v1', m, { requests: 1000, errors: m % 100 === 0 ? 10 : 1 }));
      ws.push(win('v2', m, { requests: 10, latencyP95Ms: 210 + (m % 7) }));
    }
    expect(ws).toHaveLength(20_160);
    const s = downsampleWindows(ws, T0, T0 + 7 * DAY, 500);
    expect(s.bucketMs).toBe(30 * MIN);
    expect(s.v1).toHaveLength(336);
    expect(s.v2).toHaveLength(336);
    expect(s.v2.every((b) => b.windowCount === 30 && b.requests === 300 && b.throughput === 10)).toBe(true);
    expect(s.v1.reduce((n, b) => n + (b.requests ?? 0), 0)).toBe(10_080_000);
    expect(Object.keys(s.v2[0] ?? {}).sort()).toEqual(
      ['cpuPct', 'errorRate', 'errors', 'latencyAvgMs', 'latencyP50Ms', 'latencyP95Ms', 'latencyP99MaxMs', 'latencyP99Ms', 'memoryMb', 'requests', 't', 'throughput', 'windowCount'].sort(),
    );
    const lastHour = ws.filter((w) => w.start >= T0 + 7 * DAY - HOUR);
    expect(evaluateGuards(lastHour, DEFAULT_GUARDS, T0 + 7 * DAY).map((g) => g.state)).toEqual(DEFAULT_GUARDS.map(() => 'ok'));
    expect(evaluateGuards(ws, DEFAULT_GUARDS, T0 + 7 * DAY)).toHaveLength(DEFAULT_GUARDS.length);
  });
});

describe('deviation', () => {
  it('is the percent V2 differs from V1', () => {
    expect(deviation(200, 236)).toBeCloseTo(18, 10);
    expect(deviation(200, 150)).toBe(-25);
    expect(deviation(0, 0)).toBe(0);
    expect(deviation(0, 5)).toBeNull();
    expect(deviation(null, 5)).toBeNull();
    expect(deviation(5, undefined)).toBeNull();
  });

  it('follows the buckets', () => {
    const s = downsampleWindows(minutes(0, 2, { latencyP95Ms: 250 }), T0, T0 + 3 * MIN, 3);
    expect(deviationSeries(s, 'latency_p95')).toEqual([
      { t: T0, pct: 25 },
      { t: T0 + MIN, pct: 25 },
      { t: T0 + 2 * MIN, pct: null },
    ]);
    expect(s.v2.map((b) => bucketValue(b, 'latency_p95'))).toEqual([250, 250, null]);
  });
});

describe('thresholdLines', () => {
  it('draws absolute thresholds as constants and relative ones as ratio × V1', () => {
    const s = downsampleWindows(minutes(0, 1, {}, { latencyP95Ms: 200 }), T0, T0 + 2 * MIN, 2);
    expect(thresholdLines('latency_p95', DEFAULT_GUARDS, s)).toEqual([
      { ruleId: 'warning-latency-p95', label: 'V2 p95 latency above 7 s for 3 minutes', severity: 'warning', action: 'pause', kind: 'absolute', value: 7000, points: [] },
      {
        ruleId: 'warning-p95-deviation',
        label: 'V2 p95 latency more than 15% above V1 for 5 minutes',
        severity: 'warning',
        action: 'pause',
        kind: 'relative_to_v1',
        value: null,
        points: [
          { t: T0, value: 200 * 1.15 },
          { t: T0 + MIN, value: null },
        ],
      },
    ]);
    expect(thresholdLines('throughput', DEFAULT_GUARDS, s)).toEqual([]);
  });
});
