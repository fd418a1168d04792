import { Suspense, useMemo, useState } from 'react';
import { preloadable } from '../../../lib/preloadable';
import { useQuery } from '@tanstack/react-query';
import type { RolloutDetail } from '@contract/rollouts';
import type { DecisionAction } from '@core/rollout/model';
import { formatNumber } from '@core/rollout/format';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { GatedButton } from '../../../components/ui/gated-button';
import { ROLLOUT_POLL_MS, rolloutQueries } from '../api/rollout-queries';
import { useRolloutGate } from '../lib/action-gate';
import { formatInstant } from '../lib/time-range';
import type { ChartMarkers } from '../lib/to-chart-markers';
import { DECISION_LABELS, summarizeCounters, toDecisionSeries, toReasonSeries } from '../lib/to-counter-series';
import { useChartParams } from '../lib/use-chart-params';
import { CounterCard } from './counter-card';
import { CountersResetDialog } from './counters-reset-dialog';

const CounterChart = preloadable(async () => (await import('./counter-chart')).default);
void CounterChart.preload().catch(() => undefined);

const DECISION_COLOURS: Record<DecisionAction, string> = { enqueue_runtime: 'var(--chart-v2)', parity_only: 'var(--chart-load)', drop: 'var(--chart-warning)' };
const REASON_PALETTE = ['var(--chart-v2)', 'var(--chart-warning)', 'var(--chart-load)', 'var(--chart-promote)', 'var(--chart-v1)', 'var(--chart-critical)'];
const decisionLabel = (k: string) => DECISION_LABELS[k as DecisionAction] ?? k;
const reasonLabel = (k: string) => k.replaceAll('_', ' ');

/** Decision and reason counters over time (O5): rates from successive cumulative reports, resets marked. */
export function CountersPanel({ rollout }: { rollout: RolloutDetail }) {
  const { params } = useChartParams();
  const counters = useQuery({ ...rolloutQueries.counters(rollout.id, params.range), refetchInterval: ROLLOUT_POLL_MS });
  const { blocked } = useRolloutGate();
  const [resetting, setResetting] = useState(false);
  const c = counters.data;
  const model = useMemo(() => {
    if (!c) return null;
    const decisions = toDecisionSeries(c.points);
    const reasons = toReasonSeries(c.points);
    const reasonColours = Object.fromEntries(reasons.keys.map((k, i) => [k, REASON_PALETTE[i % REASON_PALETTE.length] ?? 'var(--chart-v1)']));
    const resets: ChartMarkers = {
      dots: [],
      lines: c.resets.map((r) => {
        const detail = r.kind === 'manual' ? `Counters reset by ${r.actor ?? 'someone'}: ${r.reason ?? ''} · ${formatInstant(r.at)}` : `The reporter restarted its counters · ${formatInstant(r.at)}`;
        return { key: `${r.kind}-${r.at}`, x: r.at, kind: 'pause', label: r.kind === 'manual' ? 'Reset' : 'Reporter reset', events: [{ id: `${r.at}`, at: r.at, kind: 'pause', label: 'Reset', detail }], lane: 0 };
      }),
    };
    return { decisions, reasons, reasonColours, resets };
  }, [c]);
  const chart = (props: Omit<Parameters<typeof CounterChart>[0], 'width'>) => (width: number) => (
    <Suspense fallback={<div className="chart-placeholder skeleton" />}>
      <CounterChart {...props} width={width} />
    </Suspense>
  );

  return (
    <section className="counters" aria-labelledby="counters-title">
      <header className="section-head">
        <h2 id="counters-title" className="section-title">
          Decisions and reasons
        </h2>
        {c?.latest && (
          <span className="section-note">
            Since {rollout.countersResetAt ? 'the counter reset' : 'the reporter started'}: {formatNumber(c.latest.decisionCounts.enqueue_runtime + c.latest.decisionCounts.parity_only)} runtime decisions,{' '}
            {formatNumber(c.latest.decisionCounts.drop)} dropped, {formatNumber(c.latest.parityReportCount)} parity reports
          </span>
        )}
        <div className="section-actions">
          <GatedButton blockedReason={blocked('countersReset')} onClick={() => setResetting(true)}>
            Reset counters
          </GatedButton>
        </div>
      </header>
      {model && c ? (
        <div className="chart-grid">
          <CounterCard title="Decisions per minute" summary={summarizeCounters(model.decisions, decisionLabel)} series={model.decisions} label={decisionLabel} colours={DECISION_COLOURS} asTable={params.asTable}>
            {chart({ series: model.decisions, colours: DECISION_COLOURS, label: decisionLabel, resets: model.resets, from: c.from, to: c.to })}
          </CounterCard>
          <CounterCard title="Reasons per minute" summary={summarizeCounters(model.reasons, reasonLabel)} series={model.reasons} label={reasonLabel} colours={model.reasonColours} asTable={params.asTable}>
            {chart({ series: model.reasons, colours: model.reasonColours, label: reasonLabel, resets: model.resets, from: c.from, to: c.to })}
          </CounterCard>
        </div>
      ) : counters.isError ? (
        <ErrorPanel title="Could not load the counters" error={counters.error} onRetry={() => void counters.refetch()} retrying={counters.isFetching} />
      ) : (
        <div className="chart-placeholder skeleton" role="status" aria-label="Loading the counters" />
      )}
      {resetting && <CountersResetDialog rollout={rollout} onClose={() => setResetting(false)} />}
    </section>
  );
}
