/**
 * Guard rules over per-minute windows of V1 and V2 (product O10, seed 004): warning rules
 * pause promotion, critical triggers roll back. The evaluation is a pure function of the SET
 * of windows (deduplicated by variant and start, sorted by start) and `now`, so re-ingested or
 * out-of-order windows never change a breach's identity and the server can fire exactly once
 * per `breachId`.
 *
 * Semantics (decided here; the seed only gives thresholds and durations):
 * - Rules always judge V2; a `relative_to_v1` rule compares the ratio V2/V1 of the same minute.
 * - Minutes are epoch minutes; several windows starting in one minute are merged.
 * - A minute is "missing" for a rule when a window it needs is absent (V2, and V1 for relative
 *   rules). A missing minute breaks a consecutive run: we cannot vouch for a minute we never saw.
 * - A minute whose window is present but has no evidence (fewer than `minRequests` requests for
 *   request-derived metrics such as error rate and latency; a V1 value of 0 for relative rules)
 *   neither counts towards nor breaks a run: the reporter is alive, the service was idle.
 * - A run counts breaching minutes; it is `breached` once it has `forMinutes` of them. Its
 *   `breachId` is the rule id plus the start of its first breaching minute.
 * - Pass every window since the rollout's current stage began (or at least since the start of
 *   any ongoing run): a run touching the earliest minute supplied is flagged
 *   `runMayStartEarlier`, because its true start (and so its breachId) could lie before it.
 */
import type { Metric, MetricWindow } from './model';
import { MINUTE_MS, REQUEST_METRICS, metricOf, minuteAggregates, type WindowAggregate } from './window-math';

export type GuardSeverity = 'warning' | 'critical';
export type GuardAction = 'pause' | 'rollback' | 'none';
export type ComparisonOp = '>' | '<';

/** Threshold on V2's value, or on V2's value as a multiple of V1's (2.0 = 200% of V1). */
export type GuardComparison =
  | { kind: 'absolute'; op: ComparisonOp; value: number }
  | { kind: 'relative_to_v1'; op: ComparisonOp; ratio: number };

export interface GuardRule {
  /** Stable id: part of every breachId. */
  id: string;
  label: string;
  severity: GuardSeverity;
  /** Units as in `Metric`: error_rate is a fraction (0.05 = 5%), latency ms, memory MB, CPU percent. */
  metric: Metric;
  comparison: GuardComparison;
  /** Consecutive breaching minutes needed. */
  forMinutes: number;
  action: GuardAction;
  /** Minutes with fewer requests (per variant involved) carry no evidence for request metrics; default 1. */
  minRequests?: number;
}

export type GuardState = 'ok' | 'pending' | 'breached';

/** The numbers of one minute as the rule saw them. */
export interface GuardMinute {
  /** Minute start, epoch ms. */
  at: number;
  /** What is compared: V2's value, or V2/V1 for relative rules. */
  value: number;
  v2Value: number;
  /** V1 in the same minute when it has a value: the baseline of relative rules, context for absolute ones. */
  v1Value: number | null;
}

/** One run of breaching minutes that reached `forMinutes`. */
export interface GuardBreach {
  breachId: string;
  ruleId: string;
  severity: GuardSeverity;
  action: GuardAction;
  /** First breaching minute's start, epoch ms. */
  startedAt: number;
  /** Start of the minute that completed `forMinutes`, epoch ms. */
  firedAt: number;
  /** Start of the last breaching minute seen, epoch ms. */
  lastAt: number;
  /** Breaching minutes in the run so far. */
  minutes: number;
  /** Whether the run is still going at the latest minute evaluated. */
  ongoing: boolean;
  /** The `forMinutes` breaching minutes that fired it: the numbers to record with the trigger. */
  firing: GuardMinute[];
  /** Worst compared value in the run (highest for '>', lowest for '<'). */
  peak: number;
  threshold: number;
}

export interface GuardStatus {
  rule: GuardRule;
  state: GuardState;
  /** Breaching minutes in the current run (0 when the latest evidence is within the threshold). */
  consecutiveMinutes: number;
  /** Latest minute with evidence for this rule, or null when none. */
  latest: GuardMinute | null;
  /** The compared value's threshold: the absolute value, or the ratio for relative rules. */
  threshold: number;
  /** Start of the current run's first breaching minute, epoch ms. */
  runStartedAt: number | null;
  /** Set when `state === 'breached'`: `${rule.id}@${ISO start of the run}`. */
  breachId: string | null;
  /** The current run reaches back to the earliest minute supplied; its real start may be earlier. */
  runMayStartEarlier: boolean;
  /** Every breach in the supplied windows, oldest first (a backfill may contain finished ones). */
  breaches: GuardBreach[];
}

/**
 * Seed 004's automatic rollback triggers and alerting thresholds. Durations the seed leaves
 * open: memory 5 minutes (as long as the error-rate trigger: rides out a GC or cache-warm spike,
 * still acts within minutes); warnings 3 minutes for error rate and p95 (a pause is cheap and
 * reversible, but one noisy minute should not stop a rollout), 5 for CPU (spiky by nature) and
 * for the p95 deviation from V1 (a ratio of two small samples is noisy at 1% traffic).
 */
export const DEFAULT_GUARDS: readonly GuardRule[] = Object.freeze([
  {
    id: 'critical-error-rate',
    label: 'V2 error rate above 5% for 5 consecutive minutes',
    severity: 'critical',
    metric: 'error_rate',
    comparison: { kind: 'absolute', op: '>', value: 0.05 },
    forMinutes: 5,
    action: 'rollback',
  },
  {
    id: 'critical-latency-avg',
    label: 'V2 average latency above 10 s for 10 minutes',
    severity: 'critical',
    metric: 'latency_avg',
    comparison: { kind: 'absolute', op: '>', value: 10_000 },
    forMinutes: 10,
    action: 'rollback',
  },
  {
    id: 'critical-memory',
    label: 'V2 memory above 200% of V1 for 5 minutes',
    severity: 'critical',
    metric: 'memory',
    comparison: { kind: 'relative_to_v1', op: '>', ratio: 2 },
    forMinutes: 5,
    action: 'rollback',
  },
  {
    id: 'warning-error-rate',
    label: 'V2 error rate above 2% for 3 minutes',
    severity: 'warning',
    metric: 'error_rate',
    comparison: { kind: 'absolute', op: '>', value: 0.02 },
    forMinutes: 3,
    action: 'pause',
  },
  {
    id: 'warning-latency-p95',
    label: 'V2 p95 latency above 7 s for 3 minutes',
    severity: 'warning',
    metric: 'latency_p95',
    comparison: { kind: 'absolute', op: '>', value: 7_000 },
    forMinutes: 3,
    action: 'pause',
  },
  {
    id: 'warning-cpu',
    label: 'V2 CPU above 80% for 5 minutes',
    severity: 'warning',
    metric: 'cpu',
    comparison: { kind: 'absolute', op: '>', value: 80 },
    forMinutes: 5,
    action: 'pause',
  },
  {
    id: 'warning-p95-deviation',
    label: 'V2 p95 latency more than 15% above V1 for 5 minutes',
    severity: 'warning',
    metric: 'latency_p95',
    comparison: { kind: 'relative_to_v1', op: '>', ratio: 1.15 },
    forMinutes: 5,
    action: 'pause',
  },
] satisfies GuardRule[]);

export const thresholdOf = (c: GuardComparison): number => (c.kind === 'absolute' ? c.value : c.ratio);

const crosses = (op: ComparisonOp, value: number, threshold: number): boolean => (op === '>' ? value > threshold : value < threshold);

/** How one minute looks to one rule: no window, no evidence, or a judged value. */
export type MinuteOutcome = { kind: 'missing' } | { kind: 'no_data' } | { kind: 'ok' | 'breach'; minute: GuardMinute };

/** Per-variant aggregates keyed by epoch minute (see `minuteAggregates`). */
export type MinuteAggregates = ReturnType<typeof minuteAggregates>;

function valueFor(rule: GuardRule, agg: WindowAggregate | undefined): number | null | undefined {
  if (agg === undefined) return undefined;
  if (REQUEST_METRICS.has(rule.metric) && agg.requests < Math.max(1, rule.minRequests ?? 1)) return null;
  return metricOf(agg, rule.metric);
}

/** How one minute looks to one rule. */
export function judgeMinute(rule: GuardRule, minute: number, aggs: MinuteAggregates): MinuteOutcome {
  const v2 = valueFor(rule, aggs.v2.get(minute));
  const relative = rule.comparison.kind === 'relative_to_v1';
  const v1 = valueFor(rule, aggs.v1.get(minute));
  if (v2 === undefined || (relative && v1 === undefined)) return { kind: 'missing' };
  if (v2 === null) return { kind: 'no_data' };
  let value = v2;
  if (relative) {
    if (v1 === null || v1 === undefined || v1 <= 0) return { kind: 'no_data' };
    value = v2 / v1;
  }
  const at = minute * MINUTE_MS;
  const seen: GuardMinute = { at, value, v2Value: v2, v1Value: v1 ?? null };
  return { kind: crosses(rule.comparison.op, value, thresholdOf(rule.comparison)) ? 'breach' : 'ok', minute: seen };
}

const breachIdOf = (ruleId: string, startedAt: number): string => `${ruleId}@${new Date(startedAt).toISOString()}`;

function evaluateRule(rule: GuardRule, aggs: MinuteAggregates, minutes: readonly number[]): GuardStatus {
  const threshold = thresholdOf(rule.comparison);
  const forMinutes = Math.max(1, Math.floor(rule.forMinutes));
  const worse = (a: number, b: number): number => (rule.comparison.op === '>' ? Math.max(a, b) : Math.min(a, b));
  const breaches: GuardBreach[] = [];
  let latest: GuardMinute | null = null;
  let run: GuardMinute[] = [];
  let current: GuardBreach | null = null;
  let prevMinute: number | null = null;
  // Whether a healthy or missing minute has been seen yet: until then a run may have begun
  // before the first window supplied.
  let brokenSinceStart = false;
  let runTouchesStart = false;

  const endRun = (): void => {
    brokenSinceStart = true;
    if (current !== null) current.ongoing = false;
    run = [];
    current = null;
  };

  for (const m of minutes) {
    const outcome = judgeMinute(rule, m, aggs);
    if (outcome.kind === 'missing') continue;
    if (prevMinute !== null && m !== prevMinute + 1) endRun();
    prevMinute = m;
    if (outcome.kind === 'no_data') continue;
    latest = outcome.minute;
    if (outcome.kind === 'ok') {
      endRun();
      continue;
    }
    if (run.length === 0) runTouchesStart = !brokenSinceStart;
    run.push(outcome.minute);
    if (current !== null) {
      current.minutes = run.length;
      current.lastAt = outcome.minute.at;
      current.peak = worse(current.peak, outcome.minute.value);
    } else if (run.length >= forMinutes) {
      const first = run[0] ?? outcome.minute;
      current = {
        breachId: breachIdOf(rule.id, first.at),
        ruleId: rule.id,
        severity: rule.severity,
        action: rule.action,
        startedAt: first.at,
        firedAt: outcome.minute.at,
        lastAt: outcome.minute.at,
        minutes: run.length,
        ongoing: true,
        firing: run.slice(0, forMinutes),
        peak: run.reduce((p, x) => worse(p, x.value), first.value),
        threshold,
      };
      breaches.push(current);
    }
  }

  const first = run[0];
  const runStartedAt = first?.at ?? null;
  const state: GuardState = run.length === 0 ? 'ok' : run.length >= forMinutes ? 'breached' : 'pending';
  return {
    rule,
    state,
    consecutiveMinutes: run.length,
    latest,
    threshold,
    runStartedAt,
    breachId: state === 'breached' && runStartedAt !== null ? breachIdOf(rule.id, runStartedAt) : null,
    runMayStartEarlier: run.length > 0 && runTouchesStart,
    breaches,
  };
}

/**
 * Every rule's state over the windows with `start <= now`, in the order of `rules`.
 * Cost: one pass to index the windows, then one pass over the minutes per rule.
 */
export function evaluateGuards(windows: Iterable<MetricWindow>, rules: readonly GuardRule[], now: number): GuardStatus[] {
  const aggs = minuteAggregates(windows, now);
  const minutes = [...new Set([...aggs.v2.keys(), ...aggs.v1.keys()])].sort((a, b) => a - b);
  return rules.map((rule) => evaluateRule(rule, aggs, minutes));
}
