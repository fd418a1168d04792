/**
 * Arithmetic over metric windows shared by guards, chart series and verdicts: deduplication,
 * merging several windows into one aggregate, and reading a metric off an aggregate.
 *
 * Merging rules: counts add up; latency percentiles are request-weighted means of the window
 * values (exact for the mean, an approximation for percentiles that charts and guards accept);
 * memory and CPU are plain means over windows; throughput is requests per minute over the
 * seconds the windows cover. Average latency uses `latencyAvgMs` when a window has it and
 * otherwise estimates it by p50 (latency is right-skewed, so this underestimates the mean;
 * reporters that can should send `latencyAvgMs`).
 */
import type { Metric, MetricWindow, Variant } from './model';

export const MINUTE_MS = 60_000;

/** Metrics that describe requests and so have no value when there were no requests. */
export const REQUEST_METRICS: ReadonlySet<Metric> = new Set<Metric>([
  'error_rate',
  'latency_avg',
  'latency_p50',
  'latency_p95',
  'latency_p99',
]);

/** What a set of windows of one variant amounts to. Request-derived values are null without requests. */
export interface WindowAggregate {
  windowCount: number;
  seconds: number;
  requests: number;
  errors: number;
  errorRate: number | null;
  latencyAvgMs: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  latencyP99Ms: number | null;
  /** The highest p99 of any window with requests. */
  latencyP99MaxMs: number | null;
  memoryMb: number | null;
  cpuPct: number | null;
  /** Requests per minute over the seconds covered. */
  throughput: number | null;
}

/** Mutable running sums; `addWindow` then `finishAggregate`. */
export interface WindowAccumulator {
  windowCount: number;
  seconds: number;
  requests: number;
  errors: number;
  avgSum: number;
  p50Sum: number;
  p95Sum: number;
  p99Sum: number;
  p99Max: number;
  memorySum: number;
  cpuSum: number;
}

export function newAccumulator(): WindowAccumulator {
  return { windowCount: 0, seconds: 0, requests: 0, errors: 0, avgSum: 0, p50Sum: 0, p95Sum: 0, p99Sum: 0, p99Max: 0, memorySum: 0, cpuSum: 0 };
}

export function addWindow(acc: WindowAccumulator, w: MetricWindow): void {
  acc.windowCount += 1;
  acc.seconds += w.seconds;
  acc.memorySum += w.memoryMb;
  acc.cpuSum += w.cpuPct;
  if (w.requests > 0) {
    const n = w.requests;
    acc.requests += n;
    acc.errors += w.errors;
    acc.avgSum += (w.latencyAvgMs ?? w.latencyP50Ms) * n;
    acc.p50Sum += w.latencyP50Ms * n;
    acc.p95Sum += w.latencyP95Ms * n;
    acc.p99Sum += w.latencyP99Ms * n;
    if (w.latencyP99Ms > acc.p99Max) acc.p99Max = w.latencyP99Ms;
  }
}

export function finishAggregate(acc: WindowAccumulator): WindowAggregate {
  const n = acc.requests;
  const has = n > 0;
  const count = acc.windowCount;
  return {
    windowCount: count,
    seconds: acc.seconds,
    requests: n,
    errors: acc.errors,
    errorRate: has ? acc.errors / n : null,
    latencyAvgMs: has ? acc.avgSum / n : null,
    latencyP50Ms: has ? acc.p50Sum / n : null,
    latencyP95Ms: has ? acc.p95Sum / n : null,
    latencyP99Ms: has ? acc.p99Sum / n : null,
    latencyP99MaxMs: has ? acc.p99Max : null,
    memoryMb: count > 0 ? acc.memorySum / count : null,
    cpuPct: count > 0 ? acc.cpuSum / count : null,
    throughput: acc.seconds > 0 ? (n * 60) / acc.seconds : null,
  };
}

/** Merge any number of windows (of one variant) into one aggregate. */
export function aggregateWindows(windows: Iterable<MetricWindow>): WindowAggregate {
  const acc = newAccumulator();
  for (const w of windows) addWindow(acc, w);
  return finishAggregate(acc);
}

/** The metric's value on an aggregate, or null when it has none. */
export function metricOf(agg: WindowAggregate, metric: Metric): number | null {
  switch (metric) {
    case 'error_rate':
      return agg.errorRate;
    case 'latency_avg':
      return agg.latencyAvgMs;
    case 'latency_p50':
      return agg.latencyP50Ms;
    case 'latency_p95':
      return agg.latencyP95Ms;
    case 'latency_p99':
      return agg.latencyP99Ms;
    case 'memory':
      return agg.memoryMb;
    case 'cpu':
      return agg.cpuPct;
    case 'throughput':
      return agg.throughput;
  }
}

/**
 * Tie-break between two different windows for the same (variant, start), independent of input
 * order: the one that saw more requests wins (a later, more complete flush), then the one with
 * more errors, then the larger of each remaining field in a fixed order.
 */
function preferred(a: MetricWindow, b: MetricWindow): MetricWindow {
  const keys = [
    a.requests - b.requests,
    a.errors - b.errors,
    a.seconds - b.seconds,
    a.latencyP99Ms - b.latencyP99Ms,
    a.latencyP95Ms - b.latencyP95Ms,
    a.latencyP50Ms - b.latencyP50Ms,
    (a.latencyAvgMs ?? -1) - (b.latencyAvgMs ?? -1),
    a.memoryMb - b.memoryMb,
    a.cpuPct - b.cpuPct,
  ];
  for (const d of keys) {
    if (d > 0) return a;
    if (d < 0) return b;
  }
  return a;
}

/**
 * One window per (variant, start), sorted by start, per variant. The result depends only on the
 * set of windows given, not on their order or repetitions.
 */
export function dedupeWindows(windows: Iterable<MetricWindow>): Record<Variant, MetricWindow[]> {
  const byStart: Record<Variant, Map<number, MetricWindow>> = { v1: new Map(), v2: new Map() };
  for (const w of windows) {
    const map = byStart[w.variant];
    const seen = map.get(w.start);
    map.set(w.start, seen === undefined ? w : preferred(seen, w));
  }
  const sorted = (m: Map<number, MetricWindow>): MetricWindow[] => [...m.values()].sort((a, b) => a.start - b.start);
  return { v1: sorted(byStart.v1), v2: sorted(byStart.v2) };
}

/** Minute number (epoch ms / 60 000, floored) a window is attributed to. */
export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);

/**
 * Per-variant aggregates keyed by minute, for deduplicated windows with `start <= now`.
 * Several windows starting in the same minute (e.g. 10-second windows) are merged.
 */
export function minuteAggregates(windows: Iterable<MetricWindow>, now: number): Record<Variant, Map<number, WindowAggregate>> {
  const deduped = dedupeWindows(windows);
  const perVariant = (list: MetricWindow[]): Map<number, WindowAggregate> => {
    const accs = new Map<number, WindowAccumulator>();
    for (const w of list) {
      if (w.start > now) continue;
      const m = minuteOf(w.start);
      let acc = accs.get(m);
      if (acc === undefined) {
        acc = newAccumulator();
        accs.set(m, acc);
      }
      addWindow(acc, w);
    }
    const out = new Map<number, WindowAggregate>();
    for (const [m, acc] of accs) out.set(m, finishAggregate(acc));
    return out;
  };
  return { v1: perVariant(deduped.v1), v2: perVariant(deduped.v2) };
}
