import type { NamespaceSummary } from '@contract/schemas';
import { Link } from 'react-router';
import { failureRateText } from '../lib/overview';
import { KillSwitchBadge } from './kill-switch-badge';
import { LastChange } from './last-change';
import { VersionCell } from './version-cell';

export function NamespaceRow({ namespace: n }: { namespace: NamespaceSummary }) {
  return (
    <tr className={n.killSwitch.enabled ? 'row-killed' : undefined} data-killed={n.killSwitch.enabled || undefined}>
      <th scope="row" className="cell-name">
        <Link to={`/namespaces/${encodeURIComponent(n.name)}`} className="row-link">
          {n.name}
        </Link>
        {n.description && (
          <span className="cell-sub" title={n.description}>
            {n.description}
          </span>
        )}
      </th>
      <td className="num">
        <VersionCell namespace={n} />
      </td>
      <td className="num">{n.flagCount}</td>
      <td>
        <KillSwitchBadge killSwitch={n.killSwitch} />
      </td>
      <td className="cell-last-change">
        <LastChange event={n.lastChange} />
      </td>
      <td className={`num${n.rollbacks7d > 0 ? ' text-warning' : ' muted'}`}>{n.rollbacks7d}</td>
      <td className={`num${(n.changeFailureRate7d ?? 0) > 0 ? ' text-warning' : ' muted'}`}>
        <Link
          to="/insights?range=7d"
          className="rate-link"
          title={`${n.changes7d ?? 0} ${n.changes7d === 1 ? 'change' : 'changes'} in the last 7 days; the share rolled back or killed within 24 h. Open the insights.`}
        >
          {failureRateText(n)}
        </Link>
      </td>
    </tr>
  );
}
