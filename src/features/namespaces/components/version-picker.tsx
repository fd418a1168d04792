import { useId, useState } from 'react';
import type { VersionSummary } from '@contract/schemas';
import { relativeTime } from '../../../lib/format-time';

export interface VersionPickerProps {
  versions: VersionSummary[];
  active: number;
  latest: number;
  value: number | null;
  onChange: (version: number) => void;
}

function optionLabel(v: VersionSummary, active: number, now: number): string {
  const state = v.version === active ? ' (live)' : v.discardedBy ? ' (discarded by a rollback)' : '';
  return `v${v.version}${state} · ${v.kind} · ${v.author} · ${relativeTime(v.createdAt, now)}${v.reason ? ` · ${v.reason}` : ''}`;
}

/** Any version: the newest ones by name, older ones by number. */
export function VersionPicker({ versions, active, latest, value, onChange }: VersionPickerProps) {
  const selectId = useId();
  const numberId = useId();
  const [now] = useState(() => Date.now());
  const [typed, setTyped] = useState('');
  const outOfRange = typed !== '' && !(Number(typed) >= 1 && Number(typed) <= latest);
  return (
    <div className="guard-option guard-option-grid">
      <div>
        <label htmlFor={selectId} className="field-label">
          Version to restore
        </label>
        <select
          id={selectId}
          className="input"
          value={value ?? ''}
          onChange={(e) => {
            setTyped('');
            onChange(Number(e.target.value));
          }}
        >
          {value === null && <option value="">Choose a version…</option>}
          {value !== null && !versions.some((v) => v.version === value) && <option value={value}>v{value}</option>}
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              {optionLabel(v, active, now)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={numberId} className="field-label">
          Or any version number
        </label>
        <input
          id={numberId}
          className="input input-narrow"
          type="number"
          min={1}
          max={latest}
          value={typed}
          aria-invalid={outOfRange || undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= latest) onChange(n);
          }}
        />
        {outOfRange && <p className="field-error">Versions of this namespace go from v1 to v{latest}.</p>}
      </div>
    </div>
  );
}
