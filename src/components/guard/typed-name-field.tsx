import { useId } from 'react';

/** Namespace-wide actions ask for the namespace's name, typed, so a slip of the mouse cannot do them. */
export function TypedNameField({
  expected,
  value,
  onChange,
  label = 'Type the namespace name to confirm',
}: {
  expected: string;
  value: string;
  onChange: (v: string) => void;
  /** What is typed, e.g. "Type the rollout id to confirm". */
  label?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="guard-typed-name">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="input mono"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hintId}
        aria-required="true"
      />
      <p id={hintId} className="field-hint">
        Type <strong className="mono">{expected}</strong> exactly.
      </p>
    </div>
  );
}
