import { Link } from 'react-router';
import type { InsightEventItem, InsightMetric } from '@contract/insights';
import type { AuditEvent } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_TONES } from '../../../lib/audit-actions';
import { eventHref, relatedHeading } from '../lib/drill-view';
import { formatDuration } from '../lib/format';

const when = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function EventLine({ e, after }: { e: AuditEvent; after?: AuditEvent }) {
  const link = eventHref(e);
  const offset = after ? Date.parse(e.at) - Date.parse(after.at) : null;
  return (
    <div className="drill-event">
      <time dateTime={e.at} className="drill-time">{when.format(Date.parse(e.at))}</time>
      <Badge tone={AUDIT_ACTION_TONES[e.action]}>{AUDIT_ACTION_LABELS[e.action]}</Badge>
      {e.namespace && <span className="drill-ns">{e.namespace}</span>}
      <span className="drill-actor">{e.actor}</span>
      {offset !== null && <span className="muted">{offset >= 0 ? `${formatDuration(offset)} later` : `${formatDuration(-offset)} before`}</span>}
      {link && (
        <Link to={link.href} className="drill-diff" aria-label={`${link.text} of ${e.namespace ?? ''}`}>
          {link.text}
        </Link>
      )}
      {after && e.reason && <span className="drill-related-reason">{e.reason}</span>}
    </div>
  );
}

/** One event behind a number, with what it relates to and, for recoveries, how long it took. */
export function DrillItem({ item, metric }: { item: InsightEventItem; metric: InsightMetric }) {
  const e = item.event;
  return (
    <li className="drill-item">
      <EventLine e={e} />
      {e.reason && <p className="drill-reason">{e.reason}</p>}
      {item.durationMs !== null && (
        <p className="drill-duration">
          <strong>{formatDuration(item.durationMs)}</strong> to safe rollback,{' '}
          {item.detection ? (
            <>
              from the first detection at {when.format(Date.parse(item.detection.at))}: {item.detection.label}
            </>
          ) : (
            'from the change itself (nothing detected the problem first)'
          )}
        </p>
      )}
      {item.related.length > 0 && (
        <div className="drill-related">
          <span className="drill-related-title">{relatedHeading(metric)}</span>
          {item.related.map((r) => (
            <EventLine key={r.id} e={r} after={e} />
          ))}
        </div>
      )}
    </li>
  );
}
