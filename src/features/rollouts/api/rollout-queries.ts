import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import * as rolloutApi from '@contract/routes-rollouts';
import { apiRequest } from '../../../lib/api-client';
import { QUERY_ROOTS } from '../../../lib/query-keys';
import { CHART_POINTS, rangeKeyPart, resolveRange, type RangeParams } from '../lib/time-range';
import type { ParityFilters } from '../lib/parity-filters';

/** While a rollout page is open its data refreshes at least this often, stream or not. */
export const ROLLOUT_POLL_MS = 10_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Keys go from generic to specific: invalidating `detail(id)`'s key refreshes everything of one
 * rollout (metrics, gate, counters, parity), `all()` every rollout screen.
 */
export const rolloutQueries = {
  all: () => QUERY_ROOTS.rollouts,
  lists: () => [...rolloutQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: rolloutQueries.lists(),
      queryFn: async ({ signal }) => (await apiRequest(rolloutApi.listRollouts, { signal })).items,
      meta: { errorTitle: 'Could not refresh the rollouts' },
    }),
  one: (id: string) => [...rolloutQueries.all(), 'detail', id] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: rolloutQueries.one(id),
      queryFn: ({ signal }) => apiRequest(rolloutApi.getRollout, { params: { id }, signal }),
      meta: { errorTitle: `Could not refresh rollout ${id}` },
    }),
  /** Preset ranges end at "now", resolved when the request is made, so a refetch moves with time. */
  metrics: (id: string, range: RangeParams) =>
    queryOptions({
      queryKey: [...rolloutQueries.one(id), 'metrics', ...rangeKeyPart(range)] as const,
      queryFn: ({ signal }) => {
        const { from, to } = resolveRange(range, Date.now());
        return apiRequest(rolloutApi.rolloutMetrics, { params: { id }, query: { from: iso(from), to: iso(to), points: CHART_POINTS }, signal });
      },
      // Switching the range keeps the old charts on screen until the new ones arrive.
      placeholderData: keepPreviousData,
      meta: { errorTitle: 'Could not refresh the charts' },
    }),
  gate: (id: string) =>
    queryOptions({
      queryKey: [...rolloutQueries.one(id), 'gate'] as const,
      queryFn: ({ signal }) => apiRequest(rolloutApi.rolloutGate, { params: { id }, signal }),
      meta: { errorTitle: 'Could not refresh the gate' },
    }),
  counters: (id: string, range: RangeParams) =>
    queryOptions({
      queryKey: [...rolloutQueries.one(id), 'counters', ...rangeKeyPart(range)] as const,
      queryFn: ({ signal }) => {
        const { from, to } = resolveRange(range, Date.now());
        return apiRequest(rolloutApi.rolloutCounters, { params: { id }, query: { from: iso(from), to: iso(to) }, signal });
      },
      placeholderData: keepPreviousData,
      meta: { errorTitle: 'Could not refresh the counters' },
    }),
  parityPatterns: (id: string) =>
    queryOptions({
      queryKey: [...rolloutQueries.one(id), 'parity', 'patterns'] as const,
      queryFn: ({ signal }) => apiRequest(rolloutApi.parityPatterns, { params: { id }, signal }),
      meta: { errorTitle: 'Could not refresh the mismatch patterns' },
    }),
  parityReports: (id: string, filters: ParityFilters, limit = 50) =>
    queryOptions({
      queryKey: [...rolloutQueries.one(id), 'parity', 'reports', filters, limit] as const,
      queryFn: ({ signal }) =>
        apiRequest(rolloutApi.parityReports, {
          params: { id },
          query: { status: filters.status, triage: filters.triage, pattern: filters.pattern, subject: filters.subject, limit },
          signal,
        }),
      placeholderData: keepPreviousData,
      meta: { errorTitle: 'Could not refresh the parity reports' },
    }),
  parityReport: (id: string, reportId: number) =>
    queryOptions({
      queryKey: [...rolloutQueries.one(id), 'parity', 'report', reportId] as const,
      queryFn: ({ signal }) => apiRequest(rolloutApi.parityReport, { params: { id, reportId }, signal }),
    }),
};
