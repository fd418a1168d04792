import { useQuery } from '@tanstack/react-query';
import { TimelineRangeBar } from '../../../components/timeline/timeline-range-bar';
import { TimelineView } from '../../../components/timeline/timeline-view';
import { TIMELINE_PRESETS, useTimelineParams } from '../../../components/timeline/use-timeline-params';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Spinner } from '../../../components/ui/spinner';
import { namespaceTimelineQuery } from '../api/namespace-timeline-query';

/** What happened to this namespace and its rollouts, on one axis (I3); range and kinds in the URL (`tl`, `tlKinds`). */
export function NamespaceTimeline({ ns }: { ns: string }) {
  const t = useTimelineParams('tl');
  const q = useQuery(namespaceTimelineQuery(ns, t.range));
  const data = q.data;
  return (
    <section className="card embedded-timeline" aria-labelledby="ns-timeline-title" aria-busy={q.isFetching}>
      <div className="card-head">
        <h2 id="ns-timeline-title" className="card-title">
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
          moreHref={`/timeline?namespace=${encodeURIComponent(ns)}`}
        />
      ) : q.isError ? (
        <ErrorPanel title={`Could not load the timeline of ${ns}`} error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : (
        <Spinner label="Loading the timeline…" />
      )}
    </section>
  );
}
