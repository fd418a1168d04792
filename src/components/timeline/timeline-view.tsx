import { Link } from 'react-router';
import type { TimelineItem, TimelineKind } from '@contract/insights';
import { EmptyState } from '../ui/empty-state';
import { TimelineAxis } from './timeline-axis';
import { TimelineFilters } from './timeline-filters';
import { TimelineList } from './timeline-list';
import { linkHref } from './timeline-model';

export interface TimelineViewProps {
  /** Every item the query returned (all kinds): the filters count them; only `kinds` are shown. */
  items: readonly TimelineItem[];
  from: number;
  to: number;
  kinds: readonly TimelineKind[];
  onKinds: (kinds: TimelineKind[]) => void;
  onZoom: (range: { from: number; to: number }) => void;
  showNamespace?: boolean;
  /** The server returned only the newest items of the range. */
  truncated?: boolean;
  /** Embedded: at most this many in the list, and a link to the whole timeline. */
  listLimit?: number;
  moreHref?: string;
}

/** Snapshot changes, stage changes, rollbacks, kill switch, breaches and parity spikes on one axis (product I3). */
export function TimelineView({ items, from, to, kinds, onKinds, onZoom, showNamespace = false, truncated = false, listLimit, moreHref }: TimelineViewProps) {
  const shown = items.filter((i) => kinds.includes(i.kind));
  const linkOf = (i: TimelineItem) => (i.link ? linkHref(i.link) : null);
  return (
    <div className="tl">
      <TimelineFilters kinds={kinds} onKinds={onKinds} items={items} />
      <TimelineAxis items={shown} from={from} to={to} onZoom={onZoom} linkOf={linkOf} />
      {truncated && <p className="tl-note">Only the newest {items.length.toLocaleString('en')} events of this range are shown: zoom in to see older ones.</p>}
      {shown.length === 0 ? (
        <EmptyState title="Nothing happened in this range">
          <p>{items.length > 0 ? 'Every event of this range is filtered out: turn a kind back on.' : 'No changes, rollbacks, breaches or parity spikes. Widen the range to look further back.'}</p>
        </EmptyState>
      ) : (
        <TimelineList items={shown} showNamespace={showNamespace} {...(listLimit !== undefined ? { limit: listLimit } : {})} />
      )}
      {moreHref && listLimit !== undefined && shown.length > listLimit && (
        <Link to={moreHref} className="tl-more">
          All {shown.length} events on the timeline
        </Link>
      )}
    </div>
  );
}
