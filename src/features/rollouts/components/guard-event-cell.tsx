import type { AuditEvent } from '@contract/schemas';
import { RelativeTime } from '../../../components/ui/relative-time';

/** The latest thing the guards engine did, and when (the whole reason in the tooltip). */
export function GuardEventCell({ event }: { event: AuditEvent | null }) {
  if (!event) return <span className="muted">None</span>;
  const word = event.action === 'rollout.rollback' ? 'Rolled back' : event.action === 'rollout.pause' ? 'Paused' : 'Noted';
  return (
    <div className="cell-stack">
      <span>
        <strong className={event.action === 'rollout.rollback' ? 'text-danger' : 'text-warning'}>{word}</strong> <RelativeTime iso={event.at} />
      </span>
      <span className="cell-sub" title={event.reason}>
        {event.reason}
      </span>
    </div>
  );
}
