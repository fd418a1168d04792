/**
 * Insight and timeline fixtures for component tests and the static demo, typed by the contract.
 * Numbers are small and fixed so tests can assert them: checkout is the riskiest namespace.
 */
import type { BucketCounts, BucketSize, InsightEvents, InsightMetric, InsightsSummary, PeriodNumbers, RollbackSeries, TimelineItem, TimelineResponse } from '@contract/insights';
import { emptyPeriodNumbers } from '@core/insights/aggregate';
import { bucketsBetween } from '@core/insights/time-buckets';
import { makeEvent } from './data';

const MIN = 60_000;

export function periodNumbers(over: Partial<PeriodNumbers> = {}): PeriodNumbers {
  return { ...emptyPeriodNumbers(), ...over };
}

export function insightsSummary(from: number, to: number): InsightsSummary {
  const checkout = periodNumbers({ changes: 12, loads: 6, patches: 4, restores: 1, promotions: 1, failures: 3, changeFailureRate: 0.25, rollbacks: 3, manualRollbacks: 2, automaticRollbacks: 1, killSwitchEpisodes: 1, recoveries: 3, timeToSafeRollbackMeanMs: 21 * MIN, timeToSafeRollbackP90Ms: 37 * MIN });
  const payments = periodNumbers({ changes: 8, loads: 5, patches: 3, failures: 1, changeFailureRate: 0.125, rollbacks: 1, manualRollbacks: 1, recoveries: 1, timeToSafeRollbackMeanMs: 12 * MIN, timeToSafeRollbackP90Ms: 12 * MIN });
  const search = periodNumbers({ changes: 5, loads: 3, patches: 2, changeFailureRate: 0 });
  const validation = periodNumbers();
  return {
    from,
    to,
    previousFrom: from - (to - from),
    tz: 'UTC',
    failureWindowMs: 24 * 60 * MIN,
    changeActions: ['snapshot.load', 'snapshot.patch', 'snapshot.restore', 'rollout.promote'],
    totals: {
      current: periodNumbers({ changes: 25, loads: 14, patches: 9, restores: 1, promotions: 1, failures: 4, changeFailureRate: 0.16, rollbacks: 4, manualRollbacks: 3, automaticRollbacks: 1, killSwitchEpisodes: 1, recoveries: 4, timeToSafeRollbackMeanMs: 18.75 * 60_000, timeToSafeRollbackP90Ms: 37 * MIN }),
      previous: periodNumbers({ changes: 20, failures: 4, changeFailureRate: 0.2, rollbacks: 5, manualRollbacks: 5, recoveries: 4, timeToSafeRollbackMeanMs: 26 * MIN, timeToSafeRollbackP90Ms: 44 * MIN }),
    },
    namespaces: [
      { namespace: 'checkout', current: checkout, previous: periodNumbers({ changes: 10, failures: 1, changeFailureRate: 0.1, timeToSafeRollbackMeanMs: 30 * MIN }), risk: { score: 6, level: 'high', automaticRollbacks7d: 1 } },
      { namespace: 'payments', current: payments, previous: periodNumbers({ changes: 6, failures: 2, changeFailureRate: 1 / 3 }), risk: { score: 1, level: 'low', automaticRollbacks7d: 0 } },
      { namespace: 'search', current: search, previous: periodNumbers({ changes: 4, changeFailureRate: 0 }), risk: { score: 0, level: 'none', automaticRollbacks7d: 0 } },
      { namespace: 'validation', current: validation, previous: periodNumbers(), risk: { score: 0, level: 'none', automaticRollbacks7d: 0 } },
    ],
  };
}

const counts = (manual: number, automatic: number, trigger: string | null): BucketCounts => {
  const keepManual = trigger === null || trigger === 'manual';
  const keepAuto = trigger === null || trigger !== 'manual';
  const m = keepManual ? manual : 0;
  const a = keepAuto ? automatic : 0;
  return {
    loads: 1,
    patches: 0,
    restores: 0,
    promotions: 0,
    changes: 1,
    failures: m + a > 0 ? 1 : 0,
    rollbacks: m + a,
    manual: m,
    automatic: a,
    byTrigger: { ...(m ? { manual: m } : {}), ...(a ? { 'critical-error-rate': a } : {}) },
    killSwitchEpisodes: 0,
  };
};

export function rollbackSeries(from: number, to: number, bucket: BucketSize, tz: string, trigger: string | null): RollbackSeries {
  const b = bucketsBetween(from, to, bucket, tz);
  const n = b.starts.length;
  const series = (pattern: (i: number) => [number, number]) => {
    const points = b.starts.map((_, i) => counts(...pattern(i), trigger));
    const totals = points.reduce<BucketCounts>((t, p) => ({ ...t, rollbacks: t.rollbacks + p.rollbacks, manual: t.manual + p.manual, automatic: t.automatic + p.automatic, changes: t.changes + p.changes }), counts(0, 0, null));
    return totals;
  };
  const checkoutAt = (i: number): [number, number] => (i === n - 2 ? [1, 1] : i === n - 5 ? [1, 0] : [0, 0]);
  const paymentsAt = (i: number): [number, number] => (i === n - 3 ? [1, 0] : [0, 0]);
  const make = (namespace: string, at: (i: number) => [number, number]) => ({ namespace, points: b.starts.map((_, i) => counts(...at(i), trigger)), totals: series(at) });
  return {
    from,
    to,
    bucket,
    tz,
    trigger,
    buckets: b.starts.map((start, i) => ({ start, end: b.ends[i] ?? start })),
    triggers: [
      { id: 'manual', label: 'Manual', automatic: false, count: 3 },
      { id: 'critical-error-rate', label: 'V2 error rate above 5% for 5 consecutive minutes', automatic: true, count: 1 },
    ],
    namespaces: [make('checkout', checkoutAt), make('payments', paymentsAt), make('search', () => [0, 0]), make('validation', () => [0, 0])],
  };
}

export function insightEvents(metric: InsightMetric, namespace: string | null, from: number, to: number): InsightEvents {
  const at = (m: number) => new Date(to - m * MIN).toISOString();
  const load = makeEvent({ at: at(200), namespace: namespace ?? 'checkout', action: 'snapshot.load', fromVersion: 12, toVersion: 13, reason: 'Raise the express pay limit', actor: 'alice.martin' });
  const rollback = makeEvent({ at: at(177), namespace: namespace ?? 'checkout', action: 'snapshot.rollback', fromVersion: 13, toVersion: 12, reason: 'p95 latency doubled after v13', actor: 'dana.kowalski' });
  const items: InsightEvents['items'] =
    metric === 'recoveries'
      ? [{ event: rollback, related: [load], detection: { kind: 'guard_breach', at: at(190), rolloutId: 'checkout-v2', ref: 'critical-latency-avg@x', label: 'V2 average latency above 10 s' }, startAt: at(190), durationMs: 13 * MIN }]
      : metric.startsWith('rollbacks')
        ? [{ event: rollback, related: [load], detection: null, startAt: null, durationMs: null }]
        : [{ event: load, related: metric === 'failures' || metric === 'changes' ? [rollback] : [], detection: null, startAt: null, durationMs: null }];
  return { metric, namespace, from, to, total: items.length, items };
}

export function timelineFor(from: number, to: number, namespace: string | null): TimelineResponse {
  const t = (share: number) => Math.round(from + (to - from) * share);
  const item = (id: string, share: number, over: Partial<TimelineItem>): TimelineItem => ({
    id,
    t: t(share),
    kind: 'snapshot_load',
    namespace: 'checkout',
    rolloutId: null,
    label: 'Loaded v13',
    reason: 'Raise the express pay limit',
    actor: 'alice.martin',
    severity: 'info',
    automatic: false,
    eventId: null,
    version: 13,
    link: { type: 'diff', namespace: 'checkout', from: 12, to: 13 },
    ...over,
  });
  const items: TimelineItem[] = [
    item('event:1', 0.2, {}),
    item('breach:checkout-v2:x', 0.3, { kind: 'guard_breach', label: 'Guard breach: critical-latency-avg (rolled back)', reason: 'V2 average latency above 10 s for 10 minutes', actor: null, severity: 'critical', automatic: true, rolloutId: 'checkout-v2', version: null, link: { type: 'rollout', rolloutId: 'checkout-v2' } }),
    item('event:2', 0.32, { kind: 'snapshot_rollback', label: 'v13 rolled back to v12', reason: 'p95 latency doubled after v13', actor: 'dana.kowalski', severity: 'critical', version: 12, link: { type: 'diff', namespace: 'checkout', from: 13, to: 12 } }),
    item('spike:payments-v2@1', 0.6, { kind: 'parity_spike', namespace: 'payments', label: 'Parity mismatch spike: 7 mismatches', reason: '7 parity mismatches in 6 minutes', actor: null, severity: 'warning', automatic: true, rolloutId: 'payments-v2', version: null, link: { type: 'parity', rolloutId: 'payments-v2' } }),
    item('event:3', 0.8, { kind: 'stage_change', namespace: 'payments', label: 'Promoted to Ramp 10%', reason: 'Canary clean', actor: 'priya.shah', rolloutId: 'payments-v2', version: 21, link: { type: 'diff', namespace: 'payments', from: 20, to: 21 } }),
  ];
  return { from, to, items: namespace ? items.filter((i) => i.namespace === namespace) : items, truncated: false };
}
