/**
 * Insights (product I1-I2): the audit log of a range (with the failure window on both sides, so
 * every change of the range sees what failed it and every recovery sees its changes), the guard
 * breaches and parity spikes that detected problems, one analysis (core/insights/failures.ts),
 * then numbers per namespace and bucket. Nothing is stored: every answer is derived afresh.
 */
import type { z } from 'zod';
import type {
  InsightEvents,
  InsightEventsQuery,
  InsightsSummary,
  InsightsSummaryQuery,
  NamespaceInsight,
  RollbackSeries,
  RollbacksQuery,
  Trigger,
} from '@contract/insights';
import type { AuditEvent } from '@contract/schemas';
import { bucketCounts, byNamespace, emptyCounts, matchesTrigger, periodNumbers, RISK_RECENT_MS, riskLevel, riskScore, type BucketCounts } from '@core/insights/aggregate';
import { analyze, type Analysis, type ChangeOutcome } from '@core/insights/failures';
import { CHANGE_ACTIONS, MANUAL_TRIGGER, SPIKE_WINDOW_MS, triggerOf, type Detection, type InsightEvent } from '@core/insights/model';
import { paritySpikes, spikeDetection } from '@core/insights/parity-spikes';
import { approxBuckets, bucketsBetween, MAX_BUCKETS } from '@core/insights/time-buckets';
import type { Clock } from '../clock';
import { ApiError, notFound } from '../errors';
import type { Store } from '../store/types';

const DAY_MS = 86_400_000;
/** The longest range one request may cover (the previous period of a summary comes on top). */
export const MAX_RANGE_DAYS = 400;
const DEFAULT_SPAN_MS = 30 * DAY_MS;

const iso = (ms: number) => new Date(ms).toISOString();

const badQuery = (message: string, path: string) => new ApiError('BadRequest', message, path, { location: 'query' });

/** [from, to) from the query: `to` defaults to now, `from` to `to` minus `defaultSpan`. */
export function rangeOf(q: { from?: string | undefined; to?: string | undefined }, now: number, defaultSpan = DEFAULT_SPAN_MS): { from: number; to: number } {
  const to = q.to === undefined ? now : Date.parse(q.to);
  const from = q.from === undefined ? to - defaultSpan : Date.parse(q.from);
  if (!(from < to)) throw badQuery('from must be before to', '/from');
  if (to - from > MAX_RANGE_DAYS * DAY_MS) throw badQuery(`the range is at most ${MAX_RANGE_DAYS} days`, '/from');
  return { from, to };
}

const inside = (t: number, from: number, to: number) => t >= from && t < to;

const EMPTY: Analysis = { changes: [], recoveries: [], rollbacks: [], killSwitch: [] };

function addCounts(into: BucketCounts, c: BucketCounts): void {
  for (const k of ['loads', 'patches', 'restores', 'promotions', 'changes', 'failures', 'rollbacks', 'manual', 'automatic', 'killSwitchEpisodes'] as const) into[k] += c[k];
  for (const [t, n] of Object.entries(c.byTrigger)) into.byTrigger[t] = (into.byTrigger[t] ?? 0) + n;
}

export class InsightsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  private async namespaces(filter?: string): Promise<string[]> {
    const names = await this.store.insights.namespaceNames();
    if (filter === undefined) return names;
    if (!names.includes(filter)) throw notFound(`namespace ${filter}`);
    return [filter];
  }

  /** Guard breaches and parity spikes of the namespace's rollouts (all namespaces without one) in [from, to). */
  private async detections(from: number, to: number, namespace?: string): Promise<Detection[]> {
    const scope = namespace === undefined ? {} : { namespace };
    const breaches = await this.store.insights.breaches({ from: iso(from), to: iso(to), ...scope });
    const out: Detection[] = breaches.map((b) => ({
      kind: 'guard_breach',
      at: Date.parse(b.firedAt),
      namespace: b.namespace,
      rolloutId: b.rolloutId,
      ref: b.breachId,
      label: b.sentence,
    }));
    for (const m of await this.store.insights.mismatchTimes({ from: iso(from - SPIKE_WINDOW_MS), to: iso(to), ...scope })) {
      for (const s of paritySpikes(m.rolloutId, m.namespace, m.times)) if (inside(s.detectedAt, from, to)) out.push(spikeDetection(s));
    }
    return out;
  }

  /** One analysis good for changes and recoveries in [from, to): events from a window before to a window after. */
  private async analysis(from: number, to: number, windowMs: number, namespace?: string): Promise<Analysis> {
    const start = from - windowMs;
    const end = to + windowMs;
    const events = await this.store.insights.insightEvents({ from: iso(start), to: iso(end), ...(namespace === undefined ? {} : { namespace }) });
    return analyze(events, await this.detections(start, end, namespace), { failureWindowMs: windowMs });
  }

  async summary(q: z.infer<typeof InsightsSummaryQuery>): Promise<z.infer<typeof InsightsSummary>> {
    const { from, to } = rangeOf(q, this.clock().getTime());
    const previousFrom = from - (to - from);
    const a = await this.analysis(previousFrom, to, q.failureWindow);
    const recentFrom = Math.max(from, to - RISK_RECENT_MS);
    const parts = byNamespace(a);
    const namespaces: NamespaceInsight[] = (await this.namespaces()).map((ns) => {
      const part = parts.get(ns) ?? EMPTY;
      const current = periodNumbers(part, null, from, to);
      const recentAutomatic = part.rollbacks.filter((e) => e.automatic && inside(e.at, recentFrom, to)).length;
      const score = riskScore(current, recentAutomatic);
      return { namespace: ns, current, previous: periodNumbers(part, null, previousFrom, from), risk: { score, level: riskLevel(score), automaticRollbacks7d: recentAutomatic } };
    });
    namespaces.sort(
      (x, y) =>
        y.risk.score - x.risk.score ||
        (y.current.changeFailureRate ?? -1) - (x.current.changeFailureRate ?? -1) ||
        y.current.changes - x.current.changes ||
        x.namespace.localeCompare(y.namespace),
    );
    return {
      from,
      to,
      previousFrom,
      tz: q.tz,
      failureWindowMs: q.failureWindow,
      changeActions: [...CHANGE_ACTIONS],
      totals: { current: periodNumbers(a, null, from, to), previous: periodNumbers(a, null, previousFrom, from) },
      namespaces,
    };
  }

  async rollbacks(q: z.infer<typeof RollbacksQuery>): Promise<z.infer<typeof RollbackSeries>> {
    const { from, to } = rangeOf(q, this.clock().getTime());
    if (approxBuckets(from, to, q.bucket) > MAX_BUCKETS) {
      throw badQuery(`at most ${MAX_BUCKETS.toLocaleString('en')} buckets: choose a larger bucket or a shorter range`, '/bucket');
    }
    const names = await this.namespaces(q.namespace);
    const buckets = bucketsBetween(from, to, q.bucket, q.tz);
    const spanFrom = buckets.starts[0] ?? from;
    const spanTo = buckets.ends.at(-1) ?? to;
    const a = await this.analysis(spanFrom, spanTo, q.failureWindow, q.namespace);
    const trigger = q.trigger ?? null;
    const parts = byNamespace(a);

    const triggers = new Map<string, Trigger>();
    for (const e of a.rollbacks) {
      if (!inside(e.at, spanFrom, spanTo)) continue;
      const id = triggerOf(e);
      const t = triggers.get(id) ?? { id, label: id === MANUAL_TRIGGER ? 'Manual' : (e.triggerLabel ?? id), automatic: id !== MANUAL_TRIGGER, count: 0 };
      t.count++;
      triggers.set(id, t);
    }
    return {
      from,
      to,
      bucket: q.bucket,
      tz: q.tz,
      trigger,
      buckets: buckets.starts.map((start, i) => ({ start, end: buckets.ends[i] ?? start })),
      triggers: [...triggers.values()].sort((x, y) => Number(x.automatic) - Number(y.automatic) || y.count - x.count || x.id.localeCompare(y.id)),
      namespaces: names.map((namespace) => {
        const points = bucketCounts(parts.get(namespace) ?? EMPTY, namespace, buckets, trigger);
        const totals = emptyCounts();
        for (const p of points) addCounts(totals, p);
        return { namespace, points, totals };
      }),
    };
  }

  async events(q: z.infer<typeof InsightEventsQuery>): Promise<z.infer<typeof InsightEvents>> {
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (!(from < to)) throw badQuery('from must be before to', '/from');
    if (to - from > MAX_RANGE_DAYS * DAY_MS) throw badQuery(`the range is at most ${MAX_RANGE_DAYS} days`, '/from');
    if (q.namespace !== undefined) await this.namespaces(q.namespace);
    const a = await this.analysis(from, to, q.failureWindow, q.namespace);
    const found = pick(a, q.metric, from, to, q.trigger ?? null);
    found.sort((x, y) => y.event.at - x.event.at || y.event.id - x.event.id);
    const shown = found.slice(0, q.limit);
    const ids = [...new Set(shown.flatMap((f) => [f.event.id, ...f.related.map((r) => r.id)]))];
    const byId = new Map((await this.store.insights.eventsByIds(ids)).map((e) => [e.id, e]));
    const full = (e: InsightEvent): AuditEvent[] => {
      const got = byId.get(e.id);
      return got ? [got] : [];
    };
    return {
      metric: q.metric,
      namespace: q.namespace ?? null,
      from,
      to,
      total: found.length,
      items: shown.flatMap((f) =>
        full(f.event).map((event) => ({
          event,
          related: f.related.flatMap(full),
          detection: f.detection ? { kind: f.detection.kind, at: iso(f.detection.at), rolloutId: f.detection.rolloutId, ref: f.detection.ref, label: f.detection.label } : null,
          startAt: f.startAt === null ? null : iso(f.startAt),
          durationMs: f.durationMs,
        })),
      ),
    };
  }
}

interface Found {
  event: InsightEvent;
  related: InsightEvent[];
  detection: Detection | null;
  startAt: number | null;
  durationMs: number | null;
}

const CHANGE_METRIC = { loads: 'snapshot.load', patches: 'snapshot.patch', restores: 'snapshot.restore', promotions: 'rollout.promote' } as const;

/** The analysis items behind one metric in [from, to). */
function pick(a: Analysis, metric: z.infer<typeof InsightEventsQuery>['metric'], from: number, to: number, trigger: string | null): Found[] {
  const plain = (event: InsightEvent, related: InsightEvent[]): Found => ({ event, related, detection: null, startAt: null, durationMs: null });
  const changeItem = (o: ChangeOutcome) => plain(o.change, o.failedBy);
  // Which changes each failure event failed, indexed once (not a scan of every change per rollback).
  const failedChanges = new Map<InsightEvent, InsightEvent[]>();
  for (const o of a.changes) for (const f of o.failedBy) failedChanges.set(f, [...(failedChanges.get(f) ?? []), o.change]);
  const failedBy = (e: InsightEvent) => failedChanges.get(e) ?? [];
  const made = a.changes.filter((o) => inside(o.change.at, from, to));
  switch (metric) {
    case 'changes':
      return made.map(changeItem);
    case 'failures':
      return made.filter((o) => o.failedBy.length > 0).map(changeItem);
    case 'loads':
    case 'patches':
    case 'restores':
    case 'promotions':
      return made.filter((o) => o.change.action === CHANGE_METRIC[metric]).map(changeItem);
    case 'rollbacks':
    case 'rollbacks_manual':
    case 'rollbacks_automatic':
      return a.rollbacks
        .filter((e) => inside(e.at, from, to) && matchesTrigger(e, trigger))
        .filter((e) => (metric === 'rollbacks_manual' ? !e.automatic : metric === 'rollbacks_automatic' ? e.automatic : true))
        .map((e) => plain(e, failedBy(e)));
    case 'kill_switch':
      return a.killSwitch.filter((k) => inside(k.on.at, from, to)).map((k) => plain(k.on, [...failedBy(k.on), ...(k.off ? [k.off] : [])]));
    case 'recoveries':
      return a.recoveries
        .filter((r) => inside(r.event.at, from, to))
        .map((r) => ({ event: r.event, related: r.changes, detection: r.detection, startAt: r.startAt, durationMs: r.durationMs }));
  }
}
