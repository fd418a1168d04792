import { Link } from 'react-router';
import type { InsightsSummary, NamespaceInsight } from '@contract/insights';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { formatDuration, formatRate } from '../lib/format';
import type { Drill } from '../lib/insight-params';
import { trendOf } from '../lib/trend';
import { DrillLink } from './drill-link';
import { InfoTip } from './info-tip';
import { TrendBadge } from './trend-badge';

const LEVEL: Record<NamespaceInsight['risk']['level'], { tone: BadgeTone; text: string }> = {
  none: { tone: 'neutral', text: 'None' },
  low: { tone: 'neutral', text: 'Low' },
  medium: { tone: 'warning', text: 'Medium' },
  high: { tone: 'danger', text: 'High' },
};

function Row({ n, range, period }: { n: NamespaceInsight; range: Omit<Drill, 'metric' | 'namespace'>; period: string }) {
  const c = n.current;
  const at = (metric: Drill['metric']): Drill => ({ ...range, metric, namespace: n.namespace });
  const ns = n.namespace;
  return (
    <tr>
      <th scope="row">
        <Link to={`/namespaces/${encodeURIComponent(ns)}`} className="row-link">
          {ns}
        </Link>
      </th>
      <td>
        <Badge tone={LEVEL[n.risk.level].tone}>{LEVEL[n.risk.level].text}</Badge> <span className="risk-score num">{n.risk.score}</span>
      </td>
      <td className="num">
        <DrillLink drill={at('changes')} label={`${c.changes} changes in ${ns}: show them`}>{c.changes}</DrillLink>
      </td>
      <td className="num">
        <DrillLink drill={at('failures')} label={`${c.failures} failed changes in ${ns}: show them`}>{c.failures}</DrillLink>
      </td>
      <td className="num">
        <DrillLink drill={at('failures')} label={`Change failure rate of ${ns}, ${formatRate(c.changeFailureRate)}: show the failed changes`}>
          {formatRate(c.changeFailureRate)}
        </DrillLink>
        <TrendBadge trend={trendOf(c.changeFailureRate, n.previous.changeFailureRate, 'rate')} period={period} quiet />
      </td>
      <td className="num">
        <DrillLink drill={at('rollbacks_manual')} label={`${c.manualRollbacks} manual rollbacks in ${ns}: show them`}>{c.manualRollbacks}</DrillLink>
        <span className="muted"> / </span>
        <DrillLink drill={at('rollbacks_automatic')} label={`${c.automaticRollbacks} automatic rollbacks in ${ns}: show them`} className={c.automaticRollbacks > 0 ? 'text-danger' : ''}>
          {c.automaticRollbacks}
        </DrillLink>
      </td>
      <td className="num">
        <DrillLink drill={at('recoveries')} label={`Mean time to safe rollback in ${ns} over ${c.recoveries} recoveries: show them`}>
          {formatDuration(c.timeToSafeRollbackMeanMs)}
        </DrillLink>
        <span className="cell-sub">p90 {formatDuration(c.timeToSafeRollbackP90Ms)}</span>
        <TrendBadge trend={trendOf(c.timeToSafeRollbackMeanMs, n.previous.timeToSafeRollbackMeanMs, 'duration')} period={period} quiet />
      </td>
      <td className="num">
        <DrillLink drill={at('kill_switch')} label={`${c.killSwitchEpisodes} kill-switch episodes in ${ns}: show them`}>{c.killSwitchEpisodes}</DrillLink>
      </td>
    </tr>
  );
}

/** Namespaces, riskiest first; every number opens the events behind it. */
export function RiskTable({ summary: s, period }: { summary: InsightsSummary; period: string }) {
  const range = { from: s.from, to: s.to, trigger: null };
  return (
    <div className="table-wrap">
      <table className="data-table risk-table">
        <caption className="sr-only">Namespaces by risk, riskiest first</caption>
        <thead>
          <tr>
            <th scope="col">Namespace</th>
            <th scope="col">
              Risk{' '}
              <InfoTip label="How risk is computed" align="start">
                Risk = failed changes (change failure rate × changes) + 2 for each automatic rollback in the last 7 days + 1 for each kill-switch
                episode. Ties go to the higher change failure rate, then to more changes.
              </InfoTip>
            </th>
            <th scope="col" className="align-end">Changes</th>
            <th scope="col" className="align-end">Failed</th>
            <th scope="col" className="align-end">
              Failure rate{' '}
              <InfoTip label="What counts as a failed change">
                A load, patch, restore or promotion is failed when, within {formatDuration(s.failureWindowMs)} after it, a rollback discards its
                version, its rollout is rolled back, or the kill switch goes on while it is the latest change. Once per change.
              </InfoTip>
            </th>
            <th scope="col" className="align-end">Rollbacks manual / auto</th>
            <th scope="col" className="align-end">
              Time to safe rollback{' '}
              <InfoTip label="How time to safe rollback is measured">
                From the first detection (a guard breach firing, or a parity mismatch spike: 5 mismatches within 10 minutes) after the change, or from
                the change itself when nothing detected it, to the first rollback or kill switch that made it safe.
              </InfoTip>
            </th>
            <th scope="col" className="align-end">Kill switch</th>
          </tr>
        </thead>
        <tbody>
          {s.namespaces.map((n) => (
            <Row key={n.namespace} n={n} range={range} period={period} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
