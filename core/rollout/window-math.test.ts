import { describe, expect, it } from 'vitest';
import { aggregateWindows, dedupeWindows, metricOf, minuteAggregates } from './window-math';
import { T0, shuffled, win } from './test-support';

describe('aggregateWindows', () => {
  it('adds counts, weights latency by requests, averages memory and CPU, and gives requests per minute', () => {
    const a = aggregateWindows([
      win('v2', 0, { requests: 100, errors: 2, latencyP50Ms: 100, latencyP95Ms: 200, latencyP99Ms: 300, memoryMb: 400, cpuPct: 20 }),
      win('v2', 1, { requests: 300, errors: 10, latencyP50Ms: 200, latencyP95Ms: 400, latencyP99Ms: 900, memoryMb: 600, cpuPct: 60 }),
    ]);
    expect(a).toEqual({
      windowCount: 2,
      seconds: 120,
      requests: 400,
      errors: 12,
      errorRate: 0.03,
      latencyAvgMs: 175, // no latencyAvgMs: estimated by p50
      latencyP50Ms: 175,
      latencyP95Ms: 350,
      latencyP99Ms: 750,
      latencyP99MaxMs: 900,
      memoryMb: 500,
      cpuPct: 40,
      throughput: 200,
    });
  });

  it('uses latencyAvgMs when a window has it', () => {
    const a = aggregateWindows([win('v2', 0, { requests: 10, latencyP50Ms: 100, latencyAvgMs: 250 }), win('v2', 1, { requests: 30, latencyP50Ms: 100 })]);
    expect(a.latencyAvgMs).toBe((250 * 10 + 100 * 30) / 40);
  });

  it('has no request values without requests, but keeps memory, CPU and a throughput of 0', () => {
    const a = aggregateWindows([win('v2', 0, { requests: 0, latencyP95Ms: 0 })]);
    expect([a.errorRate, a.latencyP95Ms, a.latencyAvgMs, a.latencyP99MaxMs]).toEqual([null, null, null, null]);
    expect([a.memoryMb, a.cpuPct, a.throughput]).toEqual([500, 40, 0]);
    expect(metricOf(a, 'error_rate')).toBeNull();
    expect(metricOf(a, 'memory')).toBe(500);
  });

  it('is empty-safe', () => {
    expect(aggregateWindows([])).toMatchObject({ windowCount: 0, requests: 0, memoryMb: null, throughput: null });
  });
});

describe('dedupeWindows', () => {
  it('keeps one window per (variant, start), sorted, whatever the input order', () => {
    const ws = [win('v2', 2), win('v2', 0), win('v1', 0), win('v2', 0), win('v2', 1)];
    const d = dedupeWindows(ws);
    expect(d.v2.map((w) => w.start)).toEqual([T0, T0 + 60_000, T0 + 120_000]);
    expect(d.v1).toHaveLength(1);
  });

  it('picks the same winner between conflicting duplicates regardless of order (more requests wins)', () => {
    const partial = win('v2', 0, { requests: 40, errors: 1 });
    const full = win('v2', 0, { requests: 100, errors: 1 });
    expect(dedupeWindows([partial, full]).v2).toEqual([full]);
    expect(dedupeWindows([full, partial]).v2).toEqual([full]);
    const a = win('v2', 0, { memoryMb: 700 });
    const b = win('v2', 0, { memoryMb: 600 });
    expect(dedupeWindows(shuffled([a, b], 1)).v2).toEqual([a]);
    expect(dedupeWindows(shuffled([a, b], 2)).v2).toEqual([a]);
  });
});

describe('minuteAggregates', () => {
  it('merges sub-minute windows of one minute and ignores windows after now', () => {
    const tenSecond = Array.from({ length: 6 }, (_, i) => ({ ...win('v2', 0, { requests: 10, errors: i === 0 ? 3 : 0 }), start: T0 + i * 10_000, seconds: 10 }));
    const aggs = minuteAggregates([...tenSecond, win('v2', 5)], T0 + 4 * 60_000);
    const m0 = aggs.v2.get(T0 / 60_000);
    expect(m0).toMatchObject({ windowCount: 6, requests: 60, errors: 3, errorRate: 0.05, seconds: 60, throughput: 60 });
    expect(aggs.v2.size).toBe(1);
  });
});
