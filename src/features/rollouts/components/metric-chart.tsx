import { CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetricValue } from '@core/rollout/format';
import { useChartHoverStore } from '../lib/chart-hover-store';
import { tickFormatFor } from '../lib/time-range';
import type { ChartMarkers } from '../lib/to-chart-markers';
import type { MetricRow, MetricSeries } from '../lib/to-metric-series';
import { ChartCrosshair } from './chart-crosshair';
import { MarkerLabel } from './marker-label';

export interface MetricChartProps {
  /** Identifies the chart in the shared hover store. */
  id: string;
  series: MetricSeries;
  markers: ChartMarkers;
  from: number;
  to: number;
  height?: number;
}

const SEVERITY_COLOUR = { warning: 'var(--chart-warning)', critical: 'var(--chart-critical)' } as const;
const MARKER_COLOUR = { config: 'var(--chart-load)', stage: 'var(--chart-promote)', pause: 'var(--chart-warning)', rollback: 'var(--chart-critical)', breach: 'var(--chart-critical)' } as const;
const AXIS_TICK = { fill: 'var(--chart-axis)', fontSize: 11 };
const relativeKey = (i: number) => (r: MetricRow) => r.relative[i] ?? null;
/** Rows of marker labels above the plot. */
const laneCount = (m: ChartMarkers): number => (m.lines.length === 0 ? 0 : 1 + Math.max(...m.lines.map((l) => l.lane)));

/** V1 (dashed) vs V2 (solid) for one metric, with threshold lines, markers and the shared crosshair. */
export default function MetricChart({ id, series, markers, from, to, height = 188 }: MetricChartProps) {
  const chartHovered = useChartHoverStore((s) => s.chartHovered);
  const chartLeft = useChartHoverStore((s) => s.chartLeft);
  const tick = tickFormatFor(to - from);
  const metric = series.metric;
  return (
    <ComposedChart
      responsive
      style={{ width: '100%', height }}
      data={series.rows}
      margin={{ top: 8 + 16 * laneCount(markers), right: 12, bottom: 0, left: 4 }}
      accessibilityLayer={false}
      onMouseMove={(state) => {
        const row = series.rows[Number(state.activeTooltipIndex)];
        if (row) chartHovered(id, row.t);
      }}
      onMouseLeave={() => chartLeft(id)}
    >
      <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
      <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} tickFormatter={tick} tick={AXIS_TICK} stroke="var(--chart-grid)" tickLine={false} minTickGap={48} allowDataOverflow />
      <YAxis domain={series.domain} ticks={series.ticks} tickFormatter={(v: number) => formatMetricValue(metric, v)} tick={AXIS_TICK} width={64} stroke="var(--chart-grid)" tickLine={false} axisLine={false} allowDataOverflow />
      <Tooltip content={() => null} cursor={false} isAnimationActive={false} />
      {series.thresholds
        .filter((th) => th.inView && th.value !== null)
        .map((th) => (
          <ReferenceLine key={th.id} y={th.value ?? 0} stroke={SEVERITY_COLOUR[th.severity]} strokeDasharray="2 3" strokeWidth={1.25} ifOverflow="hidden" />
        ))}
      {series.thresholds
        .filter((th) => th.inView && th.relativeIndex !== null)
        .map((th) => (
          <Line key={th.id} dataKey={relativeKey(th.relativeIndex ?? 0)} name={th.text} stroke={SEVERITY_COLOUR[th.severity]} strokeDasharray="2 3" strokeWidth={1.25} dot={false} activeDot={false} isAnimationActive={false} connectNulls={false} type="stepAfter" />
        ))}
      <Line dataKey="v1" name="V1" stroke="var(--chart-v1)" strokeWidth={1.5} strokeDasharray="5 4" dot={false} activeDot={false} isAnimationActive={false} type="monotone" />
      <Line dataKey="v2" name="V2" stroke="var(--chart-v2)" strokeWidth={2} dot={false} activeDot={{ r: 3 }} isAnimationActive={false} type="monotone" />
      {markers.lines.map((m) => (
        <ReferenceLine
          key={m.key}
          x={m.x}
          stroke={MARKER_COLOUR[m.kind]}
          strokeWidth={1}
          strokeOpacity={0.8}
          label={<MarkerLabel text={m.label} detail={m.events.map((e) => e.detail).join('\n')} kind={m.kind} lane={m.lane} />}
        />
      ))}
      {markers.dots.map((d) => (
        <ReferenceDot key={d.key} x={d.x} y={d.y} r={4} fill={SEVERITY_COLOUR[d.severity]} stroke="var(--bg-elevated)" strokeWidth={1.5} ifOverflow="extendDomain">
          <title>{d.event.detail}</title>
        </ReferenceDot>
      ))}
      <ChartCrosshair />
    </ComposedChart>
  );
}
