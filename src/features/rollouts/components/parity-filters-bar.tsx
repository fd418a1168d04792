import { PARITY_STATUSES } from '@core/rollout/model';
import { hasFilters, statusFilter, triageFilter, TRIAGE_FILTERS, type ParityFilters } from '../lib/parity-filters';

const STATUS_WORDS = { match: 'Match', mismatch: 'Mismatch', legacy_unavailable: 'V1 unavailable' } as const;
const TRIAGE_WORDS = { untriaged: 'Untriaged', expected: 'Expected', bug: 'Bug', ignored: 'Ignored' } as const;

export function ParityFiltersBar({ filters, onChange, onClear }: { filters: ParityFilters; onChange: (patch: Partial<ParityFilters>) => void; onClear: () => void }) {
  return (
    <div className="filters-bar">
      <label>
        <span className="filter-label">Status</span>
        <select className="input input-sm" value={filters.status ?? ''} onChange={(e) => onChange({ status: statusFilter(e.target.value) })}>
          <option value="">Any</option>
          {PARITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORDS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="filter-label">Triage</span>
        <select className="input input-sm" value={filters.triage ?? ''} onChange={(e) => onChange({ triage: triageFilter(e.target.value) })}>
          <option value="">Any</option>
          {TRIAGE_FILTERS.map((t) => (
            <option key={t} value={t}>
              {TRIAGE_WORDS[t]}
            </option>
          ))}
        </select>
      </label>
      {filters.pattern && (
        <span className="filter-chip">
          Pattern: <code>{filters.pattern.length > 60 ? `${filters.pattern.slice(0, 57)}…` : filters.pattern}</code>
          <button type="button" className="chip-remove" aria-label="Remove the pattern filter" onClick={() => onChange({ pattern: undefined })}>
            ×
          </button>
        </span>
      )}
      {hasFilters(filters) && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
