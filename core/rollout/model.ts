/**
 * The rollout domain model: V2 progressively replacing V1, in the shapes the jido rollout
 * reporter used (`../shared/fixtures/jido/README.md`) plus the per-variant metric windows of
 * seed 004. Types and constants only; the zod schemas that validate ingest payloads against
 * these types live in `./schemas.ts`.
 *
 * Units used throughout: times are epoch milliseconds unless a name says otherwise
 * (`capturedAt`, `comparedAt`, `sampledAt` are ISO-8601 strings, as the reporter sends them);
 * rates are fractions (0.05 = 5%); latencies are milliseconds; memory is MB; CPU is percent.
 */
import type { JsonValue } from '../model';

// ---------- modes, stages, steps ----------

export const ROLLOUT_MODES = ['event_based', 'shadow', 'disabled'] as const;
/** How the runtime routes signals: to V2 (`event_based`), to V2 for parity only (`shadow`), or not at all. */
export type RolloutMode = (typeof ROLLOUT_MODES)[number];

export const STAGES = ['shadow', 'canary', 'ramp', 'full'] as const;
/** Where a rollout is; the shadow stage runs in shadow mode, every other stage in event_based mode. */
export type Stage = (typeof STAGES)[number];

/** One step of a rollout plan: a stage and the share of traffic (0..100, percent) V2 takes in it. */
export interface Step {
  stage: Stage;
  share: number;
}

/** Seed 004's plan: shadow (0%) -> canary 1% -> ramp 10% -> 25% -> 50% -> full 100%. */
export const DEFAULT_STEPS: readonly Step[] = Object.freeze([
  { stage: 'shadow', share: 0 },
  { stage: 'canary', share: 1 },
  { stage: 'ramp', share: 10 },
  { stage: 'ramp', share: 25 },
  { stage: 'ramp', share: 50 },
  { stage: 'full', share: 100 },
]);

export const ROLLOUT_STATUSES = ['active', 'paused', 'rolled_back', 'completed'] as const;
/**
 * `active`: moving or able to move; `paused`: promotion held (by an operator or a warning guard);
 * `rolled_back`: sent back to the shadow stage, promotion held until someone resumes;
 * `completed`: V2 declared done at the last step; terminal.
 */
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

/**
 * Where a rollout stands. Invariant kept by `applyAction`: `paused === (status === 'paused')`,
 * and `pausedReason` is set only while paused.
 */
export interface RolloutState {
  /** Index into the rollout's steps. */
  stepIndex: number;
  mode: RolloutMode;
  paused: boolean;
  pausedReason?: string;
  status: RolloutStatus;
}

// ---------- routing settings (jido `rollout` config) ----------

/** Allowlists for the canary; when enabled, a signal matches if its subject OR tenant OR channel is listed. */
export interface CanaryConfig {
  enabled: boolean;
  subjects: string[];
  tenantIds: string[];
  channels: string[];
}

/** Parity sampling: the share of routed signals (deterministic per signal id) whose outputs are compared. */
export interface ParitySampling {
  enabled: boolean;
  /** 0..1 */
  sampleRate: number;
}

/** Everything `decide` needs to route one signal. */
export interface RoutingPolicy {
  mode: RolloutMode;
  canary: CanaryConfig;
  parity: ParitySampling;
  /** jido's minimal mode: everything goes to the runtime, nothing is sampled. */
  minimalMode?: boolean;
}

/** The routing-relevant part of an incoming signal. */
export interface RoutingSignal {
  id: string;
  subject?: string | null;
  tenantId?: string | null;
  channel?: string | null;
}

export const DECISION_ACTIONS = ['enqueue_runtime', 'parity_only', 'drop'] as const;
/** What the runtime does with a signal. */
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** Reasons jido records; reasons are an open set, so counters key them by any string. */
export const KNOWN_DECISION_REASONS = [
  'enabled',
  'canary_filtered',
  'shadow_mode',
  'rollout_disabled',
  'minimal_mode_enabled',
  'unknown',
] as const;
export type KnownDecisionReason = (typeof KNOWN_DECISION_REASONS)[number];

// ---------- metric windows (seed 004) ----------

export const VARIANTS = ['v1', 'v2'] as const;
/** V1 is the incumbent (baseline), V2 the candidate being rolled out. */
export type Variant = (typeof VARIANTS)[number];

/**
 * What one variant did during one window (normally one minute). Latency fields describe the
 * requests of the window; with `requests === 0` they carry no information and are ignored.
 */
export interface MetricWindow {
  variant: Variant;
  /** Window start, epoch ms. */
  start: number;
  /** Window length in seconds (60 for the per-minute windows guards expect). */
  seconds: number;
  requests: number;
  errors: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  /** Mean latency when the reporter knows it; otherwise consumers estimate it from p50. */
  latencyAvgMs?: number;
  memoryMb: number;
  /** Percent of the host's CPU (may exceed 100 when a reporter counts per core). */
  cpuPct: number;
}

/** `POST …/ingest/metrics` body. */
export interface MetricsIngest {
  windows: MetricWindow[];
}

export const METRICS = [
  'error_rate',
  'latency_avg',
  'latency_p50',
  'latency_p95',
  'latency_p99',
  'memory',
  'cpu',
  'throughput',
] as const;
/**
 * A per-variant quantity derived from windows. Units: `error_rate` fraction (errors/requests),
 * `latency_*` ms, `memory` MB, `cpu` percent, `throughput` requests per minute.
 */
export type Metric = (typeof METRICS)[number];

// ---------- the jido reporter's cumulative snapshot ----------

export const PARITY_STATUSES = ['match', 'mismatch', 'legacy_unavailable'] as const;
/** Outcome of comparing V1 (legacy) and V2 (event runtime) outputs for one subject. */
export type ParityStatus = (typeof PARITY_STATUSES)[number];

export type DecisionCounts = Record<DecisionAction, number>;
export type ParityStatusCounts = Record<ParityStatus, number>;

/** A signal the reporter picked for parity (jido `recent_parity_samples` entry). */
export interface ParitySample {
  signalId: string;
  type?: string | null;
  subject?: string | null;
  sampledAt: string;
  mode?: RolloutMode | null;
  action?: DecisionAction | null;
  reason?: string | null;
}

/** A parity report as jido keeps it: counts only (jido `recent_parity_reports` entry). */
export interface ParityReportSummary {
  conversationId: string;
  comparedAt: string;
  status: ParityStatus;
  adapter?: string | null;
  eventOutputCount: number;
  legacyOutputCount: number;
  /** Outputs V2 (event runtime) produced that V1 (legacy) did not. */
  missingInLegacy: number;
  /** Outputs V1 (legacy) produced that V2 (event runtime) did not. */
  missingInEvent: number;
  reason?: string | null;
}

/**
 * The reporter's cumulative rollout snapshot (`rollout-snapshot.json`), counted since the
 * reporter started or was last reset; successive snapshots give rates (`./counters.ts`).
 */
export interface CumulativeReport {
  capturedAt: string;
  recentLimit?: number;
  decisionCounts: DecisionCounts;
  /** Open set of reasons -> count. */
  reasonCounts: Record<string, number>;
  paritySampleCount: number;
  parityReportCount: number;
  /** Older reporters omit it; the gate then counts statuses of `recentParityReports`, as jido did. */
  parityStatusCounts?: ParityStatusCounts;
  recentParitySamples: ParitySample[];
  recentParityReports: ParityReportSummary[];
}

// ---------- parity ingest ----------

/** One output of either runtime, normalised as jido did: `{type, subject, data}`. */
export interface ParityOutput {
  type: string;
  subject: string | null;
  data: JsonValue;
}

/**
 * `POST …/ingest/parity` body: both sides' outputs for one subject. `v1Outputs: null` means the
 * legacy side could not be asked (then `reason` says why, e.g. `legacy_adapter_not_configured`).
 * `subject` and jido's `conversationId` are synonyms; at least one is required.
 */
export interface ParityIngest {
  subject?: string;
  conversationId?: string;
  comparedAt: string;
  adapter?: string;
  v1Outputs: ParityOutput[] | null;
  v2Outputs: ParityOutput[];
  reason?: string;
}
