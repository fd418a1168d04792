import { useEffect } from 'react';
import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { isApiError } from '../../../lib/api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ROLLOUT_POLL_MS, rolloutQueries } from '../api/rollout-queries';
import { useChartParams } from '../lib/use-chart-params';
import { CountersPanel } from './counters-panel';
import { GateChecklist } from './gate-checklist';
import { GuardsPanel } from './guards-panel';
import { RolloutBanner } from './rollout-banner';
import { RolloutCharts } from './rollout-charts';
import { RolloutHeader } from './rollout-header';
import { RolloutSkeleton } from './rollout-skeleton';
import { RolloutTimeline } from './rollout-timeline';
import { SettingsPanel } from './settings-panel';
import { StageTrack } from './stage-track';

/** One rollout (O2, O5, O9-O11): where it is, how V2 compares with V1, the gate, and the controls. */
export function RolloutPage() {
  const id = useParams().id ?? '';
  useDocumentTitle(id);
  const detail = useQuery({ ...rolloutQueries.detail(id), refetchInterval: ROLLOUT_POLL_MS });
  // The charts need the rollout (its guard rules) to draw, but their data and code need not
  // wait for it: ask for both at once, so the page's requests run side by side.
  const { params } = useChartParams();
  usePrefetchQuery(rolloutQueries.metrics(id, params.range));
  useEffect(() => void import('./metric-chart'), []);
  const r = detail.data;

  if (!r) {
    if (detail.isError && isApiError(detail.error) && detail.error.status === 404) {
      return (
        <div className="page">
          <EmptyState title={`No rollout “${id}”`} action={<Link to="/rollouts">All rollouts</Link>}>
            <p>It may have been mistyped, or the link is from another Switchyard.</p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page">
        {detail.isError ? <ErrorPanel title={`Could not load rollout ${id}`} error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} /> : <RolloutSkeleton />}
      </div>
    );
  }

  return (
    <div className="page rollout-page">
      <RolloutHeader rollout={r} />
      <RolloutBanner rollout={r} />
      <StageTrack rollout={r} />
      <div className="rollout-split">
        <GateChecklist rolloutId={r.id} />
        <GuardsPanel rollout={r} />
      </div>
      <RolloutCharts rolloutId={r.id} rules={r.guards} />
      <RolloutTimeline rolloutId={r.id} namespace={r.namespace} />
      <CountersPanel rollout={r} />
      <SettingsPanel rollout={r} />
    </div>
  );
}
