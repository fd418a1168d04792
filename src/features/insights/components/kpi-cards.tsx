import type { InsightsSummary } from '@contract/insights';
import { formatDuration, formatRate } from '../lib/format';
import { trendOf } from '../lib/trend';
import { DrillLink } from './drill-link';
import { TrendBadge } from './trend-badge';

/** The four numbers a reviewer reads first, over every namespace, each against the previous period. */
export function KpiCards({ summary: s, period }: { summary: InsightsSummary; period: string }) {
  const cur = s.totals.current;
  const prev = s.totals.previous;
  const range = { namespace: null, from: s.from, to: s.to, trigger: null };
  return (
    <section className="kpi-grid" aria-label="All namespaces">
      <article className="kpi">
        <h2 className="kpi-title">Change failure rate</h2>
        <DrillLink drill={{ ...range, metric: 'failures' }} label={`${cur.failures} of ${cur.changes} changes failed: show them`} className="kpi-value">
          {formatRate(cur.changeFailureRate)}
        </DrillLink>
        <p className="kpi-detail">
          {cur.failures} of {cur.changes} changes rolled back or killed within {formatDuration(s.failureWindowMs)}
        </p>
        <TrendBadge trend={trendOf(cur.changeFailureRate, prev.changeFailureRate, 'rate')} period={period} />
      </article>
      <article className="kpi">
        <h2 className="kpi-title">Time to safe rollback</h2>
        <DrillLink drill={{ ...range, metric: 'recoveries' }} label={`Mean time to safe rollback over ${cur.recoveries} recoveries: show them`} className="kpi-value">
          {formatDuration(cur.timeToSafeRollbackMeanMs)}
        </DrillLink>
        <p className="kpi-detail">
          mean of {cur.recoveries} {cur.recoveries === 1 ? 'recovery' : 'recoveries'} · p90 {formatDuration(cur.timeToSafeRollbackP90Ms)}
        </p>
        <TrendBadge trend={trendOf(cur.timeToSafeRollbackMeanMs, prev.timeToSafeRollbackMeanMs, 'duration')} period={period} />
      </article>
      <article className="kpi">
        <h2 className="kpi-title">Rollbacks</h2>
        <DrillLink drill={{ ...range, metric: 'rollbacks' }} label={`${cur.rollbacks} rollbacks: show them`} className="kpi-value">
          {cur.rollbacks}
        </DrillLink>
        <p className="kpi-detail">
          <DrillLink drill={{ ...range, metric: 'rollbacks_manual' }} label={`${cur.manualRollbacks} manual rollbacks: show them`}>
            {cur.manualRollbacks} manual
          </DrillLink>{' '}
          ·{' '}
          <DrillLink drill={{ ...range, metric: 'rollbacks_automatic' }} label={`${cur.automaticRollbacks} automatic rollbacks: show them`}>
            {cur.automaticRollbacks} automatic
          </DrillLink>
        </p>
        <TrendBadge trend={trendOf(cur.rollbacks, prev.rollbacks, 'count')} period={period} />
      </article>
      <article className="kpi">
        <h2 className="kpi-title">Changes</h2>
        <DrillLink drill={{ ...range, metric: 'changes' }} label={`${cur.changes} changes: show them`} className="kpi-value">
          {cur.changes}
        </DrillLink>
        <p className="kpi-detail">
          {cur.loads} loads · {cur.patches} patches · {cur.restores} restores · {cur.promotions} promotions
        </p>
        <p className="trend trend-none">{prev.changes} in the previous {period}</p>
      </article>
    </section>
  );
}
