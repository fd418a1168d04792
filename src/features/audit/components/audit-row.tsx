import { Link } from 'react-router';
import type { AuditEvent } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_TONES } from '../../../lib/audit-actions';
import { absoluteTime } from '../../../lib/format-time';
import { entryLink } from '../lib/audit-filters';

export function AuditRow({ event: e, onActor }: { event: AuditEvent; onActor: (actor: string) => void }) {
  const link = entryLink(e);
  return (
    <tr>
      <td className="audit-time">
        <RelativeTime iso={e.at} />
        <span className="cell-sub mono">{absoluteTime(e.at).replace(/ UTC.*$/, '')}</span>
      </td>
      <td>
        {e.namespace ? (
          <Link to={`/namespaces/${encodeURIComponent(e.namespace)}`} className="row-link">{e.namespace}</Link>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="audit-actor">
        <button type="button" className="link-button" onClick={() => onActor(e.actor)} title={`Show only changes by ${e.actor}`}>
          {e.actor}
        </button>
      </td>
      <td>
        <Badge tone={AUDIT_ACTION_TONES[e.action]}>{AUDIT_ACTION_LABELS[e.action]}</Badge>
      </td>
      <td className="audit-reason" title={e.reason}>{e.reason || <span className="muted">No reason given</span>}</td>
      <td className="audit-versions">
        {link ? (
          <Link to={link.href} aria-label={link.title} className="version">{link.label}</Link>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
