import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseHistoryParams, toggleCompare, toHistorySearch, type HistoryParams } from './history';

/** Filters and the versions picked to compare live in the URL, so the view can be shared as a link. */
export function useHistoryParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseHistoryParams(search), [search]);
  const update = useCallback(
    (patch: Partial<HistoryParams>) =>
      setSearch((prev) => toHistorySearch({ ...parseHistoryParams(prev), ...patch }), { replace: true }),
    [setSearch],
  );
  const toggle = useCallback(
    (version: number) => setSearch((prev) => {
      const current = parseHistoryParams(prev);
      return toHistorySearch({ ...current, compare: toggleCompare(current.compare, version) });
    }, { replace: true }),
    [setSearch],
  );
  return { params, update, toggle };
}
