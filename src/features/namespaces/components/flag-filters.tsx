import { useId } from 'react';
import { SearchInput } from '../../../components/ui/search-input';
import type { ActiveFilter, FlagFilter } from '../lib/flag-rows';

export interface FlagFiltersProps {
  filter: FlagFilter;
  types: string[];
  onChange: (patch: Partial<FlagFilter>) => void;
  shown: number;
  total: number;
}

export function FlagFilters({ filter, types, onChange, shown, total }: FlagFiltersProps) {
  const typeId = useId();
  const activeId = useId();
  return (
    <div className="toolbar flag-filters">
      <SearchInput aria-label="Filter flags" placeholder="Filter flags by key or default" value={filter.q} onChange={(e) => onChange({ q: e.target.value })} />
      <label htmlFor={typeId} className="sr-only">
        Type
      </label>
      <select id={typeId} className="input input-select" value={filter.type} onChange={(e) => onChange({ type: e.target.value })}>
        <option value="">All types</option>
        {types.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <label htmlFor={activeId} className="sr-only">
        Active
      </label>
      <select id={activeId} className="input input-select" value={filter.active} onChange={(e) => onChange({ active: e.target.value as ActiveFilter })}>
        <option value="all">Active and inactive</option>
        <option value="active">Active only</option>
        <option value="inactive">Inactive only</option>
      </select>
      <span className="toolbar-count" aria-live="polite">
        {shown === total ? `${total} flags` : `${shown} of ${total} flags`}
      </span>
    </div>
  );
}
