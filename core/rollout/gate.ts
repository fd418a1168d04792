/**
 * The verification gate (product O11), computed exactly as jido's
 * `JidoConversation.Rollout.Verification` did: runtime decisions = enqueue_runtime +
 * parity_only; drop rate = drop / all decisions; mismatch and legacy-unavailable rates =
 * count / parity reports; a rate with a zero denominator is 0; a minimum fails when the count
 * is below it, a maximum when the rate is above it. Rollback reasons come first and win over
 * hold reasons, and a rollback verdict still lists the hold reasons after them.
 * Promotion needs `REQUIRED_ACCEPT_STREAK` accepts in a row (jido's controller); the server
 * should restart the streak after every stage change, as jido did.
 */
import type { CumulativeReport, ParityStatusCounts } from './model';
import { formatNumber, formatRate } from './format';

export interface GateThresholds {
  minRuntimeDecisions: number;
  minParityReports: number;
  maxMismatchRate: number;
  maxLegacyUnavailableRate: number;
  maxDropRate: number;
}

export const DEFAULT_GATE_THRESHOLDS: Readonly<GateThresholds> = Object.freeze({
  minRuntimeDecisions: 25,
  minParityReports: 10,
  maxMismatchRate: 0.05,
  maxLegacyUnavailableRate: 0.1,
  maxDropRate: 0.2,
});

export type GateStatus = 'accept' | 'hold' | 'rollback_recommended';

export const GATE_HOLD_REASONS = ['insufficient_runtime_decisions', 'insufficient_parity_reports', 'legacy_unavailable_rate_exceeded'] as const;
export const GATE_ROLLBACK_REASONS = ['parity_mismatch_rate_exceeded', 'drop_rate_exceeded'] as const;
export type GateReason = (typeof GATE_HOLD_REASONS)[number] | (typeof GATE_ROLLBACK_REASONS)[number];

/** The counts the gate reads (what jido derived from a reporter snapshot). */
export interface GateCounts {
  enqueueRuntime: number;
  parityOnly: number;
  drop: number;
  parityReports: number;
  match: number;
  mismatch: number;
  legacyUnavailable: number;
}

/** jido's derived metrics. */
export interface GateMetrics extends GateCounts {
  runtimeDecisions: number;
  totalDecisions: number;
  dropRate: number;
  mismatchRate: number;
  legacyUnavailableRate: number;
}

export type GateCheckId = 'runtime_decisions' | 'parity_reports' | 'mismatch_rate' | 'legacy_unavailable_rate' | 'drop_rate';

export interface GateCheck {
  id: GateCheckId;
  /** Plain English, threshold included: "At least 25 runtime decisions". */
  label: string;
  /** The measured value, e.g. "1,240 runtime decisions" or "2.1% (1 of 48 reports)". */
  detail: string;
  value: number;
  threshold: number;
  ok: boolean;
  /** What failing this check does to the verdict, and the jido reason it records. */
  onFail: 'hold' | 'rollback_recommended';
  reason: GateReason;
}

export interface GateResult {
  status: GateStatus;
  /** jido reason ids: rollback reasons first, then hold reasons; empty on accept. */
  reasons: GateReason[];
  /** In checklist order: volume first, then quality. */
  checks: GateCheck[];
  metrics: GateMetrics;
  thresholds: GateThresholds;
}

/** jido's derivation: status counts from `parityStatusCounts`, else counted from the recent reports. */
export function gateCountsFromReport(report: CumulativeReport): GateCounts {
  let statuses: ParityStatusCounts;
  if (report.parityStatusCounts !== undefined) {
    statuses = report.parityStatusCounts;
  } else {
    statuses = { match: 0, mismatch: 0, legacy_unavailable: 0 };
    for (const r of report.recentParityReports) statuses[r.status] += 1;
  }
  return {
    enqueueRuntime: report.decisionCounts.enqueue_runtime,
    parityOnly: report.decisionCounts.parity_only,
    drop: report.decisionCounts.drop,
    parityReports: report.parityReportCount,
    match: statuses.match,
    mismatch: statuses.mismatch,
    legacyUnavailable: statuses.legacy_unavailable,
  };
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

export function gateMetrics(counts: GateCounts): GateMetrics {
  const runtimeDecisions = counts.enqueueRuntime + counts.parityOnly;
  const totalDecisions = runtimeDecisions + counts.drop;
  return {
    ...counts,
    runtimeDecisions,
    totalDecisions,
    dropRate: ratio(counts.drop, totalDecisions),
    mismatchRate: ratio(counts.mismatch, counts.parityReports),
    legacyUnavailableRate: ratio(counts.legacyUnavailable, counts.parityReports),
  };
}

const isReport = (input: CumulativeReport | GateCounts): input is CumulativeReport => 'decisionCounts' in input;

const plural = (n: number, word: string): string => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

/** The gate verdict and its checklist for a cumulative report or already-derived counts. */
export function evaluateGate(input: CumulativeReport | GateCounts, thresholds: GateThresholds = DEFAULT_GATE_THRESHOLDS): GateResult {
  const m = gateMetrics(isReport(input) ? gateCountsFromReport(input) : input);
  const t = thresholds;
  const checks: GateCheck[] = [
    {
      id: 'runtime_decisions',
      label: `At least ${plural(t.minRuntimeDecisions, 'runtime decision')}`,
      detail: plural(m.runtimeDecisions, 'runtime decision'),
      value: m.runtimeDecisions,
      threshold: t.minRuntimeDecisions,
      ok: !(m.runtimeDecisions < t.minRuntimeDecisions),
      onFail: 'hold',
      reason: 'insufficient_runtime_decisions',
    },
    {
      id: 'parity_reports',
      label: `At least ${plural(t.minParityReports, 'parity report')}`,
      detail: plural(m.parityReports, 'parity report'),
      value: m.parityReports,
      threshold: t.minParityReports,
      ok: !(m.parityReports < t.minParityReports),
      onFail: 'hold',
      reason: 'insufficient_parity_reports',
    },
    {
      id: 'mismatch_rate',
      label: `Parity mismatches in at most ${formatRate(t.maxMismatchRate)} of parity reports`,
      detail: `${formatRate(m.mismatchRate)} (${formatNumber(m.mismatch)} of ${plural(m.parityReports, 'report')})`,
      value: m.mismatchRate,
      threshold: t.maxMismatchRate,
      ok: !(m.mismatchRate > t.maxMismatchRate),
      onFail: 'rollback_recommended',
      reason: 'parity_mismatch_rate_exceeded',
    },
    {
      id: 'legacy_unavailable_rate',
      label: `Legacy (V1) output unavailable in at most ${formatRate(t.maxLegacyUnavailableRate)} of parity reports`,
      detail: `${formatRate(m.legacyUnavailableRate)} (${formatNumber(m.legacyUnavailable)} of ${plural(m.parityReports, 'report')})`,
      value: m.legacyUnavailableRate,
      threshold: t.maxLegacyUnavailableRate,
      ok: !(m.legacyUnavailableRate > t.maxLegacyUnavailableRate),
      onFail: 'hold',
      reason: 'legacy_unavailable_rate_exceeded',
    },
    {
      id: 'drop_rate',
      label: `At most ${formatRate(t.maxDropRate)} of signals dropped`,
      detail: `${formatRate(m.dropRate)} (${formatNumber(m.drop)} of ${plural(m.totalDecisions, 'decision')})`,
      value: m.dropRate,
      threshold: t.maxDropRate,
      ok: !(m.dropRate > t.maxDropRate),
      onFail: 'rollback_recommended',
      reason: 'drop_rate_exceeded',
    },
  ];
  const failed = (kind: GateCheck['onFail']): GateReason[] => checks.filter((c) => !c.ok && c.onFail === kind).map((c) => c.reason);
  const rollback = failed('rollback_recommended');
  const hold = failed('hold');
  const status: GateStatus = rollback.length > 0 ? 'rollback_recommended' : hold.length > 0 ? 'hold' : 'accept';
  return { status, reasons: [...rollback, ...hold], checks, metrics: m, thresholds: { ...t } };
}

/** jido's controller: promotion needs this many accepts in a row. */
export const REQUIRED_ACCEPT_STREAK = 2;

/** How many of the latest statuses (oldest first) are accepts in a row. */
export function acceptStreak(statuses: readonly GateStatus[]): number {
  let n = 0;
  for (let i = statuses.length - 1; i >= 0 && statuses[i] === 'accept'; i--) n++;
  return n;
}

/** Whether the last `required` gate statuses (oldest first) are all accept. */
export function promotionAllowed(statuses: readonly GateStatus[], required: number = REQUIRED_ACCEPT_STREAK): boolean {
  return acceptStreak(statuses) >= required;
}
