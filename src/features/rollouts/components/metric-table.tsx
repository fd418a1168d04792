import { formatDeviation, formatMetricValue } from '@core/rollout/format';
import { formatInstant } from '../lib/time-range';
import type { MetricSeries } from '../lib/to-metric-series';

/** The chart as a table (newest first, buckets with data only), for keyboard and screen-reader users. */
export function MetricTable({ series, caption }: { series: MetricSeries; caption: string }) {
  const rows = series.rows.filter((r) => r.v1 !== null || r.v2 !== null).reverse();
  return (
    <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={`${caption} as a table`}>
      <table className="data-table chart-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col" className="num">
              V1
            </th>
            <th scope="col" className="num">
              V2
            </th>
            <th scope="col" className="num">
              V2 vs V1
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.t}>
              <th scope="row">{formatInstant(r.t)}</th>
              <td className="num">{formatMetricValue(series.metric, r.v1)}</td>
              <td className="num">{formatMetricValue(series.metric, r.v2)}</td>
              <td className="num">{r.deviationPct === null ? '—' : formatDeviation(r.deviationPct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
