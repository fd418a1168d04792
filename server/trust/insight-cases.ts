/** Valid-request factories for the insight routes (see route-cases.ts): reads with a valid query. */
import type { Harness } from '../test/harness';
import type { RouteFactory } from './route-cases';

const get = (url: (h: Harness) => string): RouteFactory => ({
  prepare: async (h) => async () => ({ method: 'GET', url: url(h), headers: {} }),
  ok: 200,
});

const day = 86_400_000;
const range = (h: Harness, days: number) =>
  `from=${encodeURIComponent(new Date(h.now().getTime() - days * day).toISOString())}&to=${encodeURIComponent(h.now().toISOString())}`;

export const insightFactories: Record<string, RouteFactory> = {
  insightsSummary: get((h) => `/api/v1/insights/summary?${range(h, 30)}&tz=UTC`),
  insightsRollbacks: get((h) => `/api/v1/insights/rollbacks?${range(h, 30)}&bucket=day`),
  insightEvents: get((h) => `/api/v1/insights/events?metric=changes&${range(h, 30)}&limit=10`),
  timeline: get((h) => `/api/v1/timeline?${range(h, 7)}`),
};
