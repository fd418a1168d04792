/**
 * The insight API's shapes (product I1-I3): per-namespace change failure rate, rollbacks and time
 * to safe rollback over a period, rollback series in time-zone-aligned buckets, the events
 * behind any number, and one timeline of every event kind. Everything is derived from the audit
 * log (plus the guard breaches and parity reports the rollouts store); definitions are in
 * core/insights/model.ts and the README.
 */
import { z } from 'zod/mini';
import { CHANGE_ACTIONS, DEFAULT_FAILURE_WINDOW_MS } from '@core/insights/model';
import { BUCKET_SIZES, isTimeZone } from '@core/insights/time-buckets';
import { MarkerKind, RolloutId } from './rollouts';
import { AuditEventSchema, NamespaceId } from './schemas';

const isoTime = z.iso.datetime({ offset: true });

export const TimeZone = z.string().check(z.maxLength(64), z.refine(isTimeZone, 'an IANA time zone such as UTC, Europe/Berlin or America/New_York'));

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_FAILURE_WINDOW_MS = 30 * UNIT_MS.d;

/** `failureWindow`: a duration such as `30m`, `24h` or `7d` (1 minute to 30 days). */
export const FailureWindow = z.prefault(
  z
    .pipe(
      z.string().check(z.regex(/^\d{1,5}[mhd]$/, 'a duration such as 30m, 24h or 7d')),
      z.transform((s) => Number(s.slice(0, -1)) * UNIT_MS[s.slice(-1) as keyof typeof UNIT_MS]),
    )
    .check(z.refine((ms) => ms >= UNIT_MS.m && ms <= MAX_FAILURE_WINDOW_MS, 'the failure window is 1 minute to 30 days')),
  `${DEFAULT_FAILURE_WINDOW_MS / UNIT_MS.h}h`,
);

export const BucketSize = z.enum(BUCKET_SIZES);
export type BucketSize = z.infer<typeof BucketSize>;

/** `manual`, `automatic` (any guard rule) or one guard rule's id. */
export const TriggerFilter = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'manual, automatic, or a guard rule id'));

const period = {
  /** Default: `to` minus 30 days. */
  from: z.optional(isoTime),
  /** Default: now. */
  to: z.optional(isoTime),
  /** The user's time zone (IANA); buckets start at its local hours, midnights and Mondays. */
  tz: z._default(TimeZone, 'UTC'),
  failureWindow: FailureWindow,
};

// ---------- summary ----------

export const InsightsSummaryQuery = z.object(period);

export const PeriodNumbersSchema = z.object({
  /** Loads + patches + restores + rollout promotions made in the period. */
  changes: z.number().check(z.int()),
  loads: z.number().check(z.int()),
  patches: z.number().check(z.int()),
  restores: z.number().check(z.int()),
  promotions: z.number().check(z.int()),
  /** Changes of the period that failed (a rollback or kill switch within the failure window after them). */
  failures: z.number().check(z.int()),
  /** failures / changes; null without changes. */
  changeFailureRate: z.nullable(z.number()),
  rollbacks: z.number().check(z.int()),
  manualRollbacks: z.number().check(z.int()),
  automaticRollbacks: z.number().check(z.int()),
  killSwitchEpisodes: z.number().check(z.int()),
  /** Rollbacks or kill switches that were the first recovery of a failed change (the samples of time to safe rollback). */
  recoveries: z.number().check(z.int()),
  timeToSafeRollbackMeanMs: z.nullable(z.number()),
  timeToSafeRollbackP90Ms: z.nullable(z.number()),
});
export type PeriodNumbers = z.infer<typeof PeriodNumbersSchema>;

export const RiskSchema = z.object({
  /** failures + 2 x automatic rollbacks in the period's last 7 days + kill-switch episodes. */
  score: z.number(),
  level: z.enum(['none', 'low', 'medium', 'high']),
  automaticRollbacks7d: z.number().check(z.int()),
});
export type Risk = z.infer<typeof RiskSchema>;

export const NamespaceInsightSchema = z.object({
  namespace: z.string(),
  current: PeriodNumbersSchema,
  /** The period of equal length just before. */
  previous: PeriodNumbersSchema,
  risk: RiskSchema,
});
export type NamespaceInsight = z.infer<typeof NamespaceInsightSchema>;

export const InsightsSummary = z.object({
  from: z.number(),
  to: z.number(),
  previousFrom: z.number(),
  tz: z.string(),
  failureWindowMs: z.number(),
  /** The audit actions that count as changes. */
  changeActions: z.array(z.enum(CHANGE_ACTIONS)),
  totals: z.object({ current: PeriodNumbersSchema, previous: PeriodNumbersSchema }),
  /** Every namespace, riskiest first (then by change failure rate, then by changes). */
  namespaces: z.array(NamespaceInsightSchema),
});
export type InsightsSummary = z.infer<typeof InsightsSummary>;

// ---------- rollback series ----------

export const RollbacksQuery = z.object({
  ...period,
  bucket: z._default(BucketSize, 'day'),
  trigger: z.optional(TriggerFilter),
  namespace: z.optional(NamespaceId),
});

export const BucketCountsSchema = z.object({
  loads: z.number().check(z.int()),
  patches: z.number().check(z.int()),
  restores: z.number().check(z.int()),
  promotions: z.number().check(z.int()),
  changes: z.number().check(z.int()),
  failures: z.number().check(z.int()),
  /** Rollbacks matching the trigger filter (all without one). */
  rollbacks: z.number().check(z.int()),
  manual: z.number().check(z.int()),
  automatic: z.number().check(z.int()),
  /** Rollbacks by trigger: `manual` or the guard rule's id. */
  byTrigger: z.record(z.string(), z.number().check(z.int())),
  killSwitchEpisodes: z.number().check(z.int()),
});
export type BucketCounts = z.infer<typeof BucketCountsSchema>;

export const TriggerSchema = z.object({
  id: z.string(),
  label: z.string(),
  automatic: z.boolean(),
  /** Rollbacks with this trigger in the range (all namespaces). */
  count: z.number().check(z.int()),
});
export type Trigger = z.infer<typeof TriggerSchema>;

export const RollbackSeries = z.object({
  from: z.number(),
  to: z.number(),
  bucket: BucketSize,
  tz: z.string(),
  trigger: z.nullable(z.string()),
  /** Every bucket of the range, also those without events; [start, end) in epoch ms (23 or 25 hours on DST days). */
  buckets: z.array(z.object({ start: z.number(), end: z.number() })),
  /** Every trigger seen in the range, with its count (before the trigger filter). */
  triggers: z.array(TriggerSchema),
  namespaces: z.array(
    z.object({
      namespace: z.string(),
      /** One entry per bucket, in bucket order. */
      points: z.array(BucketCountsSchema),
      totals: BucketCountsSchema,
    }),
  ),
});
export type RollbackSeries = z.infer<typeof RollbackSeries>;

// ---------- the events behind a number ----------

export const INSIGHT_METRICS = [
  'changes',
  'loads',
  'patches',
  'restores',
  'promotions',
  'failures',
  'rollbacks',
  'rollbacks_manual',
  'rollbacks_automatic',
  'kill_switch',
  'recoveries',
] as const;
export const InsightMetric = z.enum(INSIGHT_METRICS);
export type InsightMetric = z.infer<typeof InsightMetric>;

export const InsightEventsQuery = z.object({
  /** Every namespace when absent. */
  namespace: z.optional(NamespaceId),
  metric: InsightMetric,
  /** The bucket or period: [from, to). */
  from: isoTime,
  to: isoTime,
  trigger: z.optional(TriggerFilter),
  failureWindow: FailureWindow,
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 200),
});

export const DetectionSchema = z.object({
  kind: z.enum(['guard_breach', 'parity_spike']),
  at: z.string(),
  rolloutId: z.string(),
  ref: z.string(),
  label: z.string(),
});
export type DetectionDto = z.infer<typeof DetectionSchema>;

export const InsightEventItem = z.object({
  event: AuditEventSchema,
  /**
   * For a failed change: the rollbacks and kill switches that failed it. For a rollback, kill
   * switch or recovery: the changes it failed (recovered).
   */
  related: z.array(AuditEventSchema),
  /** Recoveries: what detected the problem first (null: the clock started at the change). */
  detection: z.nullable(DetectionSchema),
  /** Recoveries: when the clock started, and the time to safe rollback. */
  startAt: z.nullable(z.string()),
  durationMs: z.nullable(z.number()),
});
export type InsightEventItem = z.infer<typeof InsightEventItem>;

export const InsightEvents = z.object({
  metric: InsightMetric,
  namespace: z.nullable(z.string()),
  from: z.number(),
  to: z.number(),
  /** Matching items (all of them; `items` holds the newest `limit`). */
  total: z.number().check(z.int()),
  items: z.array(InsightEventItem),
});
export type InsightEvents = z.infer<typeof InsightEvents>;

// ---------- timeline ----------

/** The rollout charts' marker kinds: the timeline and the charts show the same events. */
export const TIMELINE_KINDS = MarkerKind.options;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineQuery = z.object({
  /** Default: `to` minus 7 days. */
  from: z.optional(isoTime),
  to: z.optional(isoTime),
  namespace: z.optional(NamespaceId),
  /** One rollout: its events, its namespace's configuration events, its breaches and spikes. */
  rollout: z.optional(RolloutId),
  /** Comma-separated kinds; every kind when absent. */
  kinds: z.optional(z.pipe(z.pipe(z.string().check(z.maxLength(1000)), z.transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))), z.array(TimelineKind).check(z.maxLength(TIMELINE_KINDS.length)))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5000)), 1000),
});

export const TimelineLink = z.discriminatedUnion('type', [
  z.object({ type: z.literal('diff'), namespace: z.string(), from: z.number().check(z.int()), to: z.number().check(z.int()) }),
  z.object({ type: z.literal('version'), namespace: z.string(), version: z.number().check(z.int()) }),
  z.object({ type: z.literal('namespace'), namespace: z.string() }),
  z.object({ type: z.literal('rollout'), rolloutId: z.string() }),
  z.object({ type: z.literal('parity'), rolloutId: z.string() }),
]);
export type TimelineLink = z.infer<typeof TimelineLink>;

export const TimelineItemSchema = z.object({
  /** Unique in the response: `event:<id>`, `breach:<rollout>:<breachId>`, `spike:<id>`. */
  id: z.string(),
  /** Epoch ms. */
  t: z.number(),
  kind: TimelineKind,
  namespace: z.nullable(z.string()),
  rolloutId: z.nullable(z.string()),
  /** What happened, in a few words: "Loaded v14", "Automatic rollback from Ramp 25% to Shadow". */
  label: z.string(),
  /** Why (the audit reason, the breach sentence). */
  reason: z.nullable(z.string()),
  actor: z.nullable(z.string()),
  severity: z.enum(['info', 'warning', 'critical']),
  automatic: z.boolean(),
  eventId: z.nullable(z.number().check(z.int())),
  version: z.nullable(z.number().check(z.int())),
  /** Where to see it: the diff, the version, the rollout (its guards) or its parity review. */
  link: z.nullable(TimelineLink),
});
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const TimelineResponse = z.object({
  from: z.number(),
  to: z.number(),
  /** Oldest first. */
  items: z.array(TimelineItemSchema),
  /** More items matched than `limit`: the newest `limit` are returned. */
  truncated: z.boolean(),
});
export type TimelineResponse = z.infer<typeof TimelineResponse>;
