import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseParityFilters, writeParityFilters, type ParityFilters } from './parity-filters';

/** Status, triage, pattern and subject filters live in the URL: a triage queue is a link. */
export function useParityFilters() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => parseParityFilters(search), [search]);
  const update = useCallback((patch: Partial<ParityFilters>) => setSearch((prev) => writeParityFilters(prev, { ...parseParityFilters(prev), ...patch }), { replace: true }), [setSearch]);
  const clear = useCallback(() => setSearch((prev) => writeParityFilters(prev, {}), { replace: true }), [setSearch]);
  return { filters, update, clear };
}
