import type { ShadowCheck } from '@contract/schemas';

/** 0 -> "0%", 0.0004 -> "<0.1%", 0.125 -> "12.5%", 1 -> "100%". */
export function formatShare(share: number): string {
  if (share <= 0) return '0%';
  if (share < 0.001) return '<0.1%';
  const pct = Math.round(share * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export function shadowHeadline(shadow: ShadowCheck): string {
  const n = shadow.populationSize.toLocaleString('en');
  if (shadow.anyChangedShare === 0) return `0% — equivalent: none of the ${n} contexts checked would get a different value.`;
  const flags = shadow.flags.filter((f) => f.changedCount > 0).length;
  return `${formatShare(shadow.anyChangedShare)} of ${n} contexts checked would get a different value from ${flags} flag${flags === 1 ? '' : 's'}.`;
}
