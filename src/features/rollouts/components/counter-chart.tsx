import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPerMinute } from '@core/rollout/format';
import { tickFormatFor } from '../lib/time-range';
import type { CounterRow, CounterSeries } from '../lib/to-counter-series';
import { MarkerLabel } from './marker-label';
import { CounterTooltip } from './counter-tooltip';

export interface CounterChartProps {
  series: CounterSeries;
  colours: Readonly<Record<string, string>>;
  label: (key: string) => string;
  resets: readonly { at: number; kind: 'detected' | 'manual'; detail: string }[];
  from: number;
  to: number;
}

const AXIS_TICK = { fill: 'var(--chart-axis)', fontSize: 11 };
const valueOf = (key: string) => (r: CounterRow) => r.values[key] ?? 0;

/** Rates per minute from successive cumulative reports, stacked; resets drawn where they happened. */
export default function CounterChart({ series, colours, label, resets, from, to }: CounterChartProps) {
  const tick = tickFormatFor(to - from);
  return (
    <AreaChart responsive style={{ width: '100%', height: 170 }} data={series.rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }} accessibilityLayer={false}>
      <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
      <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} tickFormatter={tick} tick={AXIS_TICK} stroke="var(--chart-grid)" tickLine={false} minTickGap={48} allowDataOverflow />
      <YAxis tickFormatter={(v: number) => formatPerMinute(v)} tick={AXIS_TICK} width={64} stroke="var(--chart-grid)" tickLine={false} axisLine={false} tickCount={4} />
      <Tooltip content={<CounterTooltip label={label} keys={series.keys} />} isAnimationActive={false} cursor={{ stroke: 'var(--chart-crosshair)' }} />
      {series.keys.map((k) => (
        <Area key={k} dataKey={valueOf(k)} name={label(k)} stackId="rates" type="stepAfter" stroke={colours[k] ?? 'var(--chart-v1)'} fill={colours[k] ?? 'var(--chart-v1)'} fillOpacity={0.18} strokeWidth={1.5} isAnimationActive={false} />
      ))}
      {resets.map((r) => (
        <ReferenceLine key={`${r.kind}-${r.at}`} x={r.at} stroke="var(--chart-warning)" strokeDasharray="4 3" label={<MarkerLabel text={r.kind === 'manual' ? 'Reset' : 'Reporter reset'} detail={r.detail} kind="pause" />} />
      ))}
    </AreaChart>
  );
}
