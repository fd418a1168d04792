import { useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { SearchInput } from '../../../components/ui/search-input';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useShortcut } from '../../../lib/use-shortcut';
import { namespaceQueries } from '../api/namespace-queries';
import { overviewRows } from '../lib/overview';
import { useOverviewParams } from '../lib/use-overview-params';
import { NamespacesSkeleton } from './namespaces-skeleton';
import { NamespacesSummary } from './namespaces-summary';
import { NamespacesTable } from './namespaces-table';
import { NoNamespaces } from './no-namespaces';

export function NamespacesPage() {
  useDocumentTitle('Namespaces');
  const list = useQuery(namespaceQueries.list());
  const { params, setQuery, sortBy } = useOverviewParams();
  const searchRef = useRef<HTMLInputElement>(null);
  useShortcut('/', () => searchRef.current?.focus());

  const rows = list.data ? overviewRows(list.data, params) : [];
  const body = (() => {
    if (list.data) {
      if (list.data.length === 0) return <NoNamespaces />;
      if (rows.length === 0) {
        return (
          <EmptyState title={`No namespace matches “${params.q}”`} action={<Button onClick={() => setQuery('')}>Clear search</Button>}>
            <p>Search looks at names, descriptions, and the author and reason of the last change.</p>
          </EmptyState>
        );
      }
      return <NamespacesTable rows={rows} params={params} onSort={sortBy} />;
    }
    if (list.isError) {
      return <ErrorPanel title="Could not load the namespaces" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
    }
    return <NamespacesSkeleton />;
  })();

  return (
    <div className="page">
      <PageHeader title="Namespaces" description={list.data?.length ? <NamespacesSummary items={list.data} /> : 'Every namespace, what is live in it, and what changed last.'} />
      {!(list.data?.length === 0) && !(list.isError && !list.data) && (
        <div className="toolbar">
          <SearchInput
            ref={searchRef}
            shortcut="/"
            aria-label="Search namespaces"
            placeholder="Search namespaces"
            value={params.q}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
          />
          {list.data && params.q && (
            <span className="toolbar-count" aria-live="polite">
              {rows.length} of {list.data.length}
            </span>
          )}
        </div>
      )}
      {body}
    </div>
  );
}
