import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Skeleton } from '../../../components/ui/skeleton';
import { ROLLOUT_POLL_MS, rolloutQueries } from '../api/rollout-queries';
import { hasFilters, type ParityFilters } from '../lib/parity-filters';
import { ParityReportCard } from './parity-report-card';

/** Reports per page, and the most the API gives at once. */
const PAGE = 50;
const MAX = 500;

export function ParityReportList({ rolloutId, filters, onClear }: { rolloutId: string; filters: ParityFilters; onClear: () => void }) {
  const [limit, setLimit] = useState(PAGE);
  const reports = useQuery({ ...rolloutQueries.parityReports(rolloutId, filters, limit), refetchInterval: ROLLOUT_POLL_MS });
  const page = reports.data;
  if (!page) {
    if (reports.isError) return <ErrorPanel title="Could not load the parity reports" error={reports.error} onRetry={() => void reports.refetch()} retrying={reports.isFetching} />;
    return (
      <div className="card" role="status" aria-busy="true">
        <span className="sr-only">Loading the parity reports…</span>
        <Skeleton width="80%" height={14} />
        <Skeleton width="60%" height={14} />
      </div>
    );
  }
  if (page.items.length === 0) {
    return (
      <EmptyState title={hasFilters(filters) ? 'No report matches these filters' : 'No parity reports yet'} action={hasFilters(filters) ? <Button onClick={onClear}>Clear filters</Button> : undefined}>
        <p>Reporters send V1 and V2 outputs per subject to the ingest API; the server compares them and keeps the differing outputs.</p>
      </EmptyState>
    );
  }
  return (
    <div className="report-list">
      <p className="toolbar-count" aria-live="polite">
        {page.items.length < page.total ? `Newest ${page.items.length} of ${page.total}` : `${page.total} report${page.total === 1 ? '' : 's'}`}
      </p>
      <ul className="report-cards">
        {page.items.map((r) => (
          <ParityReportCard key={r.id} report={r} />
        ))}
      </ul>
      {page.items.length < page.total && limit < MAX && (
        <div>
          <Button onClick={() => setLimit((l) => Math.min(MAX, l + PAGE))} disabled={reports.isFetching}>
            {reports.isFetching ? 'Loading…' : `Show ${Math.min(PAGE, page.total - page.items.length)} older`}
          </Button>
        </div>
      )}
    </div>
  );
}
