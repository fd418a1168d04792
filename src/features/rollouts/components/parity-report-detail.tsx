import { useQuery } from '@tanstack/react-query';
import type { ParityReportDto } from '@contract/rollouts';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Spinner } from '../../../components/ui/spinner';
import { rolloutQueries } from '../api/rollout-queries';
import { OutputDiff } from './output-diff';
import { OutputsSideBySide } from './outputs-side-by-side';
import { TriageForm } from './triage-form';

/** Both sides' full outputs (while kept), the structural diff of the differing ones, and triage. */
export function ParityReportDetailView({ report }: { report: ParityReportDto }) {
  const detail = useQuery(rolloutQueries.parityReport(report.rolloutId, report.id));
  return (
    <div className="report-detail-body">
      {report.status === 'legacy_unavailable' && <p className="muted">V1 could not be asked{report.reason ? `: ${report.reason}` : ''}. Only V2’s outputs are known.</p>}
      {report.status === 'mismatch' && <OutputDiff onlyInV1={report.onlyInV1} onlyInV2={report.onlyInV2} />}
      {detail.data ? (
        detail.data.v2Outputs ? (
          <OutputsSideBySide v1={detail.data.v1Outputs} v2={detail.data.v2Outputs} />
        ) : (
          <p className="muted">The full outputs of this report are no longer kept (only the latest 1,000 reports keep them); the differing outputs above are.</p>
        )
      ) : detail.isError ? (
        <ErrorPanel title="Could not load the outputs" error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />
      ) : (
        <Spinner label="Loading both sides’ outputs…" />
      )}
      {report.status !== 'match' && <TriageForm report={report} />}
    </div>
  );
}
