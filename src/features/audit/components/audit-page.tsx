import { useMemo, useRef } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useShortcut } from '../../../lib/use-shortcut';
import { auditQueries } from '../api/audit-queries';
import { hasFilters, NO_FILTERS, parseAuditFilters, toAuditSearch, type AuditFilters } from '../lib/audit-filters';
import { AuditExport } from './audit-export';
import { AuditFiltersForm } from './audit-filters-form';
import { AuditTable } from './audit-table';

export function AuditPage() {
  useDocumentTitle('Audit log');
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => parseAuditFilters(search), [search]);
  const apply = (next: AuditFilters) => setSearch(toAuditSearch(next));
  const events = useInfiniteQuery(auditQueries.list(filters));
  const namespaceRef = useRef<HTMLInputElement>(null);
  useShortcut('/', () => namespaceRef.current?.focus());

  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = hasFilters(filters);

  const body = (() => {
    if (events.data) {
      if (items.length === 0) {
        return filtered ? (
          <EmptyState title="No audit entries match these filters" action={<Button onClick={() => apply(NO_FILTERS)}>Clear filters</Button>}>
            <p>Namespace and actor must match exactly; the time range includes both ends.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No changes recorded yet">
            <p>Every change to a namespace or token is recorded here, with who made it and why.</p>
          </EmptyState>
        );
      }
      return (
        <>
          <AuditTable events={items} onActor={(actor) => apply({ ...filters, actor })} />
          <div className="list-footer">
            <span className="muted" aria-live="polite">
              {items.length.toLocaleString('en')} {items.length === 1 ? 'entry' : 'entries'}
              {events.hasNextPage ? ' shown' : filtered ? ' match' : ' in all'}
            </span>
            {events.hasNextPage && (
              <Button onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? 'Loading…' : 'Load older entries'}
              </Button>
            )}
          </div>
        </>
      );
    }
    if (events.isError) {
      return <ErrorPanel title="Could not load the audit log" error={events.error} onRetry={() => void events.refetch()} retrying={events.isFetching} />;
    }
    return <Spinner label="Loading the audit log…" />;
  })();

  return (
    <div className="page">
      <PageHeader title="Audit log" description="Who changed what, when and why, newest first." actions={<AuditExport filters={filters} />} />
      <AuditFiltersForm key={search.toString()} filters={filters} onApply={apply} namespaceRef={namespaceRef} />
      {body}
    </div>
  );
}
