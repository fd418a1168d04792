import { Link } from 'react-router';
import type { TimelineItem } from '@contract/insights';
import { Badge } from '../ui/badge';
import { byDay, KIND_LABELS, linkHref, linkText, toneOf } from './timeline-model';

export interface TimelineListProps {
  items: readonly TimelineItem[];
  /** Name the namespace of each item (the global timeline; a namespace page knows its own). */
  showNamespace?: boolean;
  /** At most this many, newest first. */
  limit?: number;
}

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

function Row({ item, showNamespace }: { item: TimelineItem; showNamespace: boolean }) {
  return (
    <li className="tl-item" data-kind={item.kind}>
      <time className="tl-time mono" dateTime={new Date(item.t).toISOString()}>
        {time.format(item.t)}
      </time>
      <Badge tone={toneOf(item)} className="tl-kind">
        {KIND_LABELS[item.kind]}
      </Badge>
      <div className="tl-body">
        <div className="tl-what">
          <span className="tl-label">{item.label}</span>
          {showNamespace && item.namespace && (
            <Link to={`/namespaces/${encodeURIComponent(item.namespace)}`} className="tl-chip">
              {item.namespace}
            </Link>
          )}
          {item.rolloutId && (
            <Link to={`/rollouts/${encodeURIComponent(item.rolloutId)}`} className="tl-chip">
              {item.rolloutId}
            </Link>
          )}
        </div>
        {item.reason && <div className="tl-why">{item.reason}</div>}
      </div>
      <span className="tl-who">{item.automatic ? 'automatic' : item.actor}</span>
      {item.link ? (
        <Link to={linkHref(item.link)} className="tl-link" aria-label={`${linkText(item.link)}: ${item.label}`}>
          {linkText(item.link)}
        </Link>
      ) : (
        <span />
      )}
    </li>
  );
}

/** The timeline's events as a list, newest first, by day, each linking to its diff or report. */
export function TimelineList({ items, showNamespace = false, limit }: TimelineListProps) {
  const shown = limit === undefined ? items : [...items].sort((a, b) => b.t - a.t).slice(0, limit);
  return (
    <div className="tl-list">
      {byDay(shown).map((group) => (
        <section key={group.day} aria-label={group.day}>
          <h3 className="tl-day">{group.day}</h3>
          <ol>
            {group.items.map((item) => (
              <Row key={item.id} item={item} showNamespace={showNamespace} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
