import { Suspense, useId, type ReactNode } from 'react';
import { preloadable } from '../../../lib/preloadable';
import { useWidth } from '../../../lib/use-width';
import type { VerdictLevel } from '@core/rollout/verdict';
import type { ChartMarkers } from '../lib/to-chart-markers';
import { summarizeSeries, type MetricSeries } from '../lib/to-metric-series';
import { ChartLegend } from './chart-legend';
import { HoverReadout } from './hover-readout';
import { MetricTable } from './metric-table';
import { VerdictBadge } from './verdict-badge';

// Recharts is a large library: it loads in its own chunk, fetched as soon as the rollout page's
// code runs (in parallel with the page's data), so the charts draw as soon as their data is in.
const MetricChart = preloadable(async () => (await import('./metric-chart')).default);
void MetricChart.preload().catch(() => undefined);

export interface MetricCardProps {
  title: string;
  series: MetricSeries;
  markers: ChartMarkers;
  verdict: { level: VerdictLevel; sentence: string } | null;
  from: number;
  to: number;
  bucketMs: number;
  asTable: boolean;
  /** Controls in the card's header, e.g. the latency percentile. */
  controls?: ReactNode;
  /** Marker labels on this chart (the first); the others show the marker lines only. */
  markerLabels?: boolean;
}

/** One V1-vs-V2 chart with its verdict sentence, legend, hover readout and table fallback. */
export function MetricCard({ title, series, markers, verdict, from, to, bucketMs, asTable, controls, markerLabels = false }: MetricCardProps) {
  const titleId = useId();
  const descId = useId();
  const { ref: plotRef, width } = useWidth<HTMLDivElement>();
  return (
    <section className="chart-card" aria-labelledby={titleId} aria-describedby={descId} data-metric={series.metric}>
      <header className="chart-card-head">
        <h3 id={titleId} className="chart-card-title">
          {title}
        </h3>
        {verdict && <VerdictBadge level={verdict.level} />}
        {controls && <div className="chart-card-controls">{controls}</div>}
      </header>
      <p className="chart-verdict">{verdict?.sentence ?? 'No verdict yet: the server has no recent windows for this metric.'}</p>
      <p id={descId} className="sr-only">
        {summarizeSeries(series, title)}
      </p>
      {asTable ? (
        <MetricTable series={series} caption={title} />
      ) : (
        <>
          <HoverReadout metric={series.metric} rows={series.rows} latest={series.latest} markers={markers} bucketMs={bucketMs} />
          <div ref={plotRef} className="chart-plot" role="img" aria-labelledby={titleId} aria-describedby={descId}>
            {series.hasData ? (
              <Suspense fallback={<div className="chart-placeholder skeleton" />}>
                {width > 0 && <MetricChart id={series.metric} series={series} markers={markers} from={from} to={to} width={width} labels={markerLabels} />}
              </Suspense>
            ) : (
              <div className="chart-placeholder chart-empty">No windows from either variant in this time range.</div>
            )}
          </div>
          <ChartLegend thresholds={series.thresholds} markers={markerLabels ? markers : undefined} />
        </>
      )}
    </section>
  );
}
