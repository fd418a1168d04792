import type { Metric } from '@core/rollout/model';
import { formatDeviation, formatMetricValue } from '@core/rollout/format';
import { useHoveredTime } from '../lib/chart-hover-store';
import { formatInstant } from '../lib/time-range';
import { eventsNear, type ChartMarkers } from '../lib/to-chart-markers';
import { rowAt, type MetricRow } from '../lib/to-metric-series';

export interface HoverReadoutProps {
  metric: Metric;
  rows: readonly MetricRow[];
  latest: MetricRow | null;
  markers: ChartMarkers;
  bucketMs: number;
}

/** The values under the shared crosshair (or the latest values when nothing is hovered); V2 15% or more above V1 is marked (every metric with a percentage is better lower). */
export function HoverReadout({ metric, rows, latest, markers, bucketMs }: HoverReadoutProps) {
  const t = useHoveredTime();
  const row = t === null ? latest : rowAt(rows, t);
  if (!row) return <p className="chart-readout muted">No data yet</p>;
  const events = t === null ? [] : eventsNear(markers, row.t, bucketMs);
  return (
    <div className="chart-readout" aria-hidden="true">
      <span className="chart-readout-time">{t === null ? 'Latest' : formatInstant(row.t)}</span>
      <span>
        <span className="readout-key readout-v1">V1</span> {formatMetricValue(metric, row.v1)}
      </span>
      <span>
        <span className="readout-key readout-v2">V2</span> {formatMetricValue(metric, row.v2)}
      </span>
      {row.deviationPct !== null && <span className={row.deviationPct >= 15 ? 'text-warning' : 'muted'}>{formatDeviation(row.deviationPct)}</span>}
      {events.map((e) => (
        <span key={e.id} className="chart-readout-event">
          {e.detail}
        </span>
      ))}
    </div>
  );
}
