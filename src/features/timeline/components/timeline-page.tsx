import { useQuery } from '@tanstack/react-query';
import { TimelineRangeBar } from '../../../components/timeline/timeline-range-bar';
import { TimelineView } from '../../../components/timeline/timeline-view';
import { TIMELINE_PRESETS, useTimelineParams } from '../../../components/timeline/use-timeline-params';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { timelineQueries } from '../api/timeline-queries';
import { NamespaceFilter } from './namespace-filter';

/** One timeline of everything (I3): filter by kind and namespace, zoom by dragging or with the range buttons. */
export function TimelinePage() {
  useDocumentTitle('Timeline');
  const t = useTimelineParams('range');
  const namespace = t.search.get('namespace') || null;
  const list = useQuery(timelineQueries.list(t.range, namespace));
  const data = list.data;
  const setNamespace = (ns: string | null) => {
    const next = new URLSearchParams(t.search);
    if (ns) next.set('namespace', ns);
    else next.delete('namespace');
    t.setSearch(next);
  };
  return (
    <div className="page timeline-page">
      <PageHeader
        title="Timeline"
        description="Snapshot changes, stage changes, rollbacks, the kill switch, guard breaches and parity mismatch spikes on one time axis. Drag across the axis to zoom in."
        actions={<NamespaceFilter value={namespace} onChange={setNamespace} />}
      />
      <section className="card tl-card" aria-label="Timeline" aria-busy={list.isFetching}>
        {data ? (
          <>
            <TimelineRangeBar presets={TIMELINE_PRESETS} value={t.range} onChange={t.setRange} from={data.from} to={data.to} />
            <TimelineView
              items={data.items}
              from={data.from}
              to={data.to}
              kinds={t.kinds}
              onKinds={t.setKinds}
              onZoom={(r) => t.setRange({ key: 'custom', ...r })}
              showNamespace={namespace === null}
              truncated={data.truncated}
            />
          </>
        ) : list.isError ? (
          <ErrorPanel title="Could not load the timeline" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : (
          <Spinner label="Loading the timeline…" />
        )}
      </section>
    </div>
  );
}
