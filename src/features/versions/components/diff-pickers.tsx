import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';

export interface DiffPickersProps {
  from: number | null;
  to: number | null;
  /** Highest version written, when known (bounds the inputs). */
  latest: number | null;
  onCompare: (from: number, to: number) => void;
}

const asVersion = (text: string): number | null => {
  const n = Number(text);
  return text.trim() !== '' && Number.isSafeInteger(n) && n >= 1 ? n : null;
};

/** Two version numbers and a swap; the parent puts them in the URL so the comparison is a link. */
export function DiffPickers({ from, to, latest, onCompare }: DiffPickersProps) {
  const [fromText, setFromText] = useState(from === null ? '' : String(from));
  const [toText, setToText] = useState(to === null ? '' : String(to));
  const [error, setError] = useState<string | null>(null);

  const submit = (a: string, b: string) => {
    const [f, t] = [asVersion(a), asVersion(b)];
    if (f === null || t === null) return setError('Enter two version numbers (whole numbers from 1).');
    if (latest !== null && Math.max(f, t) > latest) return setError(`The newest version is v${latest}.`);
    setError(null);
    onCompare(f, t);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(fromText, toText);
  };
  const swap = () => {
    setFromText(toText);
    setToText(fromText);
    submit(toText, fromText);
  };

  return (
    <form className="diff-pickers" onSubmit={onSubmit} aria-label="Versions to compare" noValidate>
      <label className="diff-picker">
        <span className="diff-picker-label">From</span>
        <input className="input" type="number" inputMode="numeric" min={1} max={latest ?? undefined} value={fromText} onChange={(e) => setFromText(e.target.value)} aria-label="From version" aria-invalid={error !== null} />
      </label>
      <Button onClick={swap} aria-label="Swap from and to" title="Swap from and to" className="diff-swap">
        ⇄
      </Button>
      <label className="diff-picker">
        <span className="diff-picker-label">To</span>
        <input className="input" type="number" inputMode="numeric" min={1} max={latest ?? undefined} value={toText} onChange={(e) => setToText(e.target.value)} aria-label="To version" aria-invalid={error !== null} />
      </label>
      <Button type="submit" variant="primary">Compare</Button>
      {error && <p className="field-error" role="alert">{error}</p>}
    </form>
  );
}
