/**
 * Numbers per namespace from one analysis (./failures.ts): period summaries (changes, failures,
 * change failure rate, rollbacks, time to safe rollback, risk) and bucketed series for charts.
 * A period or bucket is [from, to): changes count where they were made, rollbacks and kill-switch
 * episodes where they happened, recoveries where the rollback took effect.
 */
import type { Analysis } from './failures';
import { durationStats } from './failures';
import { MANUAL_TRIGGER, triggerOf, type InsightEvent } from './model';
import { bucketIndex, type Buckets } from './time-buckets';

const DAY_MS = 86_400_000;

export interface PeriodNumbers {
  changes: number;
  loads: number;
  patches: number;
  restores: number;
  promotions: number;
  failures: number;
  /** failures / changes; null without changes. */
  changeFailureRate: number | null;
  rollbacks: number;
  manualRollbacks: number;
  automaticRollbacks: number;
  killSwitchEpisodes: number;
  recoveries: number;
  timeToSafeRollbackMeanMs: number | null;
  timeToSafeRollbackP90Ms: number | null;
}

const inside = (t: number, from: number, to: number) => t >= from && t < to;

/** The analysis of one namespace (or of every namespace with `namespace` null), for repeated period queries. */
export function partOf(a: Analysis, namespace: string | null): Analysis {
  if (namespace === null) return a;
  const mine = (e: InsightEvent) => e.namespace === namespace;
  return {
    changes: a.changes.filter((o) => mine(o.change)),
    recoveries: a.recoveries.filter((r) => mine(r.event)),
    rollbacks: a.rollbacks.filter(mine),
    killSwitch: a.killSwitch.filter((k) => mine(k.on)),
  };
}

/** The analysis split by namespace, in one pass (summaries of many namespaces read each part twice). */
export function byNamespace(a: Analysis): Map<string, Analysis> {
  const parts = new Map<string, Analysis>();
  const part = (ns: string) => {
    let p = parts.get(ns);
    if (!p) {
      p = { changes: [], recoveries: [], rollbacks: [], killSwitch: [] };
      parts.set(ns, p);
    }
    return p;
  };
  for (const o of a.changes) part(o.change.namespace).changes.push(o);
  for (const r of a.recoveries) part(r.event.namespace).recoveries.push(r);
  for (const e of a.rollbacks) part(e.namespace).rollbacks.push(e);
  for (const k of a.killSwitch) part(k.on.namespace).killSwitch.push(k);
  return parts;
}

/** A period with nothing in it: every count zero, every rate and duration unknown. */
export function emptyPeriodNumbers(): PeriodNumbers {
  return {
    changes: 0,
    loads: 0,
    patches: 0,
    restores: 0,
    promotions: 0,
    failures: 0,
    changeFailureRate: null,
    rollbacks: 0,
    manualRollbacks: 0,
    automaticRollbacks: 0,
    killSwitchEpisodes: 0,
    recoveries: 0,
    timeToSafeRollbackMeanMs: null,
    timeToSafeRollbackP90Ms: null,
  };
}

/** The period's numbers for one namespace (or every namespace with `namespace` null), in one pass over each list. */
export function periodNumbers(a: Analysis, namespace: string | null, from: number, to: number): PeriodNumbers {
  const p = partOf(a, namespace);
  const n = emptyPeriodNumbers();
  for (const o of p.changes) {
    if (!inside(o.change.at, from, to)) continue;
    n.changes++;
    n[CHANGE_FIELD[o.change.action as keyof typeof CHANGE_FIELD]]++;
    if (o.failedBy.length > 0) n.failures++;
  }
  n.changeFailureRate = n.changes === 0 ? null : n.failures / n.changes;
  for (const e of p.rollbacks) {
    if (!inside(e.at, from, to)) continue;
    n.rollbacks++;
    if (e.automatic) n.automaticRollbacks++;
    else n.manualRollbacks++;
  }
  for (const k of p.killSwitch) if (inside(k.on.at, from, to)) n.killSwitchEpisodes++;
  const durations = p.recoveries.filter((r) => inside(r.event.at, from, to)).map((r) => r.durationMs);
  const stats = durationStats(durations);
  n.recoveries = stats.samples;
  n.timeToSafeRollbackMeanMs = stats.meanMs;
  n.timeToSafeRollbackP90Ms = stats.p90Ms;
  return n;
}

/**
 * Risk, for sorting namespaces: the failed changes of the period (change failure rate x change
 * volume), plus 2 for each automatic rollback in the period's last 7 days (the guards caught a
 * regression in production traffic), plus 1 for each kill-switch episode of the period.
 */
export function riskScore(n: Pick<PeriodNumbers, 'failures' | 'killSwitchEpisodes'>, recentAutomaticRollbacks: number): number {
  return n.failures + 2 * recentAutomaticRollbacks + n.killSwitchEpisodes;
}

export const RISK_RECENT_MS = 7 * DAY_MS;

export type RiskLevel = 'none' | 'low' | 'medium' | 'high';

export function riskLevel(score: number): RiskLevel {
  if (score <= 0) return 'none';
  if (score < 2) return 'low';
  if (score < 5) return 'medium';
  return 'high';
}

export interface BucketCounts {
  loads: number;
  patches: number;
  restores: number;
  promotions: number;
  changes: number;
  failures: number;
  rollbacks: number;
  manual: number;
  automatic: number;
  /** Rollbacks by trigger: `manual` or the guard rule's id. */
  byTrigger: Record<string, number>;
  killSwitchEpisodes: number;
}

export const emptyCounts = (): BucketCounts => ({
  loads: 0,
  patches: 0,
  restores: 0,
  promotions: 0,
  changes: 0,
  failures: 0,
  rollbacks: 0,
  manual: 0,
  automatic: 0,
  byTrigger: {},
  killSwitchEpisodes: 0,
});

const CHANGE_FIELD = {
  'snapshot.load': 'loads',
  'snapshot.patch': 'patches',
  'snapshot.restore': 'restores',
  'rollout.promote': 'promotions',
} as const;

/**
 * Counts per bucket for one namespace, every bucket present (zeros where nothing happened).
 * `trigger` keeps only rollbacks with that trigger (`manual`, `automatic` or a rule id); the
 * other counts are unaffected.
 */
export function bucketCounts(a: Analysis, namespace: string, buckets: Buckets, trigger: string | null): BucketCounts[] {
  const out = buckets.starts.map(() => emptyCounts());
  const at = (t: number) => out[bucketIndex(buckets, t)];
  for (const o of a.changes) {
    if (o.change.namespace !== namespace) continue;
    const b = at(o.change.at);
    if (!b || !(o.change.action in CHANGE_FIELD)) continue;
    b[CHANGE_FIELD[o.change.action as keyof typeof CHANGE_FIELD]]++;
    b.changes++;
    if (o.failedBy.length > 0) b.failures++;
  }
  for (const e of a.rollbacks) {
    if (e.namespace !== namespace || !matchesTrigger(e, trigger)) continue;
    const b = at(e.at);
    if (!b) continue;
    b.rollbacks++;
    if (e.automatic) b.automatic++;
    else b.manual++;
    const t = triggerOf(e);
    b.byTrigger[t] = (b.byTrigger[t] ?? 0) + 1;
  }
  for (const k of a.killSwitch) {
    if (k.on.namespace !== namespace) continue;
    const b = at(k.on.at);
    if (b) b.killSwitchEpisodes++;
  }
  return out;
}

/** `manual`, `automatic` (any guard rule), or one rule id; null keeps every rollback. */
export function matchesTrigger(e: InsightEvent, trigger: string | null): boolean {
  if (trigger === null) return true;
  if (trigger === 'automatic') return e.automatic;
  if (trigger === MANUAL_TRIGGER) return !e.automatic;
  return triggerOf(e) === trigger;
}
