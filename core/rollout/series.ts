/**
 * Chart shaping for V1 vs V2 (product O9): windows downsampled into at most `points` buckets
 * per variant, deviation of V2 from V1, and threshold lines. Pure; the server shapes the
 * metrics API with it and the dashboard reuses it for client-side re-bucketing.
 *
 * Buckets have "nice" sizes (1, 2, 5, 10, 15, 30 minutes, 1, 2, 3, 6, 12 hours, then whole
 * days) aligned to multiples of the size since the epoch, so a sliding time range does not
 * reshuffle which windows share a bucket. A bucket without windows is a gap: every value null.
 */
import type { Metric, MetricWindow, Variant } from './model';
import type { GuardAction, GuardRule, GuardSeverity } from './guards';
import { MINUTE_MS, addWindow, dedupeWindows, finishAggregate, newAccumulator, type WindowAccumulator } from './window-math';

/** One bucket of one variant. Values are null in a gap; request-derived values also when there were no requests. */
export interface SeriesBucket {
  /** Bucket start, epoch ms. */
  t: number;
  windowCount: number;
  requests: number | null;
  errors: number | null;
  /** Fraction: errors / requests. */
  errorRate: number | null;
  /** Request-weighted means of the windows' values. */
  latencyAvgMs: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  latencyP99Ms: number | null;
  /** Highest p99 of any window in the bucket. */
  latencyP99MaxMs: number | null;
  /** Mean over windows. */
  memoryMb: number | null;
  /** Mean over windows. */
  cpuPct: number | null;
  /** Requests per minute over the seconds the bucket's windows cover. */
  throughput: number | null;
}

export interface DownsampledSeries {
  from: number;
  to: number;
  bucketMs: number;
  v1: SeriesBucket[];
  v2: SeriesBucket[];
}

const NICE_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];
const DAY_MINUTES = 1440;
export const MAX_POINTS = 10_000;

const bucketCount = (from: number, to: number, size: number): number => Math.floor((to - 1) / size) - Math.floor(from / size) + 1;

/** The smallest nice bucket size (ms) that covers [from, to) in at most `points` buckets. */
export function bucketSizeFor(from: number, to: number, points: number): number {
  const max = Math.min(MAX_POINTS, Math.max(1, Math.floor(points)));
  for (const m of NICE_MINUTES) {
    if (bucketCount(from, to, m * MINUTE_MS) <= max) return m * MINUTE_MS;
  }
  let days = Math.max(1, Math.ceil((to - from) / (DAY_MINUTES * MINUTE_MS * max)));
  while (bucketCount(from, to, days * DAY_MINUTES * MINUTE_MS) > max) days++;
  return days * DAY_MINUTES * MINUTE_MS;
}

const gap = (t: number): SeriesBucket => ({
  t,
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
});

function toBucket(t: number, acc: WindowAccumulator): SeriesBucket {
  const a = finishAggregate(acc);
  return {
    t,
    windowCount: a.windowCount,
    requests: a.requests,
    errors: a.errors,
    errorRate: a.errorRate,
    latencyAvgMs: a.latencyAvgMs,
    latencyP50Ms: a.latencyP50Ms,
    latencyP95Ms: a.latencyP95Ms,
    latencyP99Ms: a.latencyP99Ms,
    latencyP99MaxMs: a.latencyP99MaxMs,
    memoryMb: a.memoryMb,
    cpuPct: a.cpuPct,
    throughput: a.throughput,
  };
}

/** One variant's sums over the windows of one bucket, as a store's aggregate query reads them. */
export interface BucketSums {
  variant: Variant;
  /** Bucket start: a multiple of the bucket size since the epoch. */
  t: number;
  sums: WindowAccumulator;
}

/**
 * The series of [from, to) in buckets of `size` ms from per-bucket sums (at most one per variant
 * and bucket; others are ignored). Both variants get every bucket time, gaps included.
 */
export function seriesFromSums(sums: Iterable<BucketSums>, fromMs: number, toMs: number, size: number): DownsampledSeries {
  if (!(toMs > fromMs)) return { from: fromMs, to: toMs, bucketMs: size, v1: [], v2: [] };
  const first = Math.floor(fromMs / size);
  const count = bucketCount(fromMs, toMs, size);
  const accs: Record<Variant, (WindowAccumulator | undefined)[]> = { v1: new Array<WindowAccumulator | undefined>(count), v2: new Array<WindowAccumulator | undefined>(count) };
  for (const b of sums) {
    const i = Math.floor(b.t / size) - first;
    if (i >= 0 && i < count) accs[b.variant][i] ??= b.sums;
  }
  const build = (variant: Variant): SeriesBucket[] => {
    const out: SeriesBucket[] = new Array<SeriesBucket>(count);
    for (let i = 0; i < count; i++) {
      const t = (first + i) * size;
      const acc = accs[variant][i];
      out[i] = acc === undefined ? gap(t) : toBucket(t, acc);
    }
    return out;
  };
  return { from: fromMs, to: toMs, bucketMs: size, v1: build('v1'), v2: build('v2') };
}

/**
 * Windows with `from <= start < to`, deduplicated by (variant, start), summed per bucket of
 * `size` ms (`addWindow`, in start order): what a store's aggregate query computes in SQL.
 */
export function bucketSums(windows: Iterable<MetricWindow>, fromMs: number, toMs: number, size: number): BucketSums[] {
  const deduped = dedupeWindows(windows);
  const out: BucketSums[] = [];
  for (const variant of ['v1', 'v2'] as const) {
    let current: BucketSums | undefined;
    for (const w of deduped[variant]) {
      if (w.start < fromMs || w.start >= toMs) continue;
      const t = Math.floor(w.start / size) * size;
      if (current?.t !== t) {
        current = { variant, t, sums: newAccumulator() };
        out.push(current);
      }
      addWindow(current.sums, w);
    }
  }
  return out;
}

/**
 * Windows with `from <= start < to`, deduplicated by (variant, start), in at most `points`
 * buckets per variant; both variants get the same bucket times, gaps included.
 */
export function downsampleWindows(windows: Iterable<MetricWindow>, fromMs: number, toMs: number, points: number): DownsampledSeries {
  if (!(toMs > fromMs)) return { from: fromMs, to: toMs, bucketMs: MINUTE_MS, v1: [], v2: [] };
  const size = bucketSizeFor(fromMs, toMs, points);
  return seriesFromSums(bucketSums(windows, fromMs, toMs, size), fromMs, toMs, size);
}

/** A bucket's value for a metric (p99 is the request-weighted mean; see `latencyP99MaxMs` for the max). */
export function bucketValue(bucket: SeriesBucket, metric: Metric): number | null {
  switch (metric) {
    case 'error_rate':
      return bucket.errorRate;
    case 'latency_avg':
      return bucket.latencyAvgMs;
    case 'latency_p50':
      return bucket.latencyP50Ms;
    case 'latency_p95':
      return bucket.latencyP95Ms;
    case 'latency_p99':
      return bucket.latencyP99Ms;
    case 'memory':
      return bucket.memoryMb;
    case 'cpu':
      return bucket.cpuPct;
    case 'throughput':
      return bucket.throughput;
  }
}

/** V2's deviation from V1 in percent ((v2 - v1) / v1 × 100); null without both values or when V1 is 0 and V2 is not. */
export function deviation(v1: number | null | undefined, v2: number | null | undefined): number | null {
  if (v1 === null || v1 === undefined || v2 === null || v2 === undefined || !Number.isFinite(v1) || !Number.isFinite(v2)) return null;
  if (v1 === 0) return v2 === 0 ? 0 : null;
  return ((v2 - v1) / Math.abs(v1)) * 100;
}

export interface DeviationPoint {
  t: number;
  pct: number | null;
}

/** Per-bucket deviation of V2 from V1 for one metric. */
export function deviationSeries(series: DownsampledSeries, metric: Metric): DeviationPoint[] {
  return series.v2.map((b, i) => {
    const v1 = series.v1[i];
    return { t: b.t, pct: v1 === undefined ? null : deviation(bucketValue(v1, metric), bucketValue(b, metric)) };
  });
}

/** A threshold to draw: a constant for absolute rules, ratio × V1 per bucket for relative ones. */
export interface ThresholdLine {
  ruleId: string;
  label: string;
  severity: GuardSeverity;
  action: GuardAction;
  kind: 'absolute' | 'relative_to_v1';
  /** The constant value of an absolute rule; null for relative rules. */
  value: number | null;
  /** Relative rules only (empty otherwise): the threshold per bucket, null where V1 has no value. */
  points: { t: number; value: number | null }[];
}

/** The lines of the rules on `metric`, in rule order. */
export function thresholdLines(metric: Metric, rules: readonly GuardRule[], series: DownsampledSeries): ThresholdLine[] {
  return rules
    .filter((r) => r.metric === metric)
    .map((r) => {
      const base = { ruleId: r.id, label: r.label, severity: r.severity, action: r.action };
      const c = r.comparison;
      if (c.kind === 'absolute') return { ...base, kind: 'absolute', value: c.value, points: [] };
      return {
        ...base,
        kind: 'relative_to_v1',
        value: null,
        points: series.v1.map((b) => {
          const v = bucketValue(b, metric);
          return { t: b.t, value: v === null ? null : v * c.ratio };
        }),
      };
    });
}
