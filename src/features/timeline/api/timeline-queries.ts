import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import * as insightApi from '@contract/routes-insights';
import { TIMELINE_QUERY_KEY } from '../../../components/timeline/timeline-model';
import { apiRequest } from '../../../lib/api-client';
import { rangeKey, resolveRangeValue, type RangeValue } from '../../../lib/range-params';

const iso = (ms: number) => new Date(ms).toISOString();

/** Every kind is fetched (the filters count them); the live stream invalidates TIMELINE_QUERY_KEY. */
export const timelineQueries = {
  list: (range: RangeValue<string>, namespace: string | null) =>
    queryOptions({
      queryKey: [...TIMELINE_QUERY_KEY, 'all', ...rangeKey(range), namespace] as const,
      queryFn: ({ signal }) => {
        const { from, to } = resolveRangeValue(range, Date.now());
        return apiRequest(insightApi.timeline, { query: { from: iso(from), to: iso(to), limit: 2000, ...(namespace ? { namespace } : {}) }, signal });
      },
      placeholderData: keepPreviousData,
      meta: { errorTitle: 'Could not refresh the timeline' },
    }),
};
