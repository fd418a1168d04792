import type { Ref } from 'react';
import { Link } from 'react-router';
import { VersionKind } from '@contract/schemas';
import { Button } from '../../../components/ui/button';
import { SearchInput } from '../../../components/ui/search-input';
import { compareHref, KIND_LABELS, type HistoryParams } from '../lib/history';

export interface HistoryToolbarProps {
  ns: string;
  params: HistoryParams;
  onChange: (patch: Partial<HistoryParams>) => void;
  authorRef: Ref<HTMLInputElement>;
}

function CompareBar({ ns, picked, onClear }: { ns: string; picked: number[]; onClear: () => void }) {
  const href = compareHref(ns, picked);
  const [from, to] = [Math.min(...picked), Math.max(...picked)];
  return (
    <div className="compare-bar" aria-live="polite">
      {picked.length === 0 && <span className="muted">Tick two versions to compare them</span>}
      {picked.length === 1 && <span className="muted">v{picked[0]} picked: tick one more</span>}
      {href && (
        <Link to={href} className="btn btn-primary">
          Compare v{from} → v{to}
        </Link>
      )}
      {picked.length > 0 && (
        <Button variant="ghost" size="sm" onClick={onClear}>
          Clear selection
        </Button>
      )}
    </div>
  );
}

export function HistoryToolbar({ ns, params, onChange, authorRef }: HistoryToolbarProps) {
  return (
    <div className="toolbar history-toolbar">
      <SearchInput
        ref={authorRef}
        shortcut="/"
        aria-label="Filter by author"
        placeholder="Filter by author"
        value={params.author}
        onChange={(e) => onChange({ author: e.target.value })}
        onKeyDown={(e) => e.key === 'Escape' && onChange({ author: '' })}
      />
      <label className="select-field">
        <span className="sr-only">Filter by kind</span>
        <select className="select" value={params.kind ?? ''} onChange={(e) => onChange({ kind: VersionKind.safeParse(e.target.value).data ?? null })}>
          <option value="">All kinds</option>
          {VersionKind.options.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <CompareBar ns={ns} picked={params.compare} onClear={() => onChange({ compare: [] })} />
    </div>
  );
}
