/**
 * The V1-vs-V2 chart cards of the rollout page from one metrics response: which metrics, in
 * which order, with their series, markers and the server's verdict.
 */
import type { MetricsResponse, MetricVerdictDto } from '@contract/rollouts';
import type { GuardRule } from '@core/rollout/guards';
import type { Metric } from '@core/rollout/model';
import type { DownsampledSeries } from '@core/rollout/series';
import { latencyMetric, type Percentile } from './chart-params';
import { toChartEvents } from './to-chart-events';
import { toChartMarkers, type ChartMarkers } from './to-chart-markers';
import { toMetricSeries, type MetricSeries } from './to-metric-series';

export interface ChartCardModel {
  key: string;
  title: string;
  series: MetricSeries;
  markers: ChartMarkers;
  verdict: MetricVerdictDto | null;
}

const TITLES: Readonly<Partial<Record<Metric, string>>> = {
  latency_p50: 'Latency p50',
  latency_p95: 'Latency p95',
  latency_p99: 'Latency p99',
  error_rate: 'Error rate',
  throughput: 'Throughput',
  memory: 'Memory',
  cpu: 'CPU',
};

export function toChartCards(m: MetricsResponse, rules: readonly GuardRule[], pct: Percentile): ChartCardModel[] {
  const series: DownsampledSeries = { from: m.from, to: m.to, bucketMs: m.bucketMs, v1: m.v1, v2: m.v2 };
  const events = toChartEvents(m.markers, rules);
  const metrics: Metric[] = [latencyMetric(pct), 'error_rate', 'throughput', 'memory', 'cpu'];
  return metrics.map((metric) => {
    const s = toMetricSeries(series, metric, m.thresholds[metric] ?? [], rules);
    return {
      key: metric,
      title: TITLES[metric] ?? metric,
      series: s,
      markers: toChartMarkers(events, metric, s.rows, m.from, m.to),
      verdict: m.verdicts.find((v) => v.metric === metric) ?? null,
    };
  });
}
