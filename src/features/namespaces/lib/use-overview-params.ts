import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { nextSort, parseOverviewParams, toSearchParams, type OverviewParams, type SortKey } from './overview';

/** Search and sort live in the URL, so a filtered, sorted view can be shared as a link. */
export function useOverviewParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseOverviewParams(search), [search]);

  const update = useCallback(
    (patch: Partial<OverviewParams>) =>
      // Typing replaces the history entry; Back leaves the page instead of undoing keystrokes.
      setSearch((prev) => toSearchParams({ ...parseOverviewParams(prev), ...patch }), { replace: true }),
    [setSearch],
  );

  const setQuery = useCallback((q: string) => update({ q }), [update]);
  const sortBy = useCallback((key: SortKey) => update(nextSort(params, key)), [update, params]);
  return { params, setQuery, sortBy };
}
