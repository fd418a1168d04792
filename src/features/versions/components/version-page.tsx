import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Spinner } from '../../../components/ui/spinner';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { versionQueries } from '../api/version-queries';
import { VersionView } from './version-view';

export function VersionPage() {
  const { ns = '', v = '' } = useParams();
  const version = Number(v);
  const valid = Number.isSafeInteger(version) && version >= 1;
  useDocumentTitle(`v${v} · ${ns}`);
  const detail = useQuery({ ...versionQueries.detail(ns, version), enabled: valid });
  const head = useQuery({ ...versionQueries.head(ns), enabled: valid });

  if (detail.data) return <VersionView ns={ns} version={detail.data} activeVersion={head.data?.activeVersion ?? null} />;
  if (!valid || detail.error?.status === 404) {
    return (
      <div className="page">
        <EmptyState
          title={`There is no version ${v} of “${ns}”`}
          action={<Link to={`/namespaces/${encodeURIComponent(ns)}/history`} className="btn btn-secondary">See every version</Link>}
        >
          <p>{detail.error?.message ?? 'Versions are whole numbers from 1 up.'}</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page">
      {detail.isError ? (
        <ErrorPanel title={`Could not load v${v} of ${ns}`} error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />
      ) : (
        <Spinner label={`Loading v${v} of ${ns}…`} />
      )}
    </div>
  );
}
