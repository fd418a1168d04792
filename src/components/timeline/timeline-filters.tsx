import type { TimelineItem, TimelineKind } from '@contract/insights';
import { groupOf, KIND_GROUPS, toggleGroup } from './timeline-model';

export interface TimelineFiltersProps {
  kinds: readonly TimelineKind[];
  onKinds: (kinds: TimelineKind[]) => void;
  /** The items on screen, for the count of each group. */
  items: readonly TimelineItem[];
}

/** One toggle per kind group, with how many of its events are on screen. */
export function TimelineFilters({ kinds, onKinds, items }: TimelineFiltersProps) {
  return (
    <div className="tl-filters" role="group" aria-label="Event kinds">
      {KIND_GROUPS.map((g) => {
        const on = g.kinds.some((k) => kinds.includes(k));
        const count = items.filter((i) => groupOf(i.kind) === g.id).length;
        return (
          <button key={g.id} type="button" className={`tl-filter tl-filter-${g.id}`} aria-pressed={on} onClick={() => onKinds(toggleGroup(kinds, g))}>
            <span className="tl-filter-dot" aria-hidden="true" />
            {g.label}
            {on && <span className="tl-filter-count">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}
