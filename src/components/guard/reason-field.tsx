import { useId } from 'react';
import { REASON_MAX } from './guard-model';

export interface ReasonFieldProps {
  value: string;
  onChange: (reason: string) => void;
  suggestions: readonly string[];
  problem: string | null;
  /** Show the problem only once the user tried or typed. */
  showProblem: boolean;
}

/** The required reason, with one-click suggestions (a click fills the field; it can still be edited). */
export function ReasonField({ value, onChange, suggestions, problem, showProblem }: ReasonFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = showProblem && problem !== null;
  return (
    <div className="guard-reason">
      <label htmlFor={id} className="field-label">
        Reason
      </label>
      <p id={hintId} className="field-hint reason-hint">
        Required. It is kept in the audit log for whoever looks at this change next.
      </p>
      <div className="reason-chips" role="group" aria-label="Suggested reasons">
        {suggestions.map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={value === s} onClick={() => onChange(s)}>
            {s}
          </button>
        ))}
      </div>
      <textarea
        id={id}
        className="input textarea"
        rows={2}
        maxLength={REASON_MAX + 200}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
        aria-required="true"
        placeholder="Why are you doing this? e.g. Error rate spike after v14"
      />
      {invalid && (
        <p id={errorId} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
