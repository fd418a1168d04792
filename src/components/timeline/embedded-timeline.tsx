import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { TimelineResponse } from '@contract/insights';
import type { ApiError } from '../../lib/api-error';
import type { RangeValue } from '../../lib/range-params';
import { ErrorPanel } from '../ui/error-panel';
import { Spinner } from '../ui/spinner';
import { TimelineRangeBar } from './timeline-range-bar';
import { TimelineView } from './timeline-view';
import { TIMELINE_PRESETS, useTimelineParams } from './use-timeline-params';

export interface EmbeddedTimelineProps<K extends QueryKey> {
  /** The feature's timeline query for a range (its key and which items it asks for). */
  query: (range: RangeValue<string>) => UseQueryOptions<TimelineResponse, ApiError, TimelineResponse, K>;
  /** The id of the panel's heading (the section is labelled by it). */
  titleId: string;
  /** What the error panel names when the timeline cannot load. */
  subject: string;
  /** Where "more" leads: the full timeline page, filtered. */
  moreHref: string;
}

/**
 * A timeline embedded in another screen (I3): the panel chrome, its range bar and the view, with
 * range and kinds in the URL as `tl`/`tlKinds`, apart from the screen's own state.
 */
export function EmbeddedTimeline<K extends QueryKey>({ query, titleId, subject, moreHref }: EmbeddedTimelineProps<K>) {
  const t = useTimelineParams('tl');
  const q = useQuery(query(t.range));
  const data = q.data;
  return (
    <section className="card embedded-timeline" aria-labelledby={titleId} aria-busy={q.isFetching}>
      <div className="card-head">
        <h2 id={titleId} className="card-title">
          Timeline
        </h2>
        {data && <TimelineRangeBar presets={TIMELINE_PRESETS} value={t.range} onChange={t.setRange} from={data.from} to={data.to} />}
      </div>
      {data ? (
        <TimelineView
          items={data.items}
          from={data.from}
          to={data.to}
          kinds={t.kinds}
          onKinds={t.setKinds}
          onZoom={(r) => t.setRange({ key: 'custom', ...r })}
          truncated={data.truncated}
          listLimit={8}
          moreHref={moreHref}
        />
      ) : q.isError ? (
        <ErrorPanel title={`Could not load the timeline of ${subject}`} error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : (
        <Spinner label="Loading the timeline…" />
      )}
    </section>
  );
}
