import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { insightQueries } from '../api/insight-queries';
import { effectiveBucket, INSIGHT_PRESETS, parseInsightParams, rangeLabel, withDrill, withRange } from '../lib/insight-params';
import { EventsDrawer } from './events-drawer';
import { KpiCards } from './kpi-cards';
import { RiskTable } from './risk-table';
import { RollbackSection } from './rollback-section';

/** Insights (I1-I2): change failure rate, time to safe rollback and rollback frequency per namespace. */
export function InsightsPage() {
  useDocumentTitle('Insights');
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseInsightParams(search), [search]);
  const summary = useQuery(insightQueries.summary(params.range, params.tz));
  const s = summary.data;
  const period = s ? rangeLabel(params.range, s.from, s.to).replace(/^last /, '') : 'period';
  const bucket = effectiveBucket(params, s ? s.to - s.from : 14 * 86_400_000);

  const rangeButtons = (
    <div className="segmented segmented-text" role="group" aria-label="Time range">
      {INSIGHT_PRESETS.map((p) => (
        <button key={p} type="button" className="segmented-item" aria-pressed={params.range.key === p} onClick={() => setSearch(withRange(search, { key: p }))}>
          {p}
        </button>
      ))}
    </div>
  );

  return (
    <div className="page insights-page">
      <PageHeader
        title="Insights"
        description={`How often changes fail and how fast they are made safe, per namespace, ${s ? rangeLabel(params.range, s.from, s.to) : 'over the range'} against the ${period} before. Every number opens the events behind it.`}
        actions={rangeButtons}
      />
      {s ? (
        s.namespaces.length === 0 ? (
          <EmptyState title="No namespaces yet">
            <p>Insights are computed from the audit log: create a namespace and change it to see them here.</p>
          </EmptyState>
        ) : (
          <>
            <KpiCards summary={s} period={period} />
            <section className="ins-section" aria-labelledby="risk-title">
              <header className="section-head">
                <h2 id="risk-title" className="section-title">
                  Namespaces by risk
                </h2>
                <span className="section-note">riskiest first · trends against the previous {period}</span>
              </header>
              <RiskTable summary={s} period={period} />
            </section>
            <RollbackSection params={params} bucket={bucket} />
          </>
        )
      ) : summary.isError ? (
        <ErrorPanel title="Could not load the insights" error={summary.error} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />
      ) : (
        <Spinner label="Computing insights from the audit log…" />
      )}
      {params.drill && <EventsDrawer drill={params.drill} onClose={() => setSearch(withDrill(search, null), { preventScrollReset: true })} />}
    </div>
  );
}
