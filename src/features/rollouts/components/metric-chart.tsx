import { memo } from 'react';
import { ComposedChart, Line, XAxis, YAxis } from 'recharts';
import { formatMetricValue } from '@core/rollout/format';
import { useChartHoverStore } from '../lib/chart-hover-store';
import { tickFormatFor, timeTicks } from '../lib/time-range';
import type { ChartMarkers } from '../lib/to-chart-markers';
import type { MetricSeries } from '../lib/to-metric-series';
import { AxisTick } from './axis-tick';
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
      <Line dataKey="v1" name="V1" stroke="var(--chart-v1)" strokeWidth={1.5} strokeDasharray="5 4" dot={false} activeDot={false} isAnimationActive={false} type="monotone" />
      <Line dataKey="v2" name="V2" stroke="var(--chart-v2)" strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} type="monotone" />
      <ChartOverlay thresholds={series.thresholds} rows={series.rows} markers={markers} labels={labels} />
      <ChartCrosshair />
    </ComposedChart>
  );
}

export default memo(MetricChart);
