/**
 * The insight routes (product I1-I3): summary, rollback series, the events behind a number and
 * the timeline, one exported definition per route.
 */
import type { RouteDef } from './route-def';
import { InsightEvents, InsightEventsQuery, InsightsSummary, InsightsSummaryQuery, RollbackSeries, RollbacksQuery, TimelineQuery, TimelineResponse } from './insights';

export const insightsSummary = {
  method: 'GET',
  path: '/api/v1/insights/summary',
  summary:
    'Per namespace over [from, to): changes (loads, patches, restores, rollout promotions), failed changes, change failure rate, ' +
    'rollbacks manual/automatic, kill-switch episodes, time to safe rollback (mean, p90) and risk, with the previous period of equal length',
  access: 'viewer',
  mutation: false,
  query: InsightsSummaryQuery,
  response: InsightsSummary,
} as const satisfies RouteDef;

export const insightsRollbacks = {
  method: 'GET',
  path: '/api/v1/insights/rollbacks',
  summary:
    'Rollbacks (manual/automatic, by trigger), changes, failures and kill-switch episodes per namespace in hour, day or week buckets ' +
    'aligned to the time zone `tz`; every bucket present',
  access: 'viewer',
  mutation: false,
  query: RollbacksQuery,
  response: RollbackSeries,
} as const satisfies RouteDef;

export const insightEvents = {
  method: 'GET',
  path: '/api/v1/insights/events',
  summary: 'The audit events behind one number (a metric of a namespace in a bucket or period), newest first, with what they relate to',
  access: 'viewer',
  mutation: false,
  query: InsightEventsQuery,
  response: InsightEvents,
} as const satisfies RouteDef;

export const timeline = {
  method: 'GET',
  path: '/api/v1/timeline',
  summary:
    'Snapshot loads, patches, restores, rollbacks, kill switch, stage changes, pauses, guard breaches and parity mismatch spikes on one ' +
    'time axis, oldest first, each with a link target (diff, version, rollout or parity review)',
  access: 'viewer',
  mutation: false,
  query: TimelineQuery,
  response: TimelineResponse,
} as const satisfies RouteDef;

/** Every insight route by name. */
export const insightRoutes = {
  insightsSummary,
  insightsRollbacks,
  insightEvents,
  timeline,
} as const satisfies Record<string, RouteDef>;
