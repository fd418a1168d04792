import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import * as insightApi from '@contract/routes-insights';
import { TIMELINE_QUERY_KEY } from '../../../components/timeline/timeline-model';
import { apiRequest } from '../../../lib/api-client';
import { rangeKey, resolveRangeValue, type RangeValue } from '../../../lib/range-params';

const iso = (ms: number) => new Date(ms).toISOString();

/** One namespace's timeline (every kind; the filters count them). */
export const namespaceTimelineQuery = (ns: string, range: RangeValue<string>) =>
  queryOptions({
    queryKey: [...TIMELINE_QUERY_KEY, 'namespace', ns, ...rangeKey(range)] as const,
    queryFn: ({ signal }) => {
      const { from, to } = resolveRangeValue(range, Date.now());
      return apiRequest(insightApi.timeline, { query: { from: iso(from), to: iso(to), namespace: ns, limit: 1000 }, signal });
    },
    placeholderData: keepPreviousData,
    meta: { errorTitle: `Could not refresh the timeline of ${ns}` },
  });
