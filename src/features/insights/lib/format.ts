/** Numbers of the insights screen as people read them. Pure. */

/** 0.25 -> "25%", 0.0625 -> "6.3%"; null -> "—". */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  const pct = rate * 100;
  return `${pct === 0 || pct >= 10 || Number.isInteger(pct) ? Math.round(pct) : pct.toFixed(1)}%`;
}

/** 45,000 -> "45 s", 1,260,000 -> "21 min", 5,400,000 -> "1 h 30 min", 2 days -> "2 d 0 h". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h${min % 60 ? ` ${min % 60} min` : ''}`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
