import { useQuery } from '@tanstack/react-query';
import { TimelineRangeBar } from '../../../components/timeline/timeline-range-bar';
import { TimelineView } from '../../../components/timeline/timeline-view';
import { TIMELINE_PRESETS, useTimelineParams } from '../../../components/timeline/use-timeline-params';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Spinner } from '../../../components/ui/spinner';
import { rolloutTimelineQuery } from '../api/rollout-timeline-query';

/**
 * The rollout's story on one axis (I3): stage changes, pauses and rollbacks, guard breaches and
 * parity spikes, and its namespace's config changes (the same kinds as the chart markers). Its
 * range and kinds live in the URL as `tl` and `tlKinds`, apart from the charts' `range`.
 */
export function RolloutTimeline({ rolloutId, namespace }: { rolloutId: string; namespace: string }) {
  const t = useTimelineParams('tl');
  const q = useQuery(rolloutTimelineQuery(rolloutId, t.range));
  const data = q.data;
  return (
    <section className="card embedded-timeline" aria-labelledby="rollout-timeline-title" aria-busy={q.isFetching}>
      <div className="card-head">
        <h2 id="rollout-timeline-title" className="card-title">
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
          moreHref={`/timeline?namespace=${encodeURIComponent(namespace)}`}
        />
      ) : q.isError ? (
        <ErrorPanel title={`Could not load the timeline of ${rolloutId}`} error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : (
        <Spinner label="Loading the timeline…" />
      )}
    </section>
  );
}
