/**
 * The gate as the server reads it: jido's evaluateGate over the latest cumulative report (counts
 * relative to the manual reset baseline while the reporter has not reset itself since), and the
 * accept streak over the reports received since the stage began (it restarts on every stage
 * change and on resume, as jido's controller did).
 */
import { evaluateGate, gateCountsFromReport, promotionAllowed, acceptStreak, REQUIRED_ACCEPT_STREAK, type GateCounts, type GateResult, type GateStatus, type GateThresholds } from '@core/rollout/gate';
import type { CumulativeReport } from '@core/rollout/model';
import type { ReportRow } from '../store/rollout-types';

const KEYS: (keyof GateCounts)[] = ['enqueueRuntime', 'parityOnly', 'drop', 'parityReports', 'match', 'mismatch', 'legacyUnavailable'];

/** Counts the gate reads: since the manual reset when the baseline still applies, else as reported. */
export function gateCounts(report: CumulativeReport, baseline: CumulativeReport | null): GateCounts {
  const now = gateCountsFromReport(report);
  if (baseline === null) return now;
  // The baseline report itself (or one captured before it): nothing counted since the reset.
  if (Date.parse(report.capturedAt) <= Date.parse(baseline.capturedAt)) return zero();
  const base = gateCountsFromReport(baseline);
  // A counter below the baseline means the reporter itself reset since: its counts start from zero already.
  if (KEYS.some((k) => now[k] < base[k])) return now;
  const out = zero();
  for (const k of KEYS) out[k] = now[k] - base[k];
  return out;
}

function zero(): GateCounts {
  return { enqueueRuntime: 0, parityOnly: 0, drop: 0, parityReports: 0, match: 0, mismatch: 0, legacyUnavailable: 0 };
}

export interface GateReading {
  latest: ReportRow | null;
  result: GateResult | null;
  /** Statuses of the stage's reports, oldest first. */
  recent: { capturedAt: string; status: GateStatus }[];
  streak: number;
  allowed: boolean;
}

export function readGate(stageReports: readonly ReportRow[], latest: ReportRow | null, thresholds: GateThresholds, baseline: CumulativeReport | null): GateReading {
  const recent = stageReports.map((r) => ({ capturedAt: r.capturedAt, status: evaluateGate(gateCounts(r.report, baseline), thresholds).status }));
  const statuses = recent.map((r) => r.status);
  return {
    latest,
    result: latest ? evaluateGate(gateCounts(latest.report, baseline), thresholds) : null,
    recent,
    streak: acceptStreak(statuses),
    allowed: promotionAllowed(statuses, REQUIRED_ACCEPT_STREAK),
  };
}
