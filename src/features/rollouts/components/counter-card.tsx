import { useId, type ReactNode } from 'react';
import { formatPerMinute } from '@core/rollout/format';
import { useInView } from '../../../lib/use-in-view';
import { useWidth } from '../../../lib/use-width';
import { formatInstant } from '../lib/time-range';
import type { CounterSeries } from '../lib/to-counter-series';

export interface CounterCardProps {
  title: string;
  summary: string;
  series: CounterSeries;
  label: (key: string) => string;
  colours: Readonly<Record<string, string>>;
  asTable: boolean;
  /** The chart (lazy), drawn at the measured width. */
  children: (width: number) => ReactNode;
}

export function CounterCard({ title, summary, series, label, colours, asTable, children }: CounterCardProps) {
  const titleId = useId();
  const descId = useId();
  const empty = series.rows.length === 0;
  // Below the V1-vs-V2 charts: drawn when scrolled near, so they do not delay the charts above.
  const { ref, inView } = useInView<HTMLDivElement>();
  const { ref: plotRef, width } = useWidth<HTMLDivElement>();
  return (
    <section className="chart-card" aria-labelledby={titleId} aria-describedby={descId}>
      <header className="chart-card-head">
        <h3 id={titleId} className="chart-card-title">
          {title}
        </h3>
      </header>
      <p id={descId} className="chart-verdict">
        {summary}
      </p>
      {empty ? (
        <div className="chart-placeholder chart-empty">Rates need two cumulative reports in this range.</div>
      ) : asTable ? (
        <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={`${title} as a table`}>
          <table className="data-table chart-table">
            <thead>
              <tr>
                <th scope="col">Report</th>
                {series.keys.map((k) => (
                  <th key={k} scope="col" className="num">
                    {label(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...series.rows].reverse().map((r) => (
                <tr key={r.t}>
                  <th scope="row">
                    {formatInstant(r.t)}
                    {r.reset && <span className="text-warning"> (after a reset)</span>}
                  </th>
                  {series.keys.map((k) => (
                    <td key={k} className="num">
                      {formatPerMinute(r.values[k] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <>
          <div ref={ref} className="chart-plot chart-plot-sm" role="img" aria-labelledby={titleId} aria-describedby={descId}>
            <div ref={plotRef}>{inView && width > 0 ? children(width) : <div className="chart-placeholder" />}</div>
          </div>
          <ul className="chart-legend" aria-label="Legend">
            {series.keys.map((k) => (
              <li key={k}>
                <span className="legend-swatch" style={{ background: colours[k] }} aria-hidden="true" />
                {label(k)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
