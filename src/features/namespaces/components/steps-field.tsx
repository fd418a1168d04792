import { useId, useState } from 'react';

export interface StepsFieldProps {
  value: number;
  onChange: (steps: number) => void;
  /** The chain the rollback walks, e.g. [14, 13, 12]. */
  path: number[] | null;
}

/** How many steps back along the active chain (default 1). */
export function StepsField({ value, onChange, path }: StepsFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  return (
    <div className="guard-option">
      <label htmlFor={id} className="field-label">
        Steps back
      </label>
      <div className="guard-option-row">
        <input
          id={id}
          className="input input-narrow"
          type="number"
          min={1}
          max={10000}
          inputMode="numeric"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= 10_000) onChange(n);
          }}
        />
        {path && (
          <span className="muted chain-path" aria-label="Active chain">
            {path.map((v) => `v${v}`).join(' → ')}
          </span>
        )}
      </div>
    </div>
  );
}
