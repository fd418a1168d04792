import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Spinner } from '../../../components/ui/spinner';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { namespaceQueries } from '../api/namespace-queries';
import { NamespaceOverview } from './namespace-overview';

export function NamespacePage() {
  const ns = useParams().ns ?? '';
  useDocumentTitle(ns);
  // The route's loader has usually asked already: a failure (404) is shown, not asked again on mount.
  const detail = useQuery({ ...namespaceQueries.detail(ns), retryOnMount: false });

  if (detail.data) return <NamespaceOverview detail={detail.data} />;
  if (detail.error?.status === 404) {
    return (
      <div className="page">
        <EmptyState title={`There is no namespace “${ns}”`} action={<Link to="/namespaces" className="btn btn-secondary">All namespaces</Link>}>
          <p>It may have been mistyped in the link, or it was never created on this server.</p>
        </EmptyState>
      </div>
    );
  }
  if (detail.isError) {
    return (
      <div className="page">
        <ErrorPanel title={`Could not load ${ns}`} error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />
      </div>
    );
  }
  return (
    <div className="page">
      <Spinner label={`Loading ${ns}…`} />
    </div>
  );
}
