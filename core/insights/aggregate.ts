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

/** The period's numbers for one namespace (or every namespace with `namespace` null). */
export function periodNumbers(a: Analysis, namespace: string | null, from: number, to: number): PeriodNumbers {
  const mine = (e: InsightEvent) => namespace === null || e.namespace === namespace;
  const made = a.changes.filter((o) => mine(o.change) && inside(o.change.at, from, to));
  const count = (action: InsightEvent['action']) => made.filter((o) => o.change.action === action).length;
  const failures = made.filter((o) => o.failedBy.length > 0).length;
  const rb = a.rollbacks.filter((e) => mine(e) && inside(e.at, from, to));
  const automatic = rb.filter((e) => e.automatic).length;
  const recovered = a.recoveries.filter((r) => mine(r.event) && inside(r.event.at, from, to));
  const stats = durationStats(recovered.map((r) => r.durationMs));
  return {
    changes: made.length,
    loads: count('snapshot.load'),
    patches: count('snapshot.patch'),
    restores: count('snapshot.restore'),
    promotions: count('rollout.promote'),
    failures,
    changeFailureRate: made.length === 0 ? null : failures / made.length,
    rollbacks: rb.length,
    manualRollbacks: rb.length - automatic,
    automaticRollbacks: automatic,
    killSwitchEpisodes: a.killSwitch.filter((k) => mine(k.on) && inside(k.on.at, from, to)).length,
    recoveries: recovered.length,
    timeToSafeRollbackMeanMs: stats.meanMs,
    timeToSafeRollbackP90Ms: stats.p90Ms,
  };
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
