import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { BucketSize } from '@contract/insights';
import * as insightApi from '@contract/routes-insights';
import { apiRequest } from '../../../lib/api-client';
import { QUERY_ROOTS } from '../../../lib/query-keys';
import { rangeKey, resolveRangeValue, type RangeValue } from '../../../lib/range-params';
import type { Drill } from '../lib/insight-params';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Keys go from generic to specific; any audit event can move these numbers, so the live stream
 * invalidates `all()`. Preset ranges end at "now", resolved when the request is made.
 */
export const insightQueries = {
  all: () => QUERY_ROOTS.insights,
  summary: (range: RangeValue<string>, tz: string) =>
    queryOptions({
      queryKey: [...insightQueries.all(), 'summary', ...rangeKey(range), tz] as const,
      queryFn: ({ signal }) => {
        const { from, to } = resolveRangeValue(range, Date.now());
        return apiRequest(insightApi.insightsSummary, { query: { from: iso(from), to: iso(to), tz }, signal });
      },
      placeholderData: keepPreviousData,
      meta: { errorTitle: 'Could not refresh the insights' },
    }),
  rollbacks: (range: RangeValue<string>, bucket: BucketSize, trigger: string | null, tz: string) =>
    queryOptions({
      queryKey: [...insightQueries.all(), 'rollbacks', ...rangeKey(range), bucket, trigger, tz] as const,
      queryFn: ({ signal }) => {
        const { from, to } = resolveRangeValue(range, Date.now());
        return apiRequest(insightApi.insightsRollbacks, { query: { from: iso(from), to: iso(to), bucket, tz, ...(trigger ? { trigger } : {}) }, signal });
      },
      placeholderData: keepPreviousData,
      meta: { errorTitle: 'Could not refresh the rollback chart' },
    }),
  events: (d: Drill) =>
    queryOptions({
      queryKey: [...insightQueries.all(), 'events', d.metric, d.namespace, d.from, d.to, d.trigger] as const,
      queryFn: ({ signal }) =>
        apiRequest(insightApi.insightEvents, {
          query: { metric: d.metric, from: iso(d.from), to: iso(d.to), ...(d.namespace ? { namespace: d.namespace } : {}), ...(d.trigger ? { trigger: d.trigger } : {}) },
          signal,
        }),
    }),
};
