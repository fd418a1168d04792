import type { ParityPatternsResponse } from '@contract/rollouts';
import { formatNumber, formatRate } from '@core/rollout/format';

export function ParityTotals({ totals }: { totals: ParityPatternsResponse['totals'] }) {
  const rate = totals.reports === 0 ? 0 : totals.mismatch / totals.reports;
  return (
    <span className="summary-line parity-totals">
      <span>{formatNumber(totals.reports)} reports</span>
      <span>{formatNumber(totals.match)} match</span>
      <span className={totals.mismatch > 0 ? 'text-danger' : undefined}>
        {formatNumber(totals.mismatch)} mismatch ({formatRate(rate)})
      </span>
      <span>{formatNumber(totals.legacy_unavailable)} V1 unavailable</span>
    </span>
  );
}
