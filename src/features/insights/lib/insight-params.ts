/**
 * The insights screen's state, all of it in the URL so a view can be shared: the range (a preset
 * or absolute times), bucket size, trigger filter, time zone, and the number whose events are
 * open in the drawer. Pure.
 */
import { INSIGHT_METRICS, type BucketSize, type InsightMetric } from '@contract/insights';
import { browserTimeZone, parseRangeParam, presetMs, resolveRangeValue, writeRangeParam, type RangeValue } from '../../../lib/range-params';

export const INSIGHT_PRESETS = ['7d', '14d', '30d', '90d'] as const;
export type InsightPreset = (typeof INSIGHT_PRESETS)[number];
/** Two weeks by default: a rollout window, with the two weeks before it to compare against. */
export const RANGE_SPEC = { presets: INSIGHT_PRESETS, fallback: '14d' } as const;

export const BUCKETS: readonly BucketSize[] = ['hour', 'day', 'week'];

export interface Drill {
  metric: InsightMetric;
  /** null: every namespace. */
  namespace: string | null;
  from: number;
  to: number;
  trigger: string | null;
}

export interface InsightParams {
  range: RangeValue<InsightPreset>;
  /** null: chosen from the range (see autoBucket). */
  bucket: BucketSize | null;
  trigger: string | null;
  tz: string;
  drill: Drill | null;
}

/** Hour buckets up to 2 days, days up to 60 days, weeks beyond. */
export function autoBucket(spanMs: number): BucketSize {
  if (spanMs <= 2 * 86_400_000) return 'hour';
  if (spanMs <= 60 * 86_400_000) return 'day';
  return 'week';
}

export const effectiveBucket = (p: InsightParams, spanMs: number): BucketSize => p.bucket ?? autoBucket(spanMs);

const isMetric = (v: string | null): v is InsightMetric => v !== null && (INSIGHT_METRICS as readonly string[]).includes(v);
const isBucket = (v: string | null): v is BucketSize => v !== null && (BUCKETS as readonly string[]).includes(v);

function parseDrill(s: URLSearchParams): Drill | null {
  const metric = s.get('drill');
  const from = Date.parse(s.get('dfrom') ?? '');
  const to = Date.parse(s.get('dto') ?? '');
  if (!isMetric(metric) || !Number.isFinite(from) || !Number.isFinite(to) || !(from < to)) return null;
  return { metric, namespace: s.get('dns') || null, from, to, trigger: s.get('dtrigger') || null };
}

export function parseInsightParams(s: URLSearchParams, defaultTz = browserTimeZone()): InsightParams {
  const bucket = s.get('bucket');
  return {
    range: parseRangeParam(s, RANGE_SPEC),
    bucket: isBucket(bucket) ? bucket : null,
    trigger: s.get('trigger') || null,
    tz: s.get('tz') || defaultTz,
    drill: parseDrill(s),
  };
}

const DRILL_KEYS = ['drill', 'dns', 'dfrom', 'dto', 'dtrigger'];

/** The URL with the drawer open on `drill` (or closed with null), everything else kept. */
export function withDrill(s: URLSearchParams, drill: Drill | null): URLSearchParams {
  const next = new URLSearchParams(s);
  for (const k of DRILL_KEYS) next.delete(k);
  if (drill) {
    next.set('drill', drill.metric);
    if (drill.namespace) next.set('dns', drill.namespace);
    next.set('dfrom', new Date(drill.from).toISOString());
    next.set('dto', new Date(drill.to).toISOString());
    if (drill.trigger) next.set('dtrigger', drill.trigger);
  }
  return next;
}

export function withRange(s: URLSearchParams, range: RangeValue<InsightPreset>): URLSearchParams {
  return writeRangeParam(withDrill(s, null), range, RANGE_SPEC);
}

/** Sets (or with null removes) one plain parameter. */
export function withParam(s: URLSearchParams, key: 'bucket' | 'trigger' | 'tz', value: string | null): URLSearchParams {
  const next = new URLSearchParams(s);
  if (value === null) next.delete(key);
  else next.set(key, value);
  return next;
}

export const resolveInsightRange = (p: InsightParams, now: number) => resolveRangeValue(p.range, now);

/** "last 30 days", or the custom span in days. */
export function rangeLabel(range: RangeValue<InsightPreset>, from: number, to: number): string {
  if (range.key !== 'custom') return `last ${presetMs(range.key) / 86_400_000} days`;
  const days = Math.round((to - from) / 86_400_000);
  return days >= 1 ? `${days} day${days === 1 ? '' : 's'}` : `${Math.round((to - from) / 3_600_000)} hours`;
}
