/** Rollout rows of the SQLite engine: raw shapes, mapping, and the reads a bundle is made of. */
import type { AuditEvent } from '@contract/schemas';
import type { TriageStatus } from '@contract/rollouts';
import type { CumulativeReport, MetricWindow, ParityOutput, ParityStatus, RolloutStatus } from '@core/rollout/model';
import type { BucketSums } from '@core/rollout/series';
import type { Conn } from './sqlite-conn';
import { patternRowOf, type PatternCount } from './shared-rollouts';
import type { BreachRow, ParityRow, PatternRow, ReportRow, RolloutBundle, RolloutRow, TriageRow } from './rollout-types';
import { rowToEvent, type RawEvent } from './sqlite-rows';

export interface RawRollout {
  id: string;
  namespace: string;
  flag_key: string;
  policy_key: string;
  flag_type: string;
  v1_value: string;
  v2_value: string;
  description: string | null;
  created_at: string;
  created_by: string;
  revision: number;
  status: string;
  paused_reason: string | null;
  steps: string;
  guards: string;
  gate: string;
  stage_started_at: string;
  observed: string;
  counters_reset_at: string | null;
  counters_baseline: string | null;
}

const parse = <T>(text: string): T => JSON.parse(text) as T;

export function rowToRollout(r: RawRollout): RolloutRow {
  return {
    id: r.id,
    namespace: r.namespace,
    flagKey: r.flag_key,
    policyKey: r.policy_key,
    flagType: r.flag_type === 'ENUM' ? 'ENUM' : 'BOOLEAN',
    v1Value: parse<boolean | string>(r.v1_value),
    v2Value: parse<boolean | string>(r.v2_value),
    description: r.description,
    createdAt: r.created_at,
    createdBy: r.created_by,
    revision: r.revision,
    status: r.status as RolloutStatus,
    pausedReason: r.paused_reason,
    steps: parse(r.steps),
    guards: parse(r.guards),
    gate: parse(r.gate),
    stageStartedAt: r.stage_started_at,
    observed: parse(r.observed),
    countersResetAt: r.counters_reset_at,
    countersBaseline: r.counters_baseline === null ? null : parse<CumulativeReport>(r.counters_baseline),
  };
}

export interface RawWindow {
  variant: string;
  start: number;
  seconds: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  avg: number | null;
  memory: number;
  cpu: number;
}

export function rowToWindow(r: RawWindow): MetricWindow {
  const w: MetricWindow = {
    variant: r.variant === 'v2' ? 'v2' : 'v1',
    start: r.start,
    seconds: r.seconds,
    requests: r.requests,
    errors: r.errors,
    latencyP50Ms: r.p50,
    latencyP95Ms: r.p95,
    latencyP99Ms: r.p99,
    memoryMb: r.memory,
    cpuPct: r.cpu,
  };
  if (r.avg !== null) w.latencyAvgMs = r.avg;
  return w;
}

/** A row of the windows-per-bucket aggregate (both engines' `windowBuckets`): bucket `i` after `base`. */
export interface RawBucket {
  variant: string;
  i: number;
  n: number;
  seconds: number;
  requests: number;
  errors: number;
  avg_sum: number;
  p50_sum: number;
  p95_sum: number;
  p99_sum: number;
  p99_max: number | null;
  memory: number;
  cpu: number;
}

/**
 * The aggregate's columns: `addWindow`'s sums, request-derived ones over windows with requests
 * only, average latency estimated by p50 where a window has none.
 */
export const BUCKET_SUMS_SQL = `count(*) AS n, sum(seconds) AS seconds,
  sum(CASE WHEN requests > 0 THEN requests ELSE 0 END) AS requests,
  sum(CASE WHEN requests > 0 THEN errors ELSE 0 END) AS errors,
  sum(CASE WHEN requests > 0 THEN coalesce(avg, p50) * requests ELSE 0 END) AS avg_sum,
  sum(CASE WHEN requests > 0 THEN p50 * requests ELSE 0 END) AS p50_sum,
  sum(CASE WHEN requests > 0 THEN p95 * requests ELSE 0 END) AS p95_sum,
  sum(CASE WHEN requests > 0 THEN p99 * requests ELSE 0 END) AS p99_sum,
  max(CASE WHEN requests > 0 THEN p99 END) AS p99_max,
  sum(memory) AS memory, sum(cpu) AS cpu`;

export function rowToBucketSums(r: RawBucket, base: number, size: number): BucketSums {
  return {
    variant: r.variant === 'v2' ? 'v2' : 'v1',
    t: base + r.i * size,
    sums: {
      windowCount: r.n,
      seconds: r.seconds,
      requests: r.requests,
      errors: r.errors,
      avgSum: r.avg_sum,
      p50Sum: r.p50_sum,
      p95Sum: r.p95_sum,
      p99Sum: r.p99_sum,
      // addWindow's running maximum starts at 0.
      p99Max: Math.max(0, r.p99_max ?? 0),
      memorySum: r.memory,
      cpuSum: r.cpu,
    },
  };
}

export interface RawReport {
  id: number;
  rollout_id: string;
  captured_at: number;
  captured_at_text: string;
  received_at: string;
  body: string;
}

export const rowToReport = (r: RawReport): ReportRow => ({
  id: r.id,
  rolloutId: r.rollout_id,
  capturedAt: r.captured_at_text,
  capturedAtMs: r.captured_at,
  receivedAt: r.received_at,
  report: parse<CumulativeReport>(r.body),
});

export interface RawParity {
  id: number;
  rollout_id: string;
  subject: string;
  compared_at: string;
  received_at: string;
  status: string;
  adapter: string | null;
  reason: string | null;
  event_count: number;
  legacy_count: number;
  missing_in_legacy: number;
  missing_in_event: number;
  only_v1: string;
  only_v2: string;
  outputs: string | null;
  pattern: string;
  triage: string | null;
  triage_note: string | null;
  triage_by: string | null;
  triage_at: string | null;
  triage_via_pattern: number;
}

function triageOf(status: string | null, note: string | null, by: string | null, at: string | null, viaPattern: boolean): TriageRow | null {
  if (status === null) return null;
  return { status: status as TriageStatus, note, by: by ?? '', at: at ?? '', viaPattern };
}

export const rowToParity = (r: RawParity): ParityRow => ({
  id: r.id,
  rolloutId: r.rollout_id,
  subject: r.subject,
  comparedAt: r.compared_at,
  receivedAt: r.received_at,
  status: r.status as ParityStatus,
  adapter: r.adapter,
  reason: r.reason,
  eventOutputCount: r.event_count,
  legacyOutputCount: r.legacy_count,
  missingInLegacy: r.missing_in_legacy,
  missingInEvent: r.missing_in_event,
  onlyInV1: parse<ParityOutput[]>(r.only_v1),
  onlyInV2: parse<ParityOutput[]>(r.only_v2),
  pattern: r.pattern,
  triage: triageOf(r.triage, r.triage_note, r.triage_by, r.triage_at, r.triage_via_pattern === 1),
  outputs: r.outputs === null ? null : parse<{ v1: ParityOutput[] | null; v2: ParityOutput[] }>(r.outputs),
});

export interface RawBreach {
  breach_id: string;
  rule_id: string;
  severity: string;
  outcome: string;
  started_at: string;
  fired_at: string;
  detected_at: string;
  sentence: string;
  numbers: string;
  event_id: number | null;
}

export const rowToBreach = (r: RawBreach): BreachRow => ({
  breachId: r.breach_id,
  ruleId: r.rule_id,
  severity: r.severity === 'critical' ? 'critical' : 'warning',
  outcome: r.outcome as BreachRow['outcome'],
  startedAt: r.started_at,
  firedAt: r.fired_at,
  detectedAt: r.detected_at,
  sentence: r.sentence,
  numbers: parse(r.numbers),
  eventId: r.event_id,
});

export interface RawPattern {
  pattern: string;
  status: string;
  count: number;
  first_seen: string;
  last_seen: string;
  triage: string | null;
  triage_note: string | null;
  triage_by: string | null;
  triage_at: string | null;
}

export function patternRow(c: Conn, rolloutId: string, raw: RawPattern): PatternRow {
  const counts = c
    .q(
      `SELECT coalesce(triage, 'untriaged') AS t, count(*) AS n, max(id) AS example
       FROM rollout_parity WHERE rollout_id = ? AND pattern = ? GROUP BY t`,
    )
    .all(rolloutId, raw.pattern) as PatternCount[];
  return patternRowOf(raw, counts);
}

export function rolloutRow(c: Conn, id: string): RolloutRow | null {
  const raw = c.q('SELECT * FROM rollouts WHERE id = ?').get(id) as RawRollout | undefined;
  return raw ? rowToRollout(raw) : null;
}

/** Stage reports kept in a bundle (the gate's streak looks at the most recent ones). */
const STAGE_REPORTS = 20;
const EVENTS = 200;

/**
 * Everything a rollout's views need, read on one connection (inside one transaction). Windows
 * start at the later of the stage start and `windowsSince` (the caller's lookback).
 */
export function bundleOf(c: Conn, id: string, rollbacksSince: string, windowsSince: number): RolloutBundle | null {
  const rollout = rolloutRow(c, id);
  if (!rollout) return null;
  const namespace = c.stateOf(rollout.namespace, rollbacksSince);
  if (!namespace) throw new Error(`rollout ${id}: namespace ${rollout.namespace} is missing`);
  const stageStart = Math.max(Date.parse(rollout.stageStartedAt), windowsSince);
  const stageWindows = (c.q('SELECT * FROM rollout_windows WHERE rollout_id = ? AND start >= ? ORDER BY start').all(id, stageStart) as RawWindow[]).map(
    rowToWindow,
  );
  const stageReports = (
    c.q('SELECT * FROM rollout_reports WHERE rollout_id = ? AND received_at > ? ORDER BY captured_at DESC LIMIT ?').all(
      id,
      rollout.stageStartedAt,
      STAGE_REPORTS,
    ) as RawReport[]
  )
    .map(rowToReport)
    .reverse();
  const latestRaw = c.q('SELECT * FROM rollout_reports WHERE rollout_id = ? ORDER BY captured_at DESC LIMIT 1').get(id) as RawReport | undefined;
  const last = c.q('SELECT max(start) AS s FROM rollout_windows WHERE rollout_id = ?').get(id) as { s: number | null };
  const breaches = (c.q('SELECT * FROM rollout_breaches WHERE rollout_id = ? ORDER BY detected_at DESC LIMIT 100').all(id) as RawBreach[]).map(
    rowToBreach,
  );
  const events = (c.q('SELECT * FROM events WHERE rollout_id = ? ORDER BY id DESC LIMIT ?').all(id, EVENTS) as RawEvent[]).map(rowToEvent);
  return {
    rollout,
    namespace,
    windowsFrom: stageStart,
    stageWindows,
    stageReports,
    latestReport: latestRaw ? rowToReport(latestRaw) : null,
    lastWindowAt: last.s,
    breaches,
    events,
  };
}

export function eventsOf(c: Conn, sql: string, ...args: (string | number)[]): AuditEvent[] {
  return (c.q(sql).all(...args) as RawEvent[]).map(rowToEvent);
}
