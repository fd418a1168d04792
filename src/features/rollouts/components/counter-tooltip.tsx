import { formatPerMinute } from '@core/rollout/format';
import { formatInstant } from '../lib/time-range';
import type { CounterRow } from '../lib/to-counter-series';

interface Props {
  active?: boolean;
  payload?: readonly { payload?: CounterRow }[];
  label: (key: string) => string;
  keys: readonly string[];
}

/** The rates of one interval between two reports, per series, and whether the reporter was reset. */
export function CounterTooltip({ active, payload, label, keys }: Props) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-time">{formatInstant(row.t)}</p>
      {keys.map((k) => (
        <p key={k}>
          {label(k)}: <strong>{formatPerMinute(row.values[k] ?? 0)}</strong>
        </p>
      ))}
      {row.reset && <p className="text-warning">Reporter reset before this report: counts since the reset only.</p>}
    </div>
  );
}
