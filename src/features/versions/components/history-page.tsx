import { useRef } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useShortcut } from '../../../lib/use-shortcut';
import { versionQueries } from '../api/version-queries';
import { filterVersions, isFiltered } from '../lib/history';
import { useHistoryParams } from '../lib/use-history-params';
import { HistoryList } from './history-list';
import { HistorySkeleton } from './history-skeleton';
import { HistoryToolbar } from './history-toolbar';

export function HistoryPage() {
  const ns = useParams().ns ?? '';
  useDocumentTitle(`History · ${ns}`);
  const { params, update, toggle } = useHistoryParams();
  const history = useInfiniteQuery(versionQueries.history(ns));
  const authorRef = useRef<HTMLInputElement>(null);
  useShortcut('/', () => authorRef.current?.focus());

  const loaded = history.data?.pages.flatMap((p) => p.items) ?? [];
  const total = history.data?.pages[0]?.total ?? 0;
  const rows = filterVersions(loaded, params);
  const live = loaded.find((v) => v.active);
  const filtered = isFiltered(params);

  const body = (() => {
    if (history.data) {
      if (rows.length === 0 && !history.hasNextPage) {
        return (
          <EmptyState title="No version matches these filters" action={<Button onClick={() => update({ kind: null, author: '' })}>Clear filters</Button>}>
            <p>All {total.toLocaleString('en')} versions were searched. The author filter matches any part of the author.</p>
          </EmptyState>
        );
      }
      return (
        <HistoryList
          ns={ns}
          rows={rows}
          rowCount={filtered ? rows.length : total}
          picked={params.compare}
          onToggle={toggle}
          hasMore={history.hasNextPage}
          loadingMore={history.isFetchingNextPage}
          loadMore={() => void history.fetchNextPage()}
          progress={filtered ? `Searched ${loaded.length.toLocaleString('en')} of ${total.toLocaleString('en')} versions` : ''}
        />
      );
    }
    if (history.error?.status === 404) {
      return (
        <EmptyState title={`There is no namespace “${ns}”`} action={<Link to="/namespaces" className="btn btn-secondary">All namespaces</Link>}>
          <p>It may have been mistyped in the link, or it was never created on this server.</p>
        </EmptyState>
      );
    }
    if (history.isError) {
      return <ErrorPanel title={`Could not load the history of ${ns}`} error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />;
    }
    return <HistorySkeleton />;
  })();

  return (
    <div className="page">
      <PageHeader
        title="History"
        description={
          history.data ? (
            <span className="summary-line">
              <span>{total.toLocaleString('en')} {total === 1 ? 'version' : 'versions'} of {ns}, newest first</span>
              {live && <span>v{live.version} is live</span>}
            </span>
          ) : (
            `Every version of ${ns}, newest first.`
          )
        }
      />
      {!(history.isError && !history.data) && <HistoryToolbar ns={ns} params={params} onChange={update} authorRef={authorRef} />}
      {body}
    </div>
  );
}
