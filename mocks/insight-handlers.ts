/** MSW handlers for /api/v1/insights/* and /api/v1/timeline, typed by the contract. */
import type { BucketSize, InsightMetric } from '@contract/insights';
import { INSIGHT_METRICS } from '@contract/insights';
import { insightEvents, insightsSummary, rollbackSeries, timelineFor } from './insight-data';
import { apiErrorReply, typedHandler } from './typed-handler';

const DAY = 86_400_000;

function range(request: Request, defaultDays: number) {
  const q = new URL(request.url).searchParams;
  const to = q.get('to') ? Date.parse(q.get('to') ?? '') : Date.now();
  const from = q.get('from') ? Date.parse(q.get('from') ?? '') : to - defaultDays * DAY;
  return { q, from, to };
}

const isMetric = (v: string | null): v is InsightMetric => v !== null && (INSIGHT_METRICS as readonly string[]).includes(v);

export const insightHandlers = [
  typedHandler('insightsSummary', ({ request }) => {
    const { from, to } = range(request, 30);
    return insightsSummary(from, to);
  }),
  typedHandler('insightsRollbacks', ({ request }) => {
    const { q, from, to } = range(request, 30);
    const bucket = (q.get('bucket') ?? 'day') as BucketSize;
    return rollbackSeries(from, to, bucket, q.get('tz') ?? 'UTC', q.get('trigger'));
  }),
  typedHandler('insightEvents', ({ request }) => {
    const { q, from, to } = range(request, 30);
    const metric = q.get('metric');
    if (!isMetric(metric)) return apiErrorReply(400, 'BadRequest', 'query parameter metric: invalid', { path: '/metric' });
    return insightEvents(metric, q.get('namespace'), from, to);
  }),
  typedHandler('timeline', ({ request }) => {
    const { q, from, to } = range(request, 7);
    return timelineFor(from, to, q.get('namespace'));
  }),
];
