import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { versionQueries } from '../api/version-queries';
import { diffHref, parseDiffRange } from '../lib/diff-range';
import { DiffPickers } from './diff-pickers';
import { DiffResult } from './diff-result';

export function DiffPage() {
  const ns = useParams().ns ?? '';
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { from, to } = parseDiffRange(search);
  useDocumentTitle(from && to ? `v${from} → v${to} · ${ns}` : `Diff · ${ns}`);
  const head = useQuery(versionQueries.head(ns));
  const live = head.data?.activeVersion ?? null;
  const liveSummary = useQuery({ ...versionQueries.summary(ns, live ?? 0), enabled: live !== null && from === null && to === null });

  // Without versions in the link, show what the live version changed (its parent -> live).
  useEffect(() => {
    if (live === null || (from !== null && to !== null)) return;
    if (from === null && to === null && liveSummary.data === undefined) return;
    const target = to ?? live;
    const start = from ?? (to === null ? (liveSummary.data?.parentVersion ?? live) : Math.max(1, target - 1));
    void navigate(diffHref(ns, start, target), { replace: true });
  }, [from, to, live, liveSummary.data, navigate, ns]);

  const compare = (f: number, t: number) => void navigate(diffHref(ns, f, t));

  return (
    <div className="page">
      <PageHeader
        title="Compare versions"
        description={`What changes in ${ns} going from one version to another. The link is shareable.`}
        actions={<Link to={`/namespaces/${encodeURIComponent(ns)}/history`} className="btn btn-ghost">History</Link>}
      />
      <DiffPickers key={`${from}-${to}`} from={from} to={to} latest={head.data?.latestVersion ?? null} onCompare={compare} />
      {from !== null && to !== null ? (
        <DiffResult ns={ns} from={from} to={to} />
      ) : head.error?.status === 404 ? (
        <EmptyState title={`There is no namespace “${ns}”`} action={<Link to="/namespaces" className="btn btn-secondary">All namespaces</Link>}>
          <p>It may have been mistyped in the link, or it was never created on this server.</p>
        </EmptyState>
      ) : head.isError ? (
        <ErrorPanel title={`Could not load ${ns}`} error={head.error} onRetry={() => void head.refetch()} retrying={head.isFetching} />
      ) : (
        <Spinner label="Finding the live version…" />
      )}
    </div>
  );
}
