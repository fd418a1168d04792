import type { AuditEvent } from '@contract/schemas';
import * as registryApi from '@contract/routes-registry';
import { apiRequest, apiUrl } from '../../../lib/api-client';
import { eventsQuery, type AuditFilters } from './audit-filters';

/** The server writes the CSV itself (every matching event, spreadsheet-safe cells). */
export const csvExportUrl = (filters: AuditFilters): string => apiUrl(registryApi.listEvents, { query: { ...eventsQuery(filters), format: 'csv' } });

/** Every matching event as JSON, fetched a thousand at a time (the API's largest page). */
export async function fetchAllEvents(filters: AuditFilters, signal?: AbortSignal): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let before: number | undefined;
  do {
    const page = await apiRequest(registryApi.listEvents, { query: { ...eventsQuery(filters), limit: 1000, before }, signal });
    events.push(...page.items);
    before = page.nextBefore ?? undefined;
  } while (before !== undefined && events.length < 100_000);
  return events;
}
