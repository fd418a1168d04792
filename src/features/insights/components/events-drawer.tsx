import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Modal } from '../../../components/ui/modal';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Spinner } from '../../../components/ui/spinner';
import { insightQueries } from '../api/insight-queries';
import { auditHref, METRIC_TITLES } from '../lib/drill-view';
import type { Drill } from '../lib/insight-params';
import { DrillItem } from './drill-item';

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** The events behind one number (product: every number links to its events). */
export function EventsDrawer({ drill, onClose }: { drill: Drill; onClose: () => void }) {
  const events = useQuery(insightQueries.events(drill));
  const audit = auditHref(drill);
  const title = `${METRIC_TITLES[drill.metric]} · ${drill.namespace ?? 'all namespaces'}`;
  const data = events.data;
  return (
    <Modal labelledBy="drill-title" describedBy="drill-range" onClose={onClose} wide>
      <div className="drill">
      <div className="drill-header">
        <div>
          <h2 id="drill-title" className="drill-title">
            {title}
          </h2>
          <p id="drill-range" className="muted">
            {day.format(drill.from)} – {day.format(drill.to)}
            {drill.trigger ? ` · trigger ${drill.trigger}` : ''}
            {data ? ` · ${data.total} ${data.total === 1 ? 'event' : 'events'}` : ''}
          </p>
        </div>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="drill-body">
        {data ? (
          data.items.length === 0 ? (
            <p className="muted">No events behind this number.</p>
          ) : (
            <ol className="drill-list" aria-label={title}>
              {data.items.map((item) => (
                <DrillItem key={item.event.id} item={item} metric={drill.metric} />
              ))}
            </ol>
          )
        ) : events.isError ? (
          <ErrorPanel title="Could not load the events" error={events.error} onRetry={() => void events.refetch()} retrying={events.isFetching} />
        ) : (
          <Spinner label="Loading the events…" />
        )}
        {data && data.total > data.items.length && <p className="muted">The newest {data.items.length} of {data.total} are shown.</p>}
      </div>
      {audit && (
        <div className="drill-footer">
          <Link to={audit} className="btn btn-secondary btn-sm">
            Open in the audit log
          </Link>
        </div>
      )}
      </div>
    </Modal>
  );
}
