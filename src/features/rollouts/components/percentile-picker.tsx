import { PERCENTILES, type Percentile } from '../lib/chart-params';

export function PercentilePicker({ value, onChange }: { value: Percentile; onChange: (p: Percentile) => void }) {
  return (
    <div className="segmented segmented-text" role="group" aria-label="Latency percentile">
      {PERCENTILES.map((p) => (
        <button key={p} type="button" className="segmented-item" aria-pressed={value === p} onClick={() => onChange(p)}>
          {p}
        </button>
      ))}
    </div>
  );
}
