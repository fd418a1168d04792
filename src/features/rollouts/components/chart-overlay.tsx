import { useId } from 'react';
import { Curve, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartMarkers } from '../lib/to-chart-markers';
import type { ChartThreshold, MetricRow } from '../lib/to-metric-series';
import { MarkerLabel } from './marker-label';

export interface ChartOverlayProps {
  thresholds: readonly ChartThreshold[];
  /** The chart's rows: where the relative thresholds' values are. */
  rows?: readonly MetricRow[];
  markers: ChartMarkers;
  /** Marker labels above the plot (the top chart only: below it the lines alone say enough). */
  labels?: boolean;
}

/**
 * Threshold lines (constant, or a step line per bucket for relative ones), event markers (with
 * labels above the plot) and breach dots, drawn from the chart's scales in one component. One
 * element instead of a Recharts reference component or series per line keeps the charts cheap to
 * mount (each of those registers in the chart's store, and every registration re-runs the
 * chart's selectors).
 */
export function ChartOverlay({ thresholds, rows = [], markers, labels = true }: ChartOverlayProps) {
  const clipId = useId();
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  const left = area.x;
  const right = area.x + area.width;
  const top = area.y;
  const bottom = area.y + area.height;
  const inX = (px: number | undefined): px is number => px !== undefined && px >= left - 0.5 && px <= right + 0.5;
  return (
    <g className="chart-overlay">
      <defs>
        <clipPath id={clipId}>
          <rect x={left} y={top} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      {thresholds.map((th) => {
        if (!th.inView) return null;
        const index = th.relativeIndex;
        if (index !== null) {
          const points = rows.map((r) => {
            const v = r.relative[index] ?? null;
            return { x: x(r.t) ?? null, y: v === null ? null : (y(v) ?? null) };
          });
          return <Curve key={th.id} className={`chart-threshold chart-threshold-${th.severity}`} type="stepAfter" points={points} fill="none" clipPath={`url(#${clipId})`} />;
        }
        if (th.value === null) return null;
        const py = y(th.value);
        if (py === undefined || py < top || py > bottom) return null;
        return <line key={th.id} className={`chart-threshold chart-threshold-${th.severity}`} x1={left} x2={right} y1={py} y2={py} />;
      })}
      {markers.lines.map((m) => {
        const px = x(m.x);
        if (!inX(px)) return null;
        return (
          <g key={m.key} className={`chart-marker chart-marker-${m.kind}`}>
            <line x1={px} x2={px} y1={top} y2={bottom}>
              <title>{m.events.map((e) => e.detail).join('\n')}</title>
            </line>
            {labels && <MarkerLabel x={px} top={top} right={right} text={m.label} detail={m.events.map((e) => e.detail).join('\n')} kind={m.kind} lane={m.lane} />}
          </g>
        );
      })}
      {markers.dots.map((d) => {
        const px = x(d.x);
        const py = y(d.y);
        if (!inX(px) || py === undefined) return null;
        return (
          <circle key={d.key} className={`chart-breach chart-breach-${d.severity}`} cx={px} cy={Math.max(top, Math.min(bottom, py))} r={4}>
            <title>{d.event.detail}</title>
          </circle>
        );
      })}
    </g>
  );
}
