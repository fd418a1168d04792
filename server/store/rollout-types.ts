/**
 * The rollout part of the storage interface: rollout rows, ingested data (metric windows,
 * cumulative reports, parity reports and their pattern aggregates) and recorded guard breaches.
 * Snapshot changes of a rollout are NOT written here: they go through the registry's
 * commitNamespaceChange with a `rollout` side change applied in the same transaction.
 */
import type { AuditEvent } from '@contract/schemas';
import type { TriageStatus } from '@contract/rollouts';
import type { GateThresholds } from '@core/rollout/gate';
import type { GuardRule } from '@core/rollout/guards';
import type { CanaryConfig, CumulativeReport, MetricWindow, ParityOutput, ParitySampling, ParityStatus, RolloutStatus, Step } from '@core/rollout/model';
import type { BucketSums } from '@core/rollout/series';
import type { IdempotencyClaim, IdempotencyRecord, NamespaceStateWithContent, NewEvent, StoredResponse } from './types';

/** What the rollout last wrote to (or saw in) its namespace's snapshot. */
export interface ObservedPolicy {
  stepIndex: number;
  share: number | null;
  canary: CanaryConfig | null;
  parity: ParitySampling | null;
}

export interface RolloutRow {
  id: string;
  namespace: string;
  flagKey: string;
  policyKey: string;
  flagType: 'BOOLEAN' | 'ENUM';
  v1Value: boolean | string;
  v2Value: boolean | string;
  description: string | null;
  createdAt: string;
  createdBy: string;
  revision: number;
  status: RolloutStatus;
  pausedReason: string | null;
  steps: Step[];
  guards: GuardRule[];
  gate: GateThresholds;
  stageStartedAt: string;
  observed: ObservedPolicy;
  countersResetAt: string | null;
  /** The cumulative report that was the latest at the manual reset; the gate reads counts relative to it. */
  countersBaseline: CumulativeReport | null;
}

export interface ReportRow {
  id: number;
  rolloutId: string;
  capturedAt: string;
  capturedAtMs: number;
  receivedAt: string;
  report: CumulativeReport;
}

export interface TriageRow {
  status: TriageStatus;
  note: string | null;
  by: string;
  at: string;
  viaPattern: boolean;
}

export interface ParityRow {
  id: number;
  rolloutId: string;
  subject: string;
  comparedAt: string;
  receivedAt: string;
  status: ParityStatus;
  adapter: string | null;
  reason: string | null;
  eventOutputCount: number;
  legacyOutputCount: number;
  missingInLegacy: number;
  missingInEvent: number;
  onlyInV1: ParityOutput[];
  onlyInV2: ParityOutput[];
  pattern: string;
  triage: TriageRow | null;
  /** Both sides' full outputs, while kept. */
  outputs: { v1: ParityOutput[] | null; v2: ParityOutput[] } | null;
}

export type NewParity = Omit<ParityRow, 'id' | 'triage'>;

export interface PatternRow {
  pattern: string;
  status: 'mismatch' | 'legacy_unavailable';
  count: number;
  kept: number;
  firstSeen: string;
  lastSeen: string;
  triage: { untriaged: number; expected: number; bug: number; ignored: number };
  patternTriage: TriageRow | null;
  exampleReportId: number | null;
}

export type BreachOutcome = 'rolled_back' | 'paused' | 'noted';

export interface BreachRow {
  breachId: string;
  ruleId: string;
  severity: 'warning' | 'critical';
  outcome: BreachOutcome;
  startedAt: string;
  firedAt: string;
  detectedAt: string;
  sentence: string;
  numbers: Record<string, unknown>;
  eventId: number | null;
}

/**
 * One rollout as one consistent read: its row, its namespace's state, and what its views need
 * (windows and reports since the current stage began, recorded breaches, recent events).
 */
export interface RolloutBundle {
  rollout: RolloutRow;
  namespace: NamespaceStateWithContent;
  /** Where `stageWindows` begin: the stage start, or the reader's lookback when that is later. */
  windowsFrom: number;
  /** Windows with start >= windowsFrom. */
  stageWindows: MetricWindow[];
  /** Reports captured since the stage began, oldest first (at most 20), and the latest report overall. */
  stageReports: ReportRow[];
  latestReport: ReportRow | null;
  lastWindowAt: number | null;
  breaches: BreachRow[];
  events: AuditEvent[];
}

export type RolloutRowPatch = Partial<
  Pick<RolloutRow, 'status' | 'pausedReason' | 'stageStartedAt' | 'observed' | 'steps' | 'guards' | 'gate' | 'countersResetAt' | 'countersBaseline'>
>;

/** A change of a rollout row, applied with a compare-and-set on its revision (which it bumps). */
export interface RolloutWrite {
  id: string;
  /** null: `create` inserts the row (with revision 1). */
  expectedRevision: number | null;
  create?: Omit<RolloutRow, 'revision'>;
  /** Absent (a breach only noted): the row and its revision stay as they are. */
  set?: RolloutRowPatch;
  /** Recorded once: a second write with the same (rollout, breachId) commits nothing. */
  breach?: Omit<BreachRow, 'eventId'>;
  /** Window lookback of the bundle read back for the response (see bundle()). */
  windowsSince?: number;
}

export interface RolloutCommitted {
  bundle: RolloutBundle;
  event: AuditEvent | null;
}

export type RolloutCommitOutcome<R> =
  | { kind: 'committed'; committed: RolloutCommitted; response: R }
  | { kind: 'missing' }
  /** The revision moved since it was read; nothing was written. */
  | { kind: 'stale' }
  /** The breach was already recorded (by another ingest, the timer or another replica); nothing was written. */
  | { kind: 'breach-recorded' }
  | { kind: 'replay'; record: IdempotencyRecord };

export interface WindowUpsert {
  inserted: number;
  updated: number;
  dropped: number;
  latestStart: { v1: number | null; v2: number | null };
}

export interface ParityFilter {
  status?: ParityStatus;
  triage?: 'untriaged' | TriageStatus;
  pattern?: string;
  subject?: string;
  before?: number;
  limit: number;
}

export interface RetentionBounds {
  windowDays: number;
  reports: number;
  parityReports: number;
  parityOutputs: number;
}

export interface RolloutStore {
  listRolloutIds(namespace?: string): Promise<string[]>;
  /** One consistent read; null when the rollout does not exist. Windows from max(stage start, windowsSince). */
  bundle(id: string, rollbacksSince: string, windowsSince: number): Promise<RolloutBundle | null>;
  getRollout(id: string): Promise<RolloutRow | null>;
  /** The open (not completed) rollout bound to this flag, if any. */
  openRolloutForFlag(namespace: string, flagKey: string): Promise<RolloutRow | null>;

  /** A rollout change that writes no snapshot version: row + audit event + idempotency record, one transaction. */
  commitRolloutChange<R extends StoredResponse>(
    write: RolloutWrite,
    event: NewEvent | null,
    respond: (c: RolloutCommitted) => R,
    idempotency: IdempotencyClaim | undefined,
    rollbacksSince: string,
  ): Promise<RolloutCommitOutcome<R>>;
  /** Bumps the revision when what the snapshot says differs from what the rollout last saw (a namespace change underneath). */
  reconcileObserved(id: string, expectedRevision: number, observed: ObservedPolicy, stageStartedAt: string | null): Promise<boolean>;

  upsertWindows(id: string, windows: readonly MetricWindow[], receivedAt: string, keepSinceMs: number): Promise<WindowUpsert>;
  windows(id: string, fromMs: number, toMs: number): Promise<MetricWindow[]>;
  /**
   * The windows with fromMs <= start < toMs summed per variant and bucket of `bucketMs` ms (bucket
   * starts are multiples of it since the epoch) in the database, as core's `bucketSums` sums them
   * (floating-point sums may differ in the last bits): the charts' downsampling, without reading
   * every window.
   */
  windowBuckets(id: string, fromMs: number, toMs: number, bucketMs: number): Promise<BucketSums[]>;
  latestWindowStart(id: string): Promise<number | null>;

  /** Upsert by capturedAt; returns the row id and whether a report with that capturedAt was replaced. */
  insertReport(id: string, report: CumulativeReport, receivedAt: string, keep: number): Promise<{ id: number; replaced: boolean }>;
  /** Reports captured in [fromMs, toMs], oldest first, plus the one just before `fromMs` (the baseline of the first rate). */
  reports(id: string, fromMs: number, toMs: number, limit: number): Promise<ReportRow[]>;

  /** Inserts unless (subject, comparedAt) exists; the pattern aggregate counts it; returns the stored row. */
  insertParity(report: NewParity, bounds: { keep: number; keepOutputs: number }): Promise<{ row: ParityRow; duplicate: boolean }>;
  /** Demo seeding: windows, reports and parity reports of a rollout in one transaction (no pruning, no guards). */
  importData(
    id: string,
    data: { windows: readonly MetricWindow[]; reports: readonly CumulativeReport[]; parity: readonly NewParity[] },
    receivedAt: (ms: number) => string,
    bounds: { keep: number; keepOutputs: number },
  ): Promise<void>;
  parityReports(id: string, filter: ParityFilter): Promise<{ items: ParityRow[]; total: number }>;
  parityReport(id: string, reportId: number): Promise<ParityRow | null>;
  latestParityWithOutputs(id: string, subject: string): Promise<ParityRow | null>;
  patterns(id: string): Promise<PatternRow[]>;
  parityTotals(id: string): Promise<{ reports: number; match: number; mismatch: number; legacy_unavailable: number }>;
  /** Triage one report, with its audit event and idempotency record, in one transaction. */
  triageReport<R extends StoredResponse>(
    id: string,
    reportId: number,
    triage: TriageRow | null,
    event: NewEvent,
    respond: (row: ParityRow, event: AuditEvent) => R,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<{ kind: 'committed'; response: R; event: AuditEvent } | { kind: 'missing' } | { kind: 'replay'; record: IdempotencyRecord }>;
  triagePattern<R extends StoredResponse>(
    id: string,
    pattern: string,
    triage: TriageRow | null,
    event: NewEvent,
    respond: (row: PatternRow, updated: number, event: AuditEvent) => R,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<{ kind: 'committed'; response: R; event: AuditEvent } | { kind: 'missing' } | { kind: 'replay'; record: IdempotencyRecord }>;

  /** Rollout events (details.rolloutId) and namespace events in [from, to], oldest first, for markers. */
  markerEvents(id: string, namespace: string, from: string, to: string, limit: number): Promise<AuditEvent[]>;
  breachesBetween(id: string, fromMs: number, toMs: number): Promise<BreachRow[]>;
}
