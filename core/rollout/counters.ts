/**
 * Rates over time from the reporter's cumulative counters (product O5). jido's counters carry
 * no time of their own and restart from zero on reset, so each pair of successive reports gives
 * one point: the differences, and those differences per minute.
 *
 * - A decrease in ANY counter (a reason that disappears counts as a decrease to 0) means the
 *   reporter was reset between the two reports: the point carries `reset: true` and every delta
 *   of that interval is the newer value itself (what was counted since the reset). Counts from
 *   before the reset that were never reported are lost; nothing can recover them.
 * - A reason first seen in the newer report counts from 0.
 * - Reports are ordered by `capturedAt` (ties keep their input order); a report with the same
 *   `capturedAt` as its predecessor gives no point (no time elapsed) but becomes the baseline;
 *   a report whose `capturedAt` does not parse is skipped (the ingest schema rejects those).
 */
import type { CumulativeReport, DecisionCounts, ParityStatus } from './model';
import { DECISION_ACTIONS, PARITY_STATUSES } from './model';

export interface ParityCounterDeltas extends Record<ParityStatus, number> {
  samples: number;
  reports: number;
}

export interface CounterDeltas {
  decisions: DecisionCounts;
  /** Every reason present in either report of the interval (0 when unchanged). */
  reasons: Record<string, number>;
  /** `match`/`mismatch`/`legacy_unavailable` stay 0 unless both reports carry status counts. */
  parity: ParityCounterDeltas;
}

export interface CounterPoint extends CounterDeltas {
  /** The newer report's time, epoch ms. */
  at: number;
  /** Its `capturedAt` as sent. */
  capturedAt: string;
  /** Seconds since the previous report. */
  seconds: number;
  reset: boolean;
  /** The deltas per minute of the interval. */
  perMinute: CounterDeltas;
}

interface Flat {
  hasStatuses: boolean;
  decisions: DecisionCounts;
  reasons: Record<string, number>;
  parity: ParityCounterDeltas;
}

function flatten(r: CumulativeReport): Flat {
  const s = r.parityStatusCounts;
  return {
    hasStatuses: s !== undefined,
    decisions: { ...r.decisionCounts },
    reasons: r.reasonCounts,
    parity: {
      samples: r.paritySampleCount,
      reports: r.parityReportCount,
      match: s?.match ?? 0,
      mismatch: s?.mismatch ?? 0,
      legacy_unavailable: s?.legacy_unavailable ?? 0,
    },
  };
}

/** Status counts compare only when both reports have them (older reporters send none). */
const parityKeys = (a: Flat, b: Flat): readonly (keyof ParityCounterDeltas)[] =>
  a.hasStatuses && b.hasStatuses ? ['samples', 'reports', ...PARITY_STATUSES] : ['samples', 'reports'];

function reasonKeys(a: Record<string, number>, b: Record<string, number>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

const get = (rec: Record<string, number>, key: string): number => (Object.hasOwn(rec, key) ? (rec[key] ?? 0) : 0);

function wasReset(prev: Flat, cur: Flat): boolean {
  if (DECISION_ACTIONS.some((k) => cur.decisions[k] < prev.decisions[k])) return true;
  if (parityKeys(prev, cur).some((k) => cur.parity[k] < prev.parity[k])) return true;
  return Object.keys(prev.reasons).some((k) => get(cur.reasons, k) < get(prev.reasons, k));
}

function combine(prev: Flat, cur: Flat, f: (before: number, after: number) => number): CounterDeltas {
  const pd = prev.decisions;
  const cd = cur.decisions;
  const pp = prev.parity;
  const cp = cur.parity;
  const statuses = prev.hasStatuses && cur.hasStatuses;
  const fs = (before: number, after: number): number => (statuses ? f(before, after) : 0);
  return {
    decisions: { enqueue_runtime: f(pd.enqueue_runtime, cd.enqueue_runtime), parity_only: f(pd.parity_only, cd.parity_only), drop: f(pd.drop, cd.drop) },
    // fromEntries defines own properties, so a reason named "__proto__" stays a plain key.
    reasons: Object.fromEntries(reasonKeys(prev.reasons, cur.reasons).map((k) => [k, f(get(prev.reasons, k), get(cur.reasons, k))])),
    parity: {
      samples: f(pp.samples, cp.samples),
      reports: f(pp.reports, cp.reports),
      match: fs(pp.match, cp.match),
      mismatch: fs(pp.mismatch, cp.mismatch),
      legacy_unavailable: fs(pp.legacy_unavailable, cp.legacy_unavailable),
    },
  };
}

function scale(x: CounterDeltas, factor: number): CounterDeltas {
  const p = x.parity;
  return {
    decisions: { enqueue_runtime: x.decisions.enqueue_runtime * factor, parity_only: x.decisions.parity_only * factor, drop: x.decisions.drop * factor },
    reasons: Object.fromEntries(Object.entries(x.reasons).map(([k, v]) => [k, v * factor])),
    parity: { samples: p.samples * factor, reports: p.reports * factor, match: p.match * factor, mismatch: p.mismatch * factor, legacy_unavailable: p.legacy_unavailable * factor },
  };
}

/** One point per pair of successive reports (see the module comment for resets and ties). */
export function counterRates(reports: readonly CumulativeReport[]): CounterPoint[] {
  const timed = reports
    .map((report, i) => ({ report, at: Date.parse(report.capturedAt), i }))
    .filter((x) => Number.isFinite(x.at))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const points: CounterPoint[] = [];
  for (let i = 1; i < timed.length; i++) {
    const prev = timed[i - 1];
    const cur = timed[i];
    if (prev === undefined || cur === undefined) continue;
    const seconds = (cur.at - prev.at) / 1000;
    if (seconds <= 0) continue;
    const p = flatten(prev.report);
    const c = flatten(cur.report);
    const reset = wasReset(p, c);
    const delta = combine(p, c, reset ? (_before, after) => after : (before, after) => after - before);
    points.push({ ...delta, at: cur.at, capturedAt: cur.report.capturedAt, seconds, reset, perMinute: scale(delta, 60 / seconds) });
  }
  return points;
}

/** Every reason that appears in any point, sorted: the legend of a reasons chart. */
export function counterReasonKeys(points: readonly CounterPoint[]): string[] {
  const keys = new Set<string>();
  for (const p of points) for (const k of Object.keys(p.reasons)) keys.add(k);
  return [...keys].sort();
}
