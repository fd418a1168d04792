/**
 * The rollout API's shapes (product O1-O12, I3 markers): rollouts bound to a namespace flag,
 * stage control, settings, V1-vs-V2 metrics with thresholds, verdicts and markers, the gate,
 * counters, parity review, and the reporter ingest endpoints. Ingest payloads and settings are
 * validated with the pure domain's schemas (`core/rollout/schemas.ts`), so the server, the SPA
 * and reporters agree on one definition.
 */
import { z } from 'zod/mini';
import {
  CanaryConfigSchema,
  CumulativeReportSchema,
  GateThresholdsSchema,
  GuardRuleSchema,
  GuardRulesSchema,
  MetricsIngestSchema,
  ParityIngestSchema,
  ParityOutputSchema,
  ParitySamplingSchema,
  StepSchema,
  StepsSchema,
} from '@core/rollout/schemas';
import { METRICS, PARITY_STATUSES, ROLLOUT_MODES, ROLLOUT_STATUSES, STAGES, DECISION_ACTIONS } from '@core/rollout/model';
import { AuditEventSchema, NamespaceId, Reason, VersionSummarySchema } from './schemas';

export {
  CanaryConfigSchema,
  CumulativeReportSchema,
  GateThresholdsSchema,
  GuardRuleSchema,
  GuardRulesSchema,
  MetricsIngestSchema,
  ParityIngestSchema,
  ParityOutputSchema,
  ParitySamplingSchema,
  StepSchema,
  StepsSchema,
};

export const ROLLOUT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const RolloutId = z.string().check(z.regex(ROLLOUT_ID, 'a rollout id is 1-64 lowercase letters, digits or "-", starting with a letter or digit'));

export const RolloutMode = z.enum(ROLLOUT_MODES);
export const RolloutStage = z.enum(STAGES);
export const RolloutStatus = z.enum(ROLLOUT_STATUSES);
export const MetricName = z.enum(METRICS);
export const ParityStatus = z.enum(PARITY_STATUSES);
export const GateStatus = z.enum(['accept', 'hold', 'rollback_recommended']);
export type GateStatus = z.infer<typeof GateStatus>;
export const VerdictLevel = z.enum(['ok', 'warning', 'critical', 'no_data']);
export const TriageStatus = z.enum(['expected', 'bug', 'ignored']);
export type TriageStatus = z.infer<typeof TriageStatus>;

/** V1 / V2 value of the bound flag: a boolean for BOOLEAN flags, an enum constant for ENUM flags. */
export const VariantValue = z.union([z.boolean(), z.string().check(z.minLength(1), z.maxLength(256))]);

// ---------- the policy apps read from the snapshot ----------

/**
 * The value of the companion DATA_CLASS flag `feature::<ns>::<flagName>Rollout`
 * (dataClassName `switchyard.RolloutPolicy`): what a runtime such as jido's reporter needs to
 * route signals (`core/rollout/routing.ts` decide). Its declared default is mode `disabled`.
 */
export const RolloutPolicySchema = z.object({
  rolloutId: z.string(),
  mode: RolloutMode,
  stage: RolloutStage,
  stepIndex: z.number().check(z.int()),
  /** Percent of traffic on V2 (0..100); also the rampUp of the bound flag's rollout rule. */
  share: z.number(),
  canary: CanaryConfigSchema,
  parity: ParitySamplingSchema,
});
export type RolloutPolicy = z.infer<typeof RolloutPolicySchema>;

/** What the namespace's active snapshot says about the rollout: the truth for stage and share. */
export const RolloutLiveSchema = z.object({
  namespace: z.string(),
  activeVersion: z.number().check(z.int()),
  /** The policy flag in the active snapshot; null when the snapshot does not carry it (e.g. a rollback to before the rollout), then apps see mode `disabled`. */
  policy: z.nullable(RolloutPolicySchema),
  /** rampUp of the `switchyard-rollout:<id>` rule on the bound flag; null when the rule is absent. */
  ruleShare: z.nullable(z.number()),
  /** The namespace kill switch is on: apps see every flag's declared default (V1, policy disabled). */
  killSwitch: z.boolean(),
  /** Policy and rule agree with each other and with what the rollout last wrote. */
  inSync: z.boolean(),
});
export type RolloutLive = z.infer<typeof RolloutLiveSchema>;

export const RolloutStateSchema = z.object({
  status: RolloutStatus,
  /** From the active snapshot (step 0 when the snapshot has no policy). */
  stepIndex: z.number().check(z.int()),
  stage: RolloutStage,
  share: z.number(),
  mode: RolloutMode,
  paused: z.boolean(),
  pausedReason: z.nullable(z.string()),
  /** When the current step began (the guards and the gate streak look at what arrived since). */
  stageStartedAt: z.string(),
});
export type RolloutState = z.infer<typeof RolloutStateSchema>;

export const GuardRuleDto = GuardRuleSchema;
export type GuardRuleDto = z.infer<typeof GuardRuleDto>;

/** One-glance verdict for lists: the latest gate status and the worst guard state now. */
export const RolloutVerdictSchema = z.object({
  gate: z.nullable(GateStatus),
  gateReasons: z.array(z.string()),
  acceptStreak: z.number().check(z.int()),
  promotionAllowed: z.boolean(),
  /** Worst state of any guard rule over the windows since the stage began. */
  guards: z.enum(['ok', 'pending', 'breached', 'no_data']),
});

export const RolloutSummarySchema = z.object({
  id: z.string(),
  namespace: z.string(),
  flagKey: z.string(),
  flagName: z.string(),
  flagType: z.enum(['BOOLEAN', 'ENUM']),
  v1Value: VariantValue,
  v2Value: VariantValue,
  /** The companion policy flag's key. */
  policyFlagKey: z.string(),
  description: z.nullable(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Bumped on every rollout change (and when a namespace change alters the policy): send it as If-Match. */
  revision: z.number().check(z.int()),
  steps: z.array(StepSchema),
  state: RolloutStateSchema,
  canary: CanaryConfigSchema,
  parity: ParitySamplingSchema,
  live: RolloutLiveSchema,
  verdict: RolloutVerdictSchema,
  /** The latest audit event written by the guards engine (actor `switchyard-guards`). */
  lastGuardEvent: z.nullable(AuditEventSchema),
  lastWindowAt: z.nullable(z.string()),
  lastReportAt: z.nullable(z.string()),
  /** The bound namespace's last 7 days (as in its NamespaceSummary): rollbacks, changes, change failure rate. Always sent by the server. */
  namespaceRecent: z.optional(z.object({ rollbacks7d: z.number().check(z.int()), changes7d: z.number().check(z.int()), changeFailureRate7d: z.nullable(z.number()) })),
});
export type RolloutSummary = z.infer<typeof RolloutSummarySchema>;

export const GuardStatusDto = z.object({
  ruleId: z.string(),
  label: z.string(),
  severity: z.enum(['warning', 'critical']),
  action: z.enum(['pause', 'rollback', 'none']),
  state: z.enum(['ok', 'pending', 'breached']),
  consecutiveMinutes: z.number().check(z.int()),
  forMinutes: z.number().check(z.int()),
  threshold: z.number(),
  /** Latest compared value (V2, or V2/V1 for relative rules) and its minute. */
  latestValue: z.nullable(z.number()),
  latestAt: z.nullable(z.string()),
  runStartedAt: z.nullable(z.string()),
  breachId: z.nullable(z.string()),
});

/** A breach the guards engine recorded (exactly once per breachId). */
export const GuardBreachDto = z.object({
  breachId: z.string(),
  ruleId: z.string(),
  severity: z.enum(['warning', 'critical']),
  /** What the engine did: rolled back, paused, or only noted it (already paused / rolled back, or action none). */
  outcome: z.enum(['rolled_back', 'paused', 'noted']),
  startedAt: z.string(),
  firedAt: z.string(),
  detectedAt: z.string(),
  sentence: z.string(),
  eventId: z.nullable(z.number().check(z.int())),
});
export type GuardBreachDto = z.infer<typeof GuardBreachDto>;

export const RolloutDetailSchema = z.extend(RolloutSummarySchema, {
  guards: z.array(GuardRuleSchema),
  gateThresholds: GateThresholdsSchema,
  guardStatus: z.array(GuardStatusDto),
  breaches: z.array(GuardBreachDto),
  /** Audit events of this rollout, newest first (at most 200): the stage track's history. */
  events: z.array(AuditEventSchema),
  countersResetAt: z.nullable(z.string()),
});
export type RolloutDetail = z.infer<typeof RolloutDetailSchema>;

// ---------- requests ----------

export const CreateRolloutBody = z.strictObject({
  /** Default: `<namespace>-<flag name>` lowercased (with a numeric suffix when taken). */
  id: z.optional(RolloutId),
  namespace: NamespaceId,
  /** The bound flag: its full key or its short name. BOOLEAN or ENUM. */
  flag: z.string().check(z.minLength(1), z.maxLength(512)),
  v1Value: VariantValue,
  v2Value: VariantValue,
  description: z.optional(z.string().check(z.maxLength(2000))),
  steps: z.optional(StepsSchema),
  canary: z.optional(CanaryConfigSchema),
  parity: z.optional(ParitySamplingSchema),
  guards: z.optional(GuardRulesSchema),
  gateThresholds: z.optional(GateThresholdsSchema),
  reason: Reason,
});
export type CreateRolloutBody = z.infer<typeof CreateRolloutBody>;

export const PromoteBody = z.strictObject({
  reason: Reason,
  /** Admins only: promote although the gate has not accepted twice in a row. */
  override: z._default(z.boolean(), false),
});
export const RolloutActionBody = z.strictObject({ reason: Reason });

export const RolloutSettingsBody = z.strictObject({
  canary: z.optional(CanaryConfigSchema),
  parity: z.optional(ParitySamplingSchema),
  guards: z.optional(GuardRulesSchema),
  gateThresholds: z.optional(GateThresholdsSchema),
  /** Only while at step 0 (shadow). */
  steps: z.optional(StepsSchema),
  reason: Reason,
}).check(z.refine((b) => b.canary !== undefined || b.parity !== undefined || b.guards !== undefined || b.gateThresholds !== undefined || b.steps !== undefined, {
  message: 'send at least one of canary, parity, guards, gateThresholds, steps',
}));
export type RolloutSettingsBody = z.infer<typeof RolloutSettingsBody>;

export const RolloutMutationResponse = z.object({
  rollout: RolloutDetailSchema,
  event: AuditEventSchema,
  /** The snapshot version written (stage changes, rollbacks, canary/sampling changes); null otherwise. */
  version: z.nullable(VersionSummarySchema),
});
export type RolloutMutationResponse = z.infer<typeof RolloutMutationResponse>;

// ---------- metrics ----------

export const SeriesBucketSchema = z.object({
  t: z.number(),
  windowCount: z.number().check(z.int()),
  requests: z.nullable(z.number()),
  errors: z.nullable(z.number()),
  errorRate: z.nullable(z.number()),
  latencyAvgMs: z.nullable(z.number()),
  latencyP50Ms: z.nullable(z.number()),
  latencyP95Ms: z.nullable(z.number()),
  latencyP99Ms: z.nullable(z.number()),
  latencyP99MaxMs: z.nullable(z.number()),
  memoryMb: z.nullable(z.number()),
  cpuPct: z.nullable(z.number()),
  throughput: z.nullable(z.number()),
});
export type SeriesBucketDto = z.infer<typeof SeriesBucketSchema>;

export const ThresholdLineSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  severity: z.enum(['warning', 'critical']),
  action: z.enum(['pause', 'rollback', 'none']),
  kind: z.enum(['absolute', 'relative_to_v1']),
  value: z.nullable(z.number()),
  points: z.array(z.object({ t: z.number(), value: z.nullable(z.number()) })),
});

export const MetricVerdictSchema = z.object({
  metric: MetricName,
  level: VerdictLevel,
  sentence: z.string(),
  v2Value: z.nullable(z.number()),
  v1Value: z.nullable(z.number()),
  deviationPct: z.nullable(z.number()),
  minutes: z.number().check(z.int()),
  rules: z.array(z.object({ ruleId: z.string(), severity: z.enum(['warning', 'critical']), heldMinutes: z.number().check(z.int()) })),
});
export type MetricVerdictDto = z.infer<typeof MetricVerdictSchema>;

export const MarkerKind = z.enum([
  'snapshot_load',
  'snapshot_patch',
  'snapshot_restore',
  'snapshot_rollback',
  'kill_switch_on',
  'kill_switch_off',
  'stage_change',
  'rollout_rollback',
  'rollout_pause',
  'rollout_resume',
  'guard_breach',
  /** A run of parity mismatches (5 within 10 minutes, core/insights/parity-spikes.ts). */
  'parity_spike',
]);
export type MarkerKind = z.infer<typeof MarkerKind>;

/** One event on the time axis of the charts (I3). */
export const MarkerSchema = z.object({
  /** Epoch ms. */
  t: z.number(),
  kind: MarkerKind,
  /** Short text for a tooltip: "Promoted to Ramp 25%", "v14 rolled back to v12", "V2 error rate above 5% for 5 consecutive minutes". */
  label: z.string(),
  actor: z.nullable(z.string()),
  severity: z.enum(['info', 'warning', 'critical']),
  automatic: z.boolean(),
  eventId: z.nullable(z.number().check(z.int())),
  breachId: z.nullable(z.string()),
  version: z.nullable(z.number().check(z.int())),
});
export type Marker = z.infer<typeof MarkerSchema>;

const isoTime = z.iso.datetime({ offset: true });

export const MetricsQuery = z.object({
  /** Default: `to` minus 6 hours. */
  from: z.optional(isoTime),
  /** Default: now. */
  to: z.optional(isoTime),
  /** At most this many buckets per variant (default 360). */
  points: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(2000)), 360),
  /** Minutes the verdicts look back from `to` (default 10). */
  verdictMinutes: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1440)), 10),
});

export const MetricsResponse = z.object({
  rolloutId: z.string(),
  from: z.number(),
  to: z.number(),
  bucketMs: z.number(),
  v1: z.array(SeriesBucketSchema),
  v2: z.array(SeriesBucketSchema),
  /** Threshold lines per metric (absolute: a constant; relative to V1: a value per bucket). */
  thresholds: z.record(MetricName, z.array(ThresholdLineSchema)),
  /** One verdict per metric over the last `verdictMinutes` before min(to, now). */
  verdicts: z.array(MetricVerdictSchema),
  markers: z.array(MarkerSchema),
});
export type MetricsResponse = z.infer<typeof MetricsResponse>;

// ---------- gate ----------

export const GateCheckSchema = z.object({
  id: z.enum(['runtime_decisions', 'parity_reports', 'mismatch_rate', 'legacy_unavailable_rate', 'drop_rate']),
  label: z.string(),
  detail: z.string(),
  value: z.number(),
  threshold: z.number(),
  ok: z.boolean(),
  onFail: z.enum(['hold', 'rollback_recommended']),
  reason: z.string(),
});

export const GateResultSchema = z.object({
  status: GateStatus,
  reasons: z.array(z.string()),
  checks: z.array(GateCheckSchema),
  metrics: z.record(z.string(), z.number()),
  thresholds: GateThresholdsSchema,
});

export const GateResponse = z.object({
  rolloutId: z.string(),
  stepIndex: z.number().check(z.int()),
  currentStep: StepSchema,
  /** The step promotion would go to; null at the last step. */
  nextStep: z.nullable(StepSchema),
  /** The latest cumulative report the gate read (counts since the manual counters reset, if any). */
  report: z.nullable(z.object({ id: z.number().check(z.int()), capturedAt: z.string(), receivedAt: z.string() })),
  gate: z.nullable(GateResultSchema),
  /** Gate statuses of the reports since the stage began, oldest first (at most 20). */
  recent: z.array(z.object({ capturedAt: z.string(), status: GateStatus })),
  acceptStreak: z.number().check(z.int()),
  requiredStreak: z.number().check(z.int()),
  promotionAllowed: z.boolean(),
  /** Why promotion is not possible now, besides the gate (paused, rolled back, at the last step, completed). */
  blockers: z.array(z.string()),
});
export type GateResponse = z.infer<typeof GateResponse>;

// ---------- counters ----------

const DecisionCountsDto = z.object(Object.fromEntries(DECISION_ACTIONS.map((a) => [a, z.number()])) as Record<(typeof DECISION_ACTIONS)[number], z.ZodMiniNumber>);

const CounterDeltasSchema = z.object({
  decisions: DecisionCountsDto,
  reasons: z.record(z.string(), z.number()),
  parity: z.object({ samples: z.number(), reports: z.number(), match: z.number(), mismatch: z.number(), legacy_unavailable: z.number() }),
});

export const CounterPointSchema = z.extend(CounterDeltasSchema, {
  at: z.number(),
  capturedAt: z.string(),
  seconds: z.number(),
  reset: z.boolean(),
  perMinute: CounterDeltasSchema,
});

export const CountersQuery = z.object({
  from: z.optional(isoTime),
  to: z.optional(isoTime),
});

export const CountersResponse = z.object({
  rolloutId: z.string(),
  from: z.number(),
  to: z.number(),
  /** One point per pair of successive cumulative reports in the range (counterRates). */
  points: z.array(CounterPointSchema),
  /** Every reason seen in the points, sorted. */
  reasons: z.array(z.string()),
  /** Reporter resets (a counter went down) and manual resets (POST …/counters/reset) in the range. */
  resets: z.array(z.object({ at: z.number(), kind: z.enum(['detected', 'manual']), actor: z.nullable(z.string()), reason: z.nullable(z.string()) })),
  /** The latest report's cumulative counts (since the manual reset when there was one). */
  latest: z.nullable(z.object({ capturedAt: z.string(), decisionCounts: DecisionCountsDto, reasonCounts: z.record(z.string(), z.number()), parityReportCount: z.number(), paritySampleCount: z.number() })),
});
export type CountersResponse = z.infer<typeof CountersResponse>;

// ---------- parity ----------

export const TriageSchema = z.object({
  status: TriageStatus,
  note: z.nullable(z.string()),
  by: z.string(),
  at: z.string(),
  /** Set by triaging the whole pattern (PATCH …/parity/patterns), not this report alone. */
  viaPattern: z.boolean(),
});
export type Triage = z.infer<typeof TriageSchema>;

export const ParityReportDto = z.object({
  id: z.number().check(z.int()),
  rolloutId: z.string(),
  subject: z.string(),
  comparedAt: z.string(),
  receivedAt: z.string(),
  status: ParityStatus,
  adapter: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  eventOutputCount: z.number().check(z.int()),
  legacyOutputCount: z.number().check(z.int()),
  missingInLegacy: z.number().check(z.int()),
  missingInEvent: z.number().check(z.int()),
  /** The differing outputs: V1's without a V2 twin, V2's without a V1 twin. */
  onlyInV1: z.array(ParityOutputSchema),
  onlyInV2: z.array(ParityOutputSchema),
  pattern: z.string(),
  triage: z.nullable(TriageSchema),
  /** Whether both sides' full outputs are still kept (the latest 1,000 reports per rollout). */
  outputsKept: z.boolean(),
});
export type ParityReportDto = z.infer<typeof ParityReportDto>;

export const ParityReportDetail = z.extend(ParityReportDto, {
  v1Outputs: z.nullable(z.array(ParityOutputSchema)),
  v2Outputs: z.nullable(z.array(ParityOutputSchema)),
});
export type ParityReportDetail = z.infer<typeof ParityReportDetail>;

export const ParityReportsQuery = z.object({
  status: z.optional(ParityStatus),
  /** `untriaged` or a triage status. */
  triage: z.optional(z.enum(['untriaged', 'expected', 'bug', 'ignored'])),
  pattern: z.optional(z.string().check(z.maxLength(4000))),
  subject: z.optional(z.string().check(z.maxLength(512))),
  /** Report id: only older reports (paging). */
  before: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 50),
});

export const ParityReportPage = z.object({
  items: z.array(ParityReportDto),
  /** Matching reports kept (all pages). */
  total: z.number().check(z.int()),
  nextBefore: z.nullable(z.number().check(z.int())),
});
export type ParityReportPage = z.infer<typeof ParityReportPage>;

export const TriageCounts = z.object({ untriaged: z.number().check(z.int()), expected: z.number().check(z.int()), bug: z.number().check(z.int()), ignored: z.number().check(z.int()) });

export const ParityPatternSchema = z.object({
  pattern: z.string(),
  status: z.enum(['mismatch', 'legacy_unavailable']),
  /** All reports ever ingested with this pattern (kept as an aggregate beyond the report bound). */
  count: z.number().check(z.int()),
  /** Reports of the pattern still kept. */
  kept: z.number().check(z.int()),
  firstSeen: z.string(),
  lastSeen: z.string(),
  triage: TriageCounts,
  /** The triage applied to the whole pattern (new reports of the pattern inherit it). */
  patternTriage: z.nullable(TriageSchema),
  exampleReportId: z.nullable(z.number().check(z.int())),
});
export type ParityPattern = z.infer<typeof ParityPatternSchema>;

export const ParityPatternsResponse = z.object({
  rolloutId: z.string(),
  /** Most frequent first. */
  items: z.array(ParityPatternSchema),
  totals: z.object({ reports: z.number().check(z.int()), match: z.number().check(z.int()), mismatch: z.number().check(z.int()), legacy_unavailable: z.number().check(z.int()) }),
});
export type ParityPatternsResponse = z.infer<typeof ParityPatternsResponse>;

export const TriageBody = z.strictObject({
  /** null clears the triage. */
  triage: z.nullable(TriageStatus),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

export const PatternTriageBody = z.strictObject({
  pattern: z.string().check(z.minLength(1), z.maxLength(4000)),
  triage: z.nullable(TriageStatus),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

export const TriageResponse = z.object({ report: ParityReportDto, event: AuditEventSchema });
export const PatternTriageResponse = z.object({ pattern: ParityPatternSchema, updated: z.number().check(z.int()), event: AuditEventSchema });

export const CompareBody = z.strictObject({ subject: z.string().check(z.minLength(1), z.maxLength(512)) });

/**
 * On-demand compare (O7): the multiset comparison re-run, now, over the latest outputs stored
 * for the subject (the newest kept report of that subject with both sides' outputs). Nothing
 * is stored: the re-run adds no new evidence, so it does not count as a parity report.
 */
export const CompareResponse = z.object({
  subject: z.string(),
  comparedAt: z.string(),
  source: z.object({ reportId: z.number().check(z.int()), comparedAt: z.string(), status: ParityStatus }),
  status: ParityStatus,
  eventOutputCount: z.number().check(z.int()),
  legacyOutputCount: z.number().check(z.int()),
  missingInLegacy: z.number().check(z.int()),
  missingInEvent: z.number().check(z.int()),
  onlyInV1: z.array(ParityOutputSchema),
  onlyInV2: z.array(ParityOutputSchema),
  pattern: z.string(),
  v1Outputs: z.nullable(z.array(ParityOutputSchema)),
  v2Outputs: z.array(ParityOutputSchema),
  /** The re-run agrees with the stored report's status and pattern. */
  sameAsStored: z.boolean(),
});
export type CompareResponse = z.infer<typeof CompareResponse>;

// ---------- ingest ----------

/** What the guards engine did after an ingest (or a timer tick). */
export const GuardOutcomeSchema = z.object({
  breachId: z.string(),
  ruleId: z.string(),
  outcome: z.enum(['rolled_back', 'paused', 'noted']),
  eventId: z.nullable(z.number().check(z.int())),
});

export const MetricsIngestResponse = z.object({
  accepted: z.number().check(z.int()),
  inserted: z.number().check(z.int()),
  updated: z.number().check(z.int()),
  /** Windows older than the retention (14 days) are acknowledged and dropped. */
  dropped: z.number().check(z.int()),
  /** Newest window start kept per variant, epoch ms. */
  latestStart: z.object({ v1: z.nullable(z.number()), v2: z.nullable(z.number()) }),
  guards: z.array(GuardOutcomeSchema),
});

export const ReporterIngestResponse = z.object({
  id: z.number().check(z.int()),
  capturedAt: z.string(),
  /** A report with the same capturedAt was already stored: it was replaced. */
  replaced: z.boolean(),
  gate: z.object({ status: GateStatus, reasons: z.array(z.string()) }),
});

export const ParityIngestResponse = z.object({
  report: ParityReportDto,
  /** A report for the same subject and comparedAt was already stored: it is returned unchanged. */
  duplicate: z.boolean(),
});

// ---------- list ----------

export const RolloutsQuery = z.object({ namespace: z.optional(NamespaceId) });
export const RolloutList = z.object({ items: z.array(RolloutSummarySchema) });

/** `event: rollout-data` on /api/v1/stream: new ingested data for a rollout (not replayed; at most one per second per rollout and kind). */
export const RolloutDataNotice = z.object({
  rolloutId: z.string(),
  kind: z.enum(['metrics', 'report', 'parity']),
  at: z.string(),
});
export type RolloutDataNotice = z.infer<typeof RolloutDataNotice>;

export const rolloutParams = z.object({ id: RolloutId });
export const reportParams = z.object({ id: RolloutId, reportId: z.coerce.number().check(z.int(), z.minimum(1)) });
