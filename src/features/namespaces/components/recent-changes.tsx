import type { AuditEvent } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_TONES } from '../../../lib/audit-actions';

function versions(e: AuditEvent): string | null {
  if (e.fromVersion === null && e.toVersion === null) return null;
  if (e.fromVersion === null || e.fromVersion === e.toVersion) return `v${e.toVersion ?? e.fromVersion}`;
  return `v${e.fromVersion} → v${e.toVersion}`;
}

export function RecentChanges({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <p className="muted panel-empty">No changes recorded yet.</p>;
  return (
    <ol className="timeline">
      {events.slice(0, 6).map((e) => (
        <li key={e.id} className="timeline-item">
          <div className="timeline-head">
            <Badge tone={AUDIT_ACTION_TONES[e.action]}>{AUDIT_ACTION_LABELS[e.action]}</Badge>
            {versions(e) && <span className="version small">{versions(e)}</span>}
            <RelativeTime iso={e.at} />
          </div>
          <p className="timeline-actor">{e.actor}</p>
          {e.reason && <p className="timeline-reason">{e.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
