import type { Trend } from '../lib/trend';

const ARROW = { up: '▲', down: '▼', flat: '▬' } as const;

/** Which way a number moved against the previous period, green when that is good, red when not. */
export function TrendBadge({ trend, period, quiet = false }: { trend: Trend | null; period: string; quiet?: boolean }) {
  if (!trend) return quiet ? null : <span className="trend trend-none">no earlier data</span>;
  const tone = trend.good === null ? 'flat' : trend.good ? 'good' : 'bad';
  const text = trend.direction === 'flat' ? `unchanged from ${trend.previous}` : `${trend.delta} vs ${trend.previous}`;
  return (
    <span className={`trend trend-${tone}`} title={`Previous ${period}: ${trend.previous}`}>
      <span aria-hidden="true">{ARROW[trend.direction]}</span> {text}
      <span className="sr-only"> ({trend.good === null ? 'no change' : trend.good ? 'better' : 'worse'} than the previous {period})</span>
    </span>
  );
}
