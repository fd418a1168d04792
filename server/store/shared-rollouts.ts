/**
 * Rollout logic both engines share around their own SQL: a pattern's triage and summary from its
 * rows, and the parameters of a parity report's insert (in the order of the engines' column lists).
 */
import type { TriageStatus } from '@contract/rollouts';
import type { MetricWindow } from '@core/rollout/model';
import type { NewParity, PatternRow, TriageRow } from './rollout-types';
import type { RawPattern } from './sqlite-rollout-rows';

/** The triage set on a pattern, which its new reports inherit (null: none). */
export function patternTriageOf(raw: RawPattern): TriageRow | null {
  if (raw.triage === null) return null;
  return { status: raw.triage as TriageStatus, note: raw.triage_note, by: raw.triage_by ?? '', at: raw.triage_at ?? '', viaPattern: true };
}

/** Per-triage counts of a pattern's kept reports, as both engines' GROUP BY returns them. */
export interface PatternCount {
  t: string;
  n: number;
  example: number;
}

export function patternRowOf(raw: RawPattern, counts: readonly PatternCount[]): PatternRow {
  const triage = { untriaged: 0, expected: 0, bug: 0, ignored: 0 };
  let kept = 0;
  let example: number | null = null;
  for (const row of counts) {
    if (row.t in triage) triage[row.t as keyof typeof triage] = row.n;
    kept += row.n;
    example = Math.max(example ?? 0, row.example);
  }
  return {
    pattern: raw.pattern,
    status: raw.status === 'legacy_unavailable' ? 'legacy_unavailable' : 'mismatch',
    count: raw.count,
    kept,
    firstSeen: raw.first_seen,
    lastSeen: raw.last_seen,
    triage,
    patternTriage: patternTriageOf(raw),
    exampleReportId: example,
  };
}

/** Column list of a parity report's insert; `parityParams` gives its values in this order. */
export const PARITY_COLUMNS = `rollout_id, subject, compared_at, received_at, status, adapter, reason, event_count, legacy_count,
       missing_in_legacy, missing_in_event, only_v1, only_v2, outputs, pattern`;

export function parityParams(p: NewParity): (string | number | null)[] {
  return [
    p.rolloutId,
    p.subject,
    p.comparedAt,
    p.receivedAt,
    p.status,
    p.adapter,
    p.reason,
    p.eventOutputCount,
    p.legacyOutputCount,
    p.missingInLegacy,
    p.missingInEvent,
    JSON.stringify(p.onlyInV1),
    JSON.stringify(p.onlyInV2),
    p.outputs === null ? null : JSON.stringify(p.outputs),
    p.pattern,
  ];
}

/** Pruning runs when a table holds this many rows above its bound (amortised deletes). */
export const PRUNE_SLACK = 200;

/** Values of a window upsert, for `(rollout_id, variant, start, seconds, requests, errors, p50, p95, p99, avg, memory, cpu, received_at)`. */
export function windowParams(rolloutId: string, w: MetricWindow, receivedAt: string): (string | number | null)[] {
  return [
    rolloutId,
    w.variant,
    w.start,
    w.seconds,
    w.requests,
    w.errors,
    w.latencyP50Ms,
    w.latencyP95Ms,
    w.latencyP99Ms,
    w.latencyAvgMs ?? null,
    w.memoryMb,
    w.cpuPct,
    receivedAt,
  ];
}
