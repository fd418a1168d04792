/**
 * Shapes counter rates (core/rollout/counters.ts `counterRates`: one point per pair of
 * successive cumulative reports) into chart rows: decisions per minute by action, reasons per
 * minute by reason, and the reports where the reporter was reset (drawn as markers, since the
 * counts from before a reset that were never reported are lost).
 */
import { DECISION_ACTIONS, type DecisionAction } from '@core/rollout/model';
import { counterReasonKeys, type CounterPoint } from '@core/rollout/counters';
import { formatPerMinute } from '@core/rollout/format';
import { niceCeil, niceTicks } from './to-metric-series';

export interface CounterRow {
  /** The newer report's time, epoch ms. */
  t: number;
  reset: boolean;
  /** Per minute, by key (decision action or reason). */
  values: Record<string, number>;
}

export interface CounterSeries {
  /** Series keys in legend order. */
  keys: string[];
  rows: CounterRow[];
  /** Times of the reports that followed a reset. */
  resets: number[];
  /** Totals over the range (not per minute), by key. */
  totals: Record<string, number>;
  /** Round y ticks up to the highest stacked rate. */
  ticks: number[];
}

export const DECISION_LABELS: Readonly<Record<DecisionAction, string>> = {
  enqueue_runtime: 'Runtime (V2)',
  parity_only: 'Parity only',
  drop: 'Dropped',
};

function build(points: readonly CounterPoint[], keys: string[], rate: (p: CounterPoint, key: string) => number, total: (p: CounterPoint, key: string) => number): CounterSeries {
  const totals: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  const rows = points.map((p) => {
    const values: Record<string, number> = {};
    for (const k of keys) {
      values[k] = rate(p, k);
      totals[k] = (totals[k] ?? 0) + total(p, k);
    }
    return { t: p.at, reset: p.reset, values };
  });
  const stacked = Math.max(0, ...rows.map((r) => Object.values(r.values).reduce((a, b) => a + b, 0)));
  return { keys, rows, resets: points.filter((p) => p.reset).map((p) => p.at), totals, ticks: niceTicks(niceCeil(stacked * 1.05 || 1)) };
}

/** Decisions per minute by action (enqueue_runtime, parity_only, drop). */
export function toDecisionSeries(points: readonly CounterPoint[]): CounterSeries {
  return build(
    points,
    [...DECISION_ACTIONS],
    (p, k) => p.perMinute.decisions[k as DecisionAction],
    (p, k) => p.decisions[k as DecisionAction],
  );
}

/** Reasons per minute; reasons are an open set, so the legend is every reason seen, busiest first. */
export function toReasonSeries(points: readonly CounterPoint[]): CounterSeries {
  const keys = counterReasonKeys(points);
  const series = build(
    points,
    keys,
    (p, k) => (Object.hasOwn(p.perMinute.reasons, k) ? (p.perMinute.reasons[k] ?? 0) : 0),
    (p, k) => (Object.hasOwn(p.reasons, k) ? (p.reasons[k] ?? 0) : 0),
  );
  series.keys.sort((a, b) => (series.totals[b] ?? 0) - (series.totals[a] ?? 0) || a.localeCompare(b));
  return series;
}

/** "enqueue_runtime 1,188/min, drop 12/min" for a screen reader, from the latest row. */
export function summarizeCounters(series: CounterSeries, label: (key: string) => string): string {
  const last = series.rows[series.rows.length - 1];
  if (!last) return 'No counter reports in this time range.';
  const parts = series.keys.map((k) => `${label(k)} ${formatPerMinute(last.values[k] ?? 0)}`);
  const resets = series.resets.length;
  return `Latest: ${parts.join(', ')}.${resets > 0 ? ` ${resets} reporter reset${resets === 1 ? '' : 's'} in this range.` : ''}`;
}
