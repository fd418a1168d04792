import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { GuardRule } from '@core/rollout/guards';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ROLLOUT_POLL_MS, rolloutQueries } from '../api/rollout-queries';
import { toChartCards } from '../lib/to-chart-cards';
import { RANGE_LABELS } from '../lib/time-range';
import { useChartParams } from '../lib/use-chart-params';
import { ChartsToolbar } from './charts-toolbar';
import { MetricCard } from './metric-card';
import { PercentilePicker } from './percentile-picker';

/** V1 vs V2 over the chosen range (O9): one card per metric, hover synchronised across them. */
export function RolloutCharts({ rolloutId, rules }: { rolloutId: string; rules: readonly GuardRule[] }) {
  const { params, update } = useChartParams();
  const metrics = useQuery({ ...rolloutQueries.metrics(rolloutId, params.range), refetchInterval: ROLLOUT_POLL_MS });
  const cards = useMemo(() => (metrics.data ? toChartCards(metrics.data, rules, params.pct) : null), [metrics.data, rules, params.pct]);
  const m = metrics.data;
  return (
    <section className="rollout-charts" aria-labelledby="charts-title" aria-busy={metrics.isFetching && metrics.isPlaceholderData}>
      <header className="section-head">
        <h2 id="charts-title" className="section-title">
          V1 vs V2
        </h2>
        <span className="section-note">{RANGE_LABELS[params.range.key]}{m ? ` · ${Math.round(m.bucketMs / 60_000)}-minute buckets` : ''}</span>
        <ChartsToolbar params={params} onChange={update} />
      </header>
      {cards && m ? (
        <div className="chart-grid" data-testid="rollout-charts">
          {cards.map((c, i) => (
            <MetricCard
              key={c.key}
              title={c.title}
              series={c.series}
              markers={c.markers}
              verdict={c.verdict}
              from={m.from}
              to={m.to}
              bucketMs={m.bucketMs}
              asTable={params.asTable}
              markerLabels={i === 0}
              controls={c.key.startsWith('latency_') ? <PercentilePicker value={params.pct} onChange={(pct) => update({ pct })} /> : undefined}
            />
          ))}
        </div>
      ) : metrics.isError ? (
        <ErrorPanel title="Could not load the metrics" error={metrics.error} onRetry={() => void metrics.refetch()} retrying={metrics.isFetching} />
      ) : (
        <div className="chart-grid" role="status" aria-busy="true">
          <span className="sr-only">Loading the metrics…</span>
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="chart-card">
              <div className="chart-placeholder skeleton" />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
