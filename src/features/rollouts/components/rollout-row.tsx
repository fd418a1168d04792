import type { RolloutSummary } from '@contract/rollouts';
import { Link } from 'react-router';
import { rowAlert } from '../lib/rollout-list';
import { GuardEventCell } from './guard-event-cell';
import { ListVerdictCell } from './list-verdict-cell';
import { RolloutStatusBadges } from './rollout-status-badges';
import { StagePips } from './stage-pips';

const value = (v: boolean | string) => (typeof v === 'boolean' ? String(v) : v);

/** The bound namespace's last 7 days: rollbacks and the share of its changes that failed. */
function NamespaceRecent({ recent }: { recent: NonNullable<RolloutSummary['namespaceRecent']> }) {
  const rate = recent.changeFailureRate7d;
  const failed = rate === null ? 'no changes' : `${Math.round(rate * 100)}% of ${recent.changes7d} changes failed`;
  return (
    <span className={`cell-sub${recent.rollbacks7d > 0 ? ' text-warning' : ''}`} title="In the namespace over the last 7 days (see Insights)">
      7 d: {recent.rollbacks7d} {recent.rollbacks7d === 1 ? 'rollback' : 'rollbacks'} · {failed}
    </span>
  );
}

export function RolloutRow({ rollout: r }: { rollout: RolloutSummary }) {
  const alert = rowAlert(r);
  return (
    <tr className={alert ? `row-alert row-alert-${alert}` : undefined} data-alert={alert ?? undefined}>
      <th scope="row" className="cell-name">
        <Link to={`/rollouts/${encodeURIComponent(r.id)}`} className="row-link">
          {r.id}
        </Link>
        {r.description && (
          <span className="cell-sub" title={r.description}>
            {r.description}
          </span>
        )}
      </th>
      <td>
        <div className="cell-stack">
          <Link to={`/namespaces/${encodeURIComponent(r.namespace)}`} className="cell-link">
            {r.namespace}
          </Link>
          <span className="cell-sub mono" title={r.flagKey}>
            {r.flagName}: {value(r.v1Value)} → {value(r.v2Value)}
          </span>
          {r.namespaceRecent && <NamespaceRecent recent={r.namespaceRecent} />}
        </div>
      </td>
      <td>
        <RolloutStatusBadges rollout={r} />
      </td>
      <td>
        <StagePips rollout={r} />
      </td>
      <td>
        <ListVerdictCell rollout={r} />
      </td>
      <td className="cell-guard">
        <GuardEventCell event={r.lastGuardEvent} />
      </td>
    </tr>
  );
}
