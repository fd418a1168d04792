/**
 * The chart view in the URL: the time range (time-range.ts), the latency percentile
 * (`?pct=p99`; p95 by default) and the table fallback (`?view=table`).
 */
import type { Metric } from '@core/rollout/model';
import { parseRange, writeRange, type RangeParams } from './time-range';

export const PERCENTILES = ['p50', 'p95', 'p99'] as const;
export type Percentile = (typeof PERCENTILES)[number];

export interface ChartParams {
  range: RangeParams;
  pct: Percentile;
  asTable: boolean;
}

export const latencyMetric = (pct: Percentile): Metric => (pct === 'p50' ? 'latency_p50' : pct === 'p99' ? 'latency_p99' : 'latency_p95');

export function parseChartParams(search: URLSearchParams): ChartParams {
  const pct = search.get('pct');
  return {
    range: parseRange(search),
    pct: (PERCENTILES as readonly string[]).includes(pct ?? '') ? (pct as Percentile) : 'p95',
    asTable: search.get('view') === 'table',
  };
}

export function writeChartParams(search: URLSearchParams, params: ChartParams): URLSearchParams {
  const next = writeRange(search, params.range);
  if (params.pct === 'p95') next.delete('pct');
  else next.set('pct', params.pct);
  if (params.asTable) next.set('view', 'table');
  else next.delete('view');
  return next;
}
