import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ROLLOUT_POLL_MS, rolloutQueries } from '../api/rollout-queries';
import { useParityFilters } from '../lib/use-parity-filters';
import { CompareForm } from './compare-form';
import { ParityFiltersBar } from './parity-filters-bar';
import { ParityPatterns } from './parity-patterns';
import { ParityReportList } from './parity-report-list';
import { ParityTotals } from './parity-totals';

/** Parity review (O6-O8): mismatches grouped by pattern, each report's outputs and diff, triage, compare. */
export function ParityPage() {
  const id = useParams().id ?? '';
  useDocumentTitle(`Parity · ${id}`);
  const { filters, update, clear } = useParityFilters();
  const patterns = useQuery({ ...rolloutQueries.parityPatterns(id), refetchInterval: ROLLOUT_POLL_MS });
  return (
    <div className="page parity-page">
      <PageHeader
        title="Parity review"
        description={
          <span>
            V1 and V2 outputs for the same input, compared as multisets, for <Link to={`/rollouts/${encodeURIComponent(id)}`}>{id}</Link>
            {patterns.data && <ParityTotals totals={patterns.data.totals} />}
          </span>
        }
      />
      <CompareForm rolloutId={id} />
      {patterns.isError && !patterns.data ? (
        <ErrorPanel title="Could not load the mismatch patterns" error={patterns.error} onRetry={() => void patterns.refetch()} retrying={patterns.isFetching} />
      ) : (
        <ParityPatterns data={patterns.data} selected={filters.pattern ?? null} onSelect={(pattern) => update({ pattern })} />
      )}
      <section className="parity-reports" aria-labelledby="reports-title">
        <header className="section-head">
          <h2 id="reports-title" className="section-title">
            Reports
          </h2>
          <ParityFiltersBar filters={filters} onChange={update} onClear={clear} />
        </header>
        <ParityReportList rolloutId={id} filters={filters} onClear={clear} />
      </section>
    </div>
  );
}
