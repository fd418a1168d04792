/**
 * Shapes one metric of the server's downsampled V1/V2 series (core/rollout/series.ts) into what
 * a chart draws: one row per bucket with both variants, the deviation of V2 from V1, the
 * relative thresholds per bucket, and a y domain in which the thresholds that matter are visible.
 * Pure, so the charts stay dumb and this stays tested.
 */
import type { Metric } from '@core/rollout/model';
import type { GuardRule } from '@core/rollout/guards';
import { describeThreshold } from '@core/rollout/guard-wording';
import { bucketValue, deviation, type DownsampledSeries, type SeriesBucket, type ThresholdLine } from '@core/rollout/series';
import { formatMetricValue } from '@core/rollout/format';

export interface MetricRow {
  /** Bucket start, epoch ms. */
  t: number;
  v1: number | null;
  v2: number | null;
  /** V2 vs V1 in percent; always null for throughput (see `COMPARABLE`). */
  deviationPct: number | null;
  /** Values of the relative thresholds of this chart (index = `ChartThreshold.relativeIndex`). */
  relative: (number | null)[];
}

export interface ChartThreshold {
  id: string;
  severity: 'warning' | 'critical';
  /** "warning at 2%", "critical at 2× V1". */
  text: string;
  kind: 'absolute' | 'relative_to_v1';
  /** The constant of an absolute threshold. */
  value: number | null;
  /** Where a relative threshold's values are in `MetricRow.relative`. */
  relativeIndex: number | null;
  /** Drawn inside the y domain; otherwise only named in the legend ("off scale"). */
  inView: boolean;
}

export interface MetricSeries {
  metric: Metric;
  rows: MetricRow[];
  thresholds: ChartThreshold[];
  /** [0, max]: data and the thresholds in view, with headroom, rounded up to a nice number. */
  domain: [number, number];
  /** Round y ticks from 0 to the top of the domain. */
  ticks: number[];
  /** Whether either variant has a value anywhere in the range. */
  hasData: boolean;
  /** The newest row where V2 (else V1) has a value: the readout when nothing is hovered. */
  latest: MetricRow | null;
}

/**
 * Throughput follows the traffic share (V2 gets 10% of requests at the 10% step), so V2 vs V1
 * in percent would read as a regression that is not one; every other metric is per request or
 * per instance and compares directly.
 */
const comparable = (metric: Metric): boolean => metric !== 'throughput';

/** A threshold further than this multiple above the data is named, not drawn (it would flatten the lines). */
export const OFF_SCALE_FACTOR = 2.5;
const HEADROOM = 1.08;

/** The smallest 1, 2, 2.5, 5 × 10^k at or above `v`: an axis top that gives round ticks. */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= v - power * 1e-9) return m * power;
  return 10 * power;
}

/** Ticks from 0 to a nice top: quarters of 1 and 2 × 10^k, fifths of 2.5 and 5 × 10^k. */
export function niceTicks(top: number): number[] {
  const mantissa = top / 10 ** Math.floor(Math.log10(top));
  const steps = Math.abs(mantissa - 2.5) < 1e-9 || Math.abs(mantissa - 5) < 1e-9 ? 5 : 4;
  return Array.from({ length: steps + 1 }, (_, i) => (top * i) / steps);
}

/** Memory reads in GB above 1 GB, so its axis rounds in GB (1,024 MB), not in thousands of MB. */
function axisTop(metric: Metric, v: number): number {
  if (metric === 'memory' && v > 1024) return niceCeil(v / 1024) * 1024;
  return niceCeil(v);
}

const maxOf = (values: Iterable<number | null>): number | null => {
  let max: number | null = null;
  for (const v of values) if (v !== null && Number.isFinite(v) && (max === null || v > max)) max = v;
  return max;
};

function rowsOf(series: DownsampledSeries, metric: Metric, relative: ThresholdLine[]): MetricRow[] {
  const byT = new Map<number, SeriesBucket>();
  for (const b of series.v1) byT.set(b.t, b);
  const relativeByT = relative.map((line) => new Map(line.points.map((p) => [p.t, p.value])));
  return series.v2.map((b2, i) => {
    const b1 = series.v1[i]?.t === b2.t ? series.v1[i] : byT.get(b2.t);
    const v1 = b1 === undefined ? null : bucketValue(b1, metric);
    const v2 = bucketValue(b2, metric);
    return {
      t: b2.t,
      v1,
      v2,
      deviationPct: comparable(metric) ? deviation(v1, v2) : null,
      relative: relativeByT.map((m) => m.get(b2.t) ?? null),
    };
  });
}

/**
 * The chart of `metric`: rows, its threshold lines (as the metrics API sends them, from core
 * `thresholdLines`) worded by their guard rules, and the y domain.
 */
export function toMetricSeries(series: DownsampledSeries, metric: Metric, lines: readonly ThresholdLine[], rules: readonly GuardRule[]): MetricSeries {
  const own = [...lines];
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const relativeLines = own.filter((l) => l.kind === 'relative_to_v1');
  const rows = rowsOf(series, metric, relativeLines);
  const dataMax = maxOf(rows.flatMap((r) => [r.v1, r.v2]));
  const hasData = dataMax !== null;

  const thresholds: ChartThreshold[] = own.map((l) => {
    const relativeIndex = l.kind === 'relative_to_v1' ? relativeLines.indexOf(l) : null;
    const peak = relativeIndex === null ? l.value : maxOf(rows.map((r) => r.relative[relativeIndex] ?? null));
    return {
      id: l.ruleId,
      severity: l.severity,
      text: thresholdText(l, ruleById.get(l.ruleId)),
      kind: l.kind,
      value: l.kind === 'absolute' ? l.value : null,
      relativeIndex,
      inView: peak !== null && dataMax !== null && (dataMax === 0 ? false : peak <= dataMax * OFF_SCALE_FACTOR),
    };
  });

  // All zeros (a clean error rate): let the lowest absolute threshold set the scale, so the
  // flat line reads as "far below the warning line" rather than as an empty chart.
  if (dataMax === 0) {
    const lowest = thresholds.filter((t) => t.value !== null && t.value > 0).sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
    if (lowest) lowest.inView = true;
  }

  const visibleMax = maxOf(
    thresholds
      .filter((t) => t.inView)
      .flatMap((t) => (t.relativeIndex === null ? [t.value] : rows.map((r) => r.relative[t.relativeIndex ?? 0] ?? null))),
  );
  const top = Math.max(dataMax ?? 0, visibleMax ?? 0);
  const latest = [...rows].reverse().find((r) => r.v2 !== null) ?? [...rows].reverse().find((r) => r.v1 !== null) ?? null;
  const yTop = axisTop(metric, top > 0 ? top * HEADROOM : 1);
  const ticks = metric === 'memory' && yTop > 1024 ? niceTicks(yTop / 1024).map((t) => t * 1024) : niceTicks(yTop);
  return { metric, rows, thresholds, domain: [0, yTop], ticks, hasData, latest };
}

/** "warning at 2%", "critical at 2× V1" (the rule's own wording, core/rollout/guard-wording). */
const thresholdText = (line: ThresholdLine, rule: GuardRule | undefined): string => `${line.severity} ${rule ? describeThreshold(rule) : line.label}`;

/** The row at or just before `t` (rows are sorted by time), for hover readouts. */
export function rowAt(rows: readonly MetricRow[], t: number): MetricRow | null {
  let lo = 0;
  let hi = rows.length - 1;
  let found: MetricRow | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid];
    if (row === undefined) break;
    if (row.t <= t) {
      found = row;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** One sentence for screen readers: the range of each variant and where they are now. */
export function summarizeSeries(series: MetricSeries, label: string): string {
  if (!series.hasData) return `${label}: no data in this time range.`;
  const span = (pick: (r: MetricRow) => number | null): string => {
    const values = series.rows.map(pick).filter((v): v is number => v !== null);
    if (values.length === 0) return 'no data';
    return `${formatMetricValue(series.metric, Math.min(...values))} to ${formatMetricValue(series.metric, Math.max(...values))}`;
  };
  const last = series.latest;
  const now = last ? `; latest V1 ${formatMetricValue(series.metric, last.v1)}, V2 ${formatMetricValue(series.metric, last.v2)}` : '';
  const th = series.thresholds.map((t) => t.text).join(', ');
  return `${label}: V1 ${span((r) => r.v1)}, V2 ${span((r) => r.v2)}${now}.${th ? ` Thresholds: ${th}.` : ''}`;
}
