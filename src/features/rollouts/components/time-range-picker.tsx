import { useState } from 'react';
import { PRESET_RANGES, RANGE_LABELS, fromLocalInput, resolveRange, toLocalInput, type RangeParams } from '../lib/time-range';

/** 1h / 6h / 24h / 7d, or a custom from-to in the browser's time zone. */
export function TimeRangePicker({ value, onChange }: { value: RangeParams; onChange: (range: RangeParams) => void }) {
  const [editing, setEditing] = useState(value.key === 'custom');
  // The custom fields start from the range on screen (resolved once, when the picker mounts).
  const [initial] = useState(() => resolveRange(value, Date.now()));
  const [from, setFrom] = useState(toLocalInput(initial.from));
  const [to, setTo] = useState(toLocalInput(initial.to));
  const f = fromLocalInput(from);
  const t = fromLocalInput(to);
  const invalid = f === null || t === null || t <= f;
  return (
    <div className="range-picker">
      <div className="segmented segmented-text" role="group" aria-label="Time range">
        {PRESET_RANGES.map((key) => (
          <button
            key={key}
            type="button"
            className="segmented-item"
            aria-pressed={value.key === key && !editing}
            title={RANGE_LABELS[key]}
            onClick={() => {
              setEditing(false);
              onChange({ key });
            }}
          >
            {key}
          </button>
        ))}
        <button type="button" className="segmented-item" aria-pressed={editing || value.key === 'custom'} onClick={() => setEditing(true)}>
          Custom
        </button>
      </div>
      {editing && (
        <form
          className="range-custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid && f !== null && t !== null) onChange({ key: 'custom', from: f, to: t });
          }}
        >
          <label>
            <span className="sr-only">From</span>
            <input type="datetime-local" className="input input-sm" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From" />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="sr-only">To</span>
            <input type="datetime-local" className="input input-sm" value={to} onChange={(e) => setTo(e.target.value)} aria-label="To" />
          </label>
          <button type="submit" className="btn btn-secondary btn-sm" disabled={invalid}>
            Apply
          </button>
        </form>
      )}
    </div>
  );
}
