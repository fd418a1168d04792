import { Suspense, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { BucketSize } from '@contract/insights';
import { preloadable } from '../../../lib/preloadable';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { insightQueries } from '../api/insight-queries';
import { BUCKETS, withDrill, withParam, type InsightParams } from '../lib/insight-params';
import { toRollbackCharts } from '../lib/to-rollback-chart';
import { DrillLink } from './drill-link';
import { TriggerSelect } from './trigger-select';

const RollbackChart = preloadable(async () => (await import('./rollback-chart')).default);
void RollbackChart.preload().catch(() => undefined);

/** Rollback frequency per namespace over time (I1): stacked manual/automatic, filtered by trigger. */
export function RollbackSection({ params, bucket }: { params: InsightParams; bucket: BucketSize }) {
  const [search, setSearch] = useSearchParams();
  const series = useQuery(insightQueries.rollbacks(params.range, bucket, params.trigger, params.tz));
  const charts = useMemo(() => (series.data ? toRollbackCharts(series.data) : null), [series.data]);
  const s = series.data;
  return (
    <section className="ins-section" aria-labelledby="rollbacks-title" aria-busy={series.isFetching}>
      <header className="section-head">
        <h2 id="rollbacks-title" className="section-title">
          Rollback frequency
        </h2>
        <span className="section-note">per {bucket} · times in {params.tz}</span>
        <div className="section-actions ins-controls">
          <ul className="chart-legend" aria-label="Legend">
            <li>
              <span className="legend-swatch swatch-manual" aria-hidden="true" /> Manual
            </li>
            <li>
              <span className="legend-swatch swatch-automatic" aria-hidden="true" /> Automatic (guards)
            </li>
          </ul>
          <TriggerSelect value={params.trigger} triggers={s?.triggers ?? []} onChange={(t) => setSearch(withParam(withDrill(search, null), 'trigger', t))} />
          <div className="segmented segmented-text" role="group" aria-label="Bucket">
            {BUCKETS.map((b) => (
              <button key={b} type="button" className="segmented-item" aria-pressed={b === bucket} onClick={() => setSearch(withParam(search, 'bucket', b))}>
                {b}
              </button>
            ))}
          </div>
        </div>
      </header>
      {series.isError && !s ? (
        <ErrorPanel title="Could not load the rollbacks" error={series.error} onRetry={() => void series.refetch()} retrying={series.isFetching} />
      ) : !charts || !s ? (
        <div className="ins-charts" role="status" aria-busy="true">
          <span className="sr-only">Loading the rollbacks…</span>
          {Array.from({ length: 3 }, (_, i) => (
            <div key={i} className="chart-card">
              <div className="chart-placeholder skeleton" />
            </div>
          ))}
        </div>
      ) : (
        <div className="ins-charts">
          {charts.charts.map((c) => (
            <article key={c.namespace} className="chart-card ins-chart" aria-label={`Rollbacks of ${c.namespace}`}>
              <div className="chart-card-head">
                <h3 className="chart-card-title">{c.namespace}</h3>
                <span className="chart-card-controls ins-chart-totals">
                  <DrillLink drill={{ metric: 'rollbacks_manual', namespace: c.namespace, from: s.from, to: s.to, trigger: params.trigger }} label={`${c.manual} manual rollbacks of ${c.namespace}: show them`}>
                    {c.manual} manual
                  </DrillLink>
                  {' · '}
                  <DrillLink drill={{ metric: 'rollbacks_automatic', namespace: c.namespace, from: s.from, to: s.to, trigger: params.trigger }} label={`${c.automatic} automatic rollbacks of ${c.namespace}: show them`}>
                    {c.automatic} automatic
                  </DrillLink>
                </span>
              </div>
              <Suspense fallback={<div className="chart-placeholder skeleton" />}>
                <RollbackChart
                  rows={c.rows}
                  max={charts.max}
                  onBucket={(row) => setSearch(withDrill(search, { metric: 'rollbacks', namespace: c.namespace, from: row.start, to: row.end, trigger: params.trigger }), { preventScrollReset: true })}
                />
              </Suspense>
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
