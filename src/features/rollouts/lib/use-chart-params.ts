import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseChartParams, writeChartParams, type ChartParams } from './chart-params';

/** Range, percentile and table view live in the URL, so a view of the charts can be shared. */
export function useChartParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseChartParams(search), [search]);
  const update = useCallback(
    (patch: Partial<ChartParams>) => setSearch((prev) => writeChartParams(prev, { ...parseChartParams(prev), ...patch }), { replace: true }),
    [setSearch],
  );
  return { params, update };
}
