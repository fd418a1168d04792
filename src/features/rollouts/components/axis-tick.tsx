import type { XAxisTickContentProps, YAxisTickContentProps } from 'recharts';

/** Baseline offsets of Recharts' own one-line labels (cap height 0.71em). */
const TICK_DY = { start: '0.71em', middle: '0.355em', end: 0 } as const;

/**
 * An axis label as plain SVG text. Recharts' default label measures every word through the DOM
 * (a forced layout each, dozens per chart) to be able to wrap it, which a tick label never needs.
 */
export function AxisTick({ x, y, payload, index, textAnchor, verticalAnchor, tickFormatter, className }: XAxisTickContentProps | YAxisTickContentProps) {
  return (
    <text x={x} y={y} dy={TICK_DY[verticalAnchor]} textAnchor={textAnchor} fill="var(--chart-axis)" fontSize={11} className={className}>
      {tickFormatter ? tickFormatter(payload.value, index) : String(payload.value)}
    </text>
  );
}
