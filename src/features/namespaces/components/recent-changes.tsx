import { Link } from 'react-router';
import type { AuditEvent } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_TONES } from '../../../lib/audit-actions';

function versions(e: AuditEvent): string | null {
  if (e.fromVersion === null && e.toVersion === null) return null;
  if (e.fromVersion === null || e.fromVersion === e.toVersion) return `v${e.toVersion ?? e.fromVersion}`;
  return `v${e.fromVersion} → v${e.toVersion}`;
}

/** Link to the diff of a change that moved the active version. */
function diffHref(e: AuditEvent): string | null {
  if (e.namespace === null || e.fromVersion === null || e.toVersion === null || e.fromVersion === e.toVersion) return null;
  return `/namespaces/${encodeURIComponent(e.namespace)}/diff?from=${e.fromVersion}&to=${e.toVersion}`;
}

export function RecentChanges({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <p className="muted panel-empty">No changes recorded yet.</p>;
  return (
    <ol className="timeline">
      {events.slice(0, 6).map((e) => {
        const href = diffHref(e);
        return (
          <li key={e.id} className="timeline-item">
            <div className="timeline-head">
              <Badge tone={AUDIT_ACTION_TONES[e.action]}>{AUDIT_ACTION_LABELS[e.action]}</Badge>
              {versions(e) &&
                (href ? (
                  <Link to={href} className="version small" aria-label={`Diff ${versions(e) ?? ''}`}>
                    {versions(e)}
                  </Link>
                ) : (
                  <span className="version small">{versions(e)}</span>
                ))}
              <RelativeTime iso={e.at} />
            </div>
            <p className="timeline-actor">{e.actor}</p>
            {e.reason && <p className="timeline-reason">{e.reason}</p>}
          </li>
        );
      })}
    </ol>
  );
}
