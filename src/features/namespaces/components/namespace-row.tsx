import type { NamespaceSummary } from '@contract/schemas';
import { Link } from 'react-router';
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
    </tr>
  );
}
