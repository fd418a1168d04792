import { memo } from 'react';
import { Area, AreaChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPerMinute } from '@core/rollout/format';
import { tickFormatFor, timeTicks } from '../lib/time-range';
import type { ChartMarkers } from '../lib/to-chart-markers';
import type { CounterRow, CounterSeries } from '../lib/to-counter-series';
import { AxisTick } from './axis-tick';
import { ChartGrid } from './chart-grid';
import { ChartOverlay } from './chart-overlay';
import { CounterTooltip } from './counter-tooltip';

export interface CounterChartProps {
  series: CounterSeries;
  colours: Readonly<Record<string, string>>;
  label: (key: string) => string;
  /** Counter resets as markers. */
  resets: ChartMarkers;
  from: number;
  to: number;
  width: number;
}

const valueOf = (key: string) => (r: CounterRow) => r.values[key] ?? 0;

/** Rates per minute from successive cumulative reports, stacked; resets drawn where they happened. */
function CounterChart({ series, colours, label, resets, from, to, width }: CounterChartProps) {
  const tick = tickFormatFor(to - from);
  return (
    <AreaChart width={width} height={170} data={series.rows} margin={{ top: resets.lines.length > 0 ? 24 : 8, right: 12, bottom: 0, left: 4 }} accessibilityLayer={false}>
      <ChartGrid ticks={series.ticks} />
      <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} ticks={timeTicks(from, to)} interval={0} tickFormatter={tick} tick={AxisTick} stroke="var(--chart-grid)" tickLine={false} allowDataOverflow />
      <YAxis domain={[0, series.ticks[series.ticks.length - 1] ?? 1]} ticks={series.ticks} interval={0} tickFormatter={(v: number) => formatPerMinute(v)} tick={AxisTick} width={64} stroke="var(--chart-grid)" tickLine={false} axisLine={false} />
      <Tooltip content={<CounterTooltip label={label} keys={series.keys} />} isAnimationActive={false} cursor={{ stroke: 'var(--chart-crosshair)' }} />
      {series.keys.map((k) => (
        <Area key={k} dataKey={valueOf(k)} name={label(k)} stackId="rates" type="stepAfter" stroke={colours[k] ?? 'var(--chart-v1)'} fill={colours[k] ?? 'var(--chart-v1)'} fillOpacity={0.18} strokeWidth={1.5} isAnimationActive={false} />
      ))}
      <ChartOverlay thresholds={[]} markers={resets} />
    </AreaChart>
  );
}

export default memo(CounterChart);
