import { memo } from 'react';
import { ComposedChart, Line, XAxis, YAxis, type XAxisTickContentProps, type YAxisTickContentProps } from 'recharts';
import { formatMetricValue } from '@core/rollout/format';
import { useChartHoverStore } from '../lib/chart-hover-store';
import { tickFormatFor, timeTicks } from '../lib/time-range';
import type { ChartMarkers } from '../lib/to-chart-markers';
import type { MetricRow, MetricSeries } from '../lib/to-metric-series';
import { ChartCrosshair } from './chart-crosshair';
import { ChartGrid } from './chart-grid';
import { ChartOverlay } from './chart-overlay';

export interface MetricChartProps {
  /** Identifies the chart in the shared hover store. */
  id: string;
  series: MetricSeries;
  markers: ChartMarkers;
  from: number;
  to: number;
  /** Measured by the card (one layout read), so the chart renders once at its size. */
  width: number;
  /** Whether this chart carries the marker labels (the first one does). */
  labels: boolean;
  height?: number;
}

const SEVERITY_COLOUR = { warning: 'var(--chart-warning)', critical: 'var(--chart-critical)' } as const;
/** Baseline offsets of Recharts' own one-line labels (cap height 0.71em). */
const TICK_DY = { start: '0.71em', middle: '0.355em', end: 0 } as const;

/**
 * An axis label as plain SVG text. Recharts' default label measures every word through the DOM
 * (a forced layout each, dozens per chart) to be able to wrap it, which a tick label never needs.
 */
function AxisTick({ x, y, payload, index, textAnchor, verticalAnchor, tickFormatter, className }: XAxisTickContentProps | YAxisTickContentProps) {
  return (
    <text x={x} y={y} dy={TICK_DY[verticalAnchor]} textAnchor={textAnchor} fill="var(--chart-axis)" fontSize={11} className={className}>
      {tickFormatter ? tickFormatter(payload.value, index) : String(payload.value)}
    </text>
  );
}
const relativeKey = (i: number) => (r: MetricRow) => r.relative[i] ?? null;
/** Rows of marker labels above the plot. */
const laneCount = (m: ChartMarkers): number => (m.lines.length === 0 ? 0 : 1 + Math.max(...m.lines.map((l) => l.lane)));

/**
 * V1 (dashed) vs V2 (solid) for one metric, with threshold lines, markers and the shared
 * crosshair. Memoised: it re-renders only when its data does (hover moves only the crosshair).
 */
function MetricChart({ id, series, markers, from, to, width, labels, height = 188 }: MetricChartProps) {
  const chartHovered = useChartHoverStore((s) => s.chartHovered);
  const chartLeft = useChartHoverStore((s) => s.chartLeft);
  const tick = tickFormatFor(to - from);
  const metric = series.metric;
  return (
    <ComposedChart
      width={width}
      height={height}
      data={series.rows}
      margin={{ top: 8 + (labels ? 16 * laneCount(markers) : 0), right: 12, bottom: 0, left: 4 }}
      accessibilityLayer={false}
      onMouseMove={(state) => {
        const row = series.rows[Number(state.activeTooltipIndex)];
        if (row) chartHovered(id, row.t);
      }}
      onMouseLeave={() => chartLeft(id)}
    >
      <ChartGrid ticks={series.ticks} />
      <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} ticks={timeTicks(from, to)} interval={0} tickFormatter={tick} tick={AxisTick} stroke="var(--chart-grid)" tickLine={false} allowDataOverflow />
      <YAxis domain={series.domain} ticks={series.ticks} interval={0} tickFormatter={(v: number) => formatMetricValue(metric, v)} tick={AxisTick} width={64} stroke="var(--chart-grid)" tickLine={false} axisLine={false} allowDataOverflow />
      {series.thresholds
        .filter((th) => th.inView && th.relativeIndex !== null)
        .map((th) => (
          <Line key={th.id} dataKey={relativeKey(th.relativeIndex ?? 0)} name={th.text} stroke={SEVERITY_COLOUR[th.severity]} strokeDasharray="2 3" strokeWidth={1.25} dot={false} activeDot={false} isAnimationActive={false} type="stepAfter" />
        ))}
      <Line dataKey="v1" name="V1" stroke="var(--chart-v1)" strokeWidth={1.5} strokeDasharray="5 4" dot={false} activeDot={false} isAnimationActive={false} type="monotone" />
      <Line dataKey="v2" name="V2" stroke="var(--chart-v2)" strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} type="monotone" />
      <ChartOverlay thresholds={series.thresholds} markers={markers} labels={labels} />
      <ChartCrosshair />
    </ComposedChart>
  );
}

export default memo(MetricChart);
