import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ROLLOUT_POLL_MS, rolloutQueries } from '../api/rollout-queries';
import { nextSort, parseListParams, rowAlert, sortRollouts, writeListParams, type SortKey } from '../lib/rollout-list';
import { RolloutsTable } from './rollouts-table';

function Summary({ total, alerts }: { total: number; alerts: number }) {
  return (
    <span className="summary-line">
      <span>
        {total} rollout{total === 1 ? '' : 's'}
      </span>
      {alerts > 0 && <span className="text-danger">{alerts} need attention</span>}
    </span>
  );
}

export function RolloutsPage() {
  useDocumentTitle('Rollouts');
  const list = useQuery({ ...rolloutQueries.list(), refetchInterval: ROLLOUT_POLL_MS });
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseListParams(search), [search]);
  const sortBy = useCallback((key: SortKey) => setSearch(writeListParams(nextSort(params, key)), { replace: true }), [params, setSearch]);
  const rows = useMemo(() => (list.data ? sortRollouts(list.data, params) : []), [list.data, params]);
  const alerts = rows.filter((r) => rowAlert(r) === 'danger').length;

  const body = (() => {
    if (list.data) {
      if (list.data.length === 0) {
        return (
          <EmptyState title="No rollouts yet">
            <p>
              A rollout binds a BOOLEAN or ENUM flag of a namespace to a V1 and a V2 value and moves V2 from shadow to 100%. Create one through the API
              (<code>POST /api/v1/rollouts</code>); reporters then push metric windows, counters and parity reports to it.
            </p>
          </EmptyState>
        );
      }
      return <RolloutsTable rows={rows} params={params} onSort={sortBy} />;
    }
    if (list.isError) return <ErrorPanel title="Could not load the rollouts" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
    return (
      <div className="table-wrap rollouts-skeleton" role="status" aria-busy="true">
        <span className="sr-only">Loading rollouts…</span>
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="skeleton-row">
            <Skeleton width="22%" height={12} />
            <Skeleton width="16%" height={12} />
            <Skeleton width="18%" height={12} />
            <Skeleton width="30%" height={12} />
          </div>
        ))}
      </div>
    );
  })();

  return (
    <div className="page">
      <PageHeader title="Rollouts" description={list.data?.length ? <Summary total={list.data.length} alerts={alerts} /> : 'V2 replacing V1, step by step, with guards that roll back by themselves.'} />
      {body}
    </div>
  );
}
