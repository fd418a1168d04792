/**
 * The trend of a number against the previous period of equal length: which way it moved and
 * whether that is good. For change failure rate, time to safe rollback and rollbacks, down is good.
 */
import { formatDuration, formatRate } from './format';

export type TrendKind = 'rate' | 'duration' | 'count';

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** Down is good for every number on the insights screen. */
  good: boolean | null;
  /** "+12 pts", "−4 min", "+2". */
  delta: string;
  /** The previous period's value as text. */
  previous: string;
}

/** Changes smaller than this are flat: a rate within half a point, a duration within 30 s. */
const FLAT = { rate: 0.005, duration: 30_000, count: 0 } as const;

export function trendOf(current: number | null, previous: number | null, kind: TrendKind): Trend | null {
  if (current === null || previous === null) return null;
  const diff = current - previous;
  const direction = Math.abs(diff) <= FLAT[kind] ? 'flat' : diff > 0 ? 'up' : 'down';
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const abs = Math.abs(diff);
  const delta = kind === 'rate' ? `${sign}${Math.round(abs * 100)} pts` : kind === 'duration' ? `${sign}${formatDuration(abs)}` : `${sign}${abs}`;
  const previousText = kind === 'rate' ? formatRate(previous) : kind === 'duration' ? formatDuration(previous) : String(previous);
  return { direction, good: direction === 'flat' ? null : direction === 'down', delta, previous: previousText };
}
