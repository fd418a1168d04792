import type { AuditEvent } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_TONES } from '../../../lib/audit-actions';

/** Who did what, when, and why (the reason is cut to one line; the whole of it is in the tooltip). */
export function LastChange({ event }: { event: AuditEvent | null }) {
  if (!event) return <span className="muted">No changes yet</span>;
  const tone = AUDIT_ACTION_TONES[event.action];
  return (
    <div className="last-change">
      <div className="last-change-line">
        <Badge tone={tone === 'neutral' ? 'neutral' : tone}>{AUDIT_ACTION_LABELS[event.action]}</Badge>
        <span className="last-change-actor" title={event.actor}>
          {event.actor}
        </span>
        <span className="muted" aria-hidden="true">
          ·
        </span>
        <RelativeTime iso={event.at} />
      </div>
      {event.reason && (
        <p className="last-change-reason" title={event.reason}>
          {event.reason}
        </p>
      )}
    </div>
  );
}
