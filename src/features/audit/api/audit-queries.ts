import { infiniteQueryOptions } from '@tanstack/react-query';
import * as registryApi from '@contract/routes-registry';
import { apiRequest } from '../../../lib/api-client';
import { QUERY_ROOTS } from '../../../lib/query-keys';
import { eventsQuery, type AuditFilters } from '../lib/audit-filters';

export const AUDIT_PAGE_SIZE = 100;

/** Any change anywhere adds an audit entry: the live stream invalidates `all()`. */
export const auditQueries = {
  all: () => QUERY_ROOTS.audit,
  list: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: [...auditQueries.all(), 'list', eventsQuery(filters)] as const,
      queryFn: ({ pageParam, signal }) =>
        apiRequest(registryApi.listEvents, { query: { ...eventsQuery(filters), limit: AUDIT_PAGE_SIZE, before: pageParam }, signal }),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (page) => page.nextBefore ?? undefined,
      meta: { errorTitle: 'Could not refresh the audit log' },
    }),
};
