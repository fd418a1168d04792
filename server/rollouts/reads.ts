/** The rollout page's reads: V1-vs-V2 metrics with thresholds, verdicts and markers; the gate; counter rates. */
import type { z } from 'zod';
import type { CountersResponse, GateResponse, Marker, MetricsQuery, MetricsResponse, CountersQuery } from '@contract/rollouts';
import type { AuditEvent } from '@contract/schemas';
import { counterRates, counterReasonKeys } from '@core/rollout/counters';
import { REQUIRED_ACCEPT_STREAK } from '@core/rollout/gate';
import { METRICS, type CumulativeReport, type Metric } from '@core/rollout/model';
import { bucketSizeFor, seriesFromSums, thresholdLines, type ThresholdLine } from '@core/rollout/series';
import { describeStep } from '@core/rollout/stages';
import { metricVerdict, verdictPeriodStart } from '@core/rollout/verdict';
import { MINUTE_MS } from '@core/rollout/window-math';
import { SPIKE_WINDOW_MS } from '@core/insights/model';
import { paritySpikes } from '@core/insights/parity-spikes';
import type { Clock } from '../clock';
import { ApiError, notFound } from '../errors';
import type { InsightStore } from '../store/insight-types';
import type { RolloutStore } from '../store/rollout-types';
import { readGate } from './gate-reading';
import type { RolloutService } from './service';
import { iso, stateOf } from './views';

const HOUR_MS = 3_600_000;
const MAX_RANGE_MS = 31 * 24 * HOUR_MS;
const MAX_MARKER_EVENTS = 2_000;
const MAX_COUNTER_REPORTS = 5_000;

function range(q: { from?: string | undefined; to?: string | undefined }, now: number, defaultSpan: number): { from: number; to: number } {
  const to = q.to === undefined ? now : Date.parse(q.to);
  const from = q.from === undefined ? to - defaultSpan : Date.parse(q.from);
  if (!(from < to)) throw new ApiError('BadRequest', 'from must be before to', '/from', { location: 'query' });
  if (to - from > MAX_RANGE_MS) throw new ApiError('BadRequest', 'the range is at most 31 days', '/from', { location: 'query' });
  return { from, to };
}

export const MARKER_OF: Partial<Record<AuditEvent['action'], Marker['kind']>> = {
  'snapshot.load': 'snapshot_load',
  'snapshot.patch': 'snapshot_patch',
  'snapshot.restore': 'snapshot_restore',
  'snapshot.rollback': 'snapshot_rollback',
  'killswitch.enable': 'kill_switch_on',
  'killswitch.disable': 'kill_switch_off',
  'rollout.create': 'stage_change',
  'rollout.promote': 'stage_change',
  'rollout.rollback': 'rollout_rollback',
  'rollout.pause': 'rollout_pause',
  'rollout.resume': 'rollout_resume',
};

function stepText(v: unknown): string {
  if (typeof v !== 'object' || v === null) return '?';
  const s = v as { stage?: unknown; share?: unknown };
  return typeof s.stage === 'string' && typeof s.share === 'number'
    ? describeStep({ stage: s.stage as 'shadow', share: s.share })
    : '?';
}

/** What an audit event is on a time axis: its kind, a short label, severity. Shared by the chart markers and /api/v1/timeline. */
export function describeEvent(e: AuditEvent): Pick<Marker, 'kind' | 'label' | 'severity' | 'automatic'> | null {
  const kind = MARKER_OF[e.action];
  if (kind === undefined) return null;
  const automatic = e.details.automatic === true;
  const version = e.toVersion;
  let label: string;
  switch (kind) {
    case 'stage_change':
      label = e.action === 'rollout.create' ? `Rollout created at ${stepText(e.details.step)}` : `Promoted to ${stepText(e.details.to)}${e.details.override === true ? ' (gate overridden)' : ''}`;
      break;
    case 'rollout_rollback':
      label = `${automatic ? 'Automatic rollback' : 'Rolled back'} from ${stepText(e.details.from)} to Shadow`;
      break;
    case 'rollout_pause':
      label = automatic ? `Paused by a guard` : 'Paused';
      break;
    case 'rollout_resume':
      label = 'Resumed';
      break;
    case 'snapshot_rollback':
      label = `v${e.fromVersion ?? '?'} rolled back to v${e.toVersion ?? '?'}`;
      break;
    case 'kill_switch_on':
      label = 'Kill switch on';
      break;
    case 'kill_switch_off':
      label = 'Kill switch off';
      break;
    default:
      label = `${e.action === 'snapshot.load' ? 'Loaded' : e.action === 'snapshot.patch' ? 'Patched' : 'Restored'} v${version ?? '?'}`;
  }
  const severity: Marker['severity'] = kind === 'rollout_rollback' || kind === 'kill_switch_on' || kind === 'snapshot_rollback' ? 'critical' : kind === 'rollout_pause' ? 'warning' : 'info';
  return { kind, label, severity, automatic };
}

function markerOf(e: AuditEvent): Marker | null {
  const d = describeEvent(e);
  if (d === null) return null;
  return { t: Date.parse(e.at), ...d, label: `${d.label}: ${e.reason}`, actor: e.actor, eventId: e.id, breachId: null, version: e.toVersion };
}

type Totals = Pick<CumulativeReport, 'decisionCounts' | 'reasonCounts' | 'parityReportCount' | 'paritySampleCount'>;

/** The latest report's counts since the manual reset (when the reporter has not reset itself since). */
function sinceBaseline(r: CumulativeReport, base: CumulativeReport | null): Totals {
  if (base === null) return r;
  // The baseline itself (or older): nothing counted since the reset.
  if (Date.parse(r.capturedAt) <= Date.parse(base.capturedAt)) {
    return { decisionCounts: { enqueue_runtime: 0, parity_only: 0, drop: 0 }, reasonCounts: {}, parityReportCount: 0, paritySampleCount: 0 };
  }
  const d = r.decisionCounts;
  const b = base.decisionCounts;
  const dropped = d.enqueue_runtime < b.enqueue_runtime || d.parity_only < b.parity_only || d.drop < b.drop || r.parityReportCount < base.parityReportCount;
  if (dropped) return r;
  return {
    decisionCounts: { enqueue_runtime: d.enqueue_runtime - b.enqueue_runtime, parity_only: d.parity_only - b.parity_only, drop: d.drop - b.drop },
    reasonCounts: Object.fromEntries(Object.entries(r.reasonCounts).map(([k, v]) => [k, Math.max(0, v - (Object.hasOwn(base.reasonCounts, k) ? (base.reasonCounts[k] ?? 0) : 0))])),
    parityReportCount: r.parityReportCount - base.parityReportCount,
    paritySampleCount: Math.max(0, r.paritySampleCount - base.paritySampleCount),
  };
}

export class RolloutReads {
  constructor(
    private readonly service: RolloutService,
    private readonly store: RolloutStore,
    private readonly clock: Clock,
    /** For parity mismatch spikes as markers (the same detector as the insights and the timeline). */
    private readonly insights?: InsightStore,
  ) {}

  async metrics(id: string, q: z.infer<typeof MetricsQuery>): Promise<z.infer<typeof MetricsResponse>> {
    // The row alone (guards, namespace): a bundle would also read up to a day of stage windows.
    const rollout = await this.store.getRollout(id);
    if (!rollout) throw notFound(`rollout ${id}`);
    const now = this.clock().getTime();
    const { from, to } = range(q, now, 6 * HOUR_MS);
    // Summed per bucket in the database: a week of minutes is ~20,000 windows, a chart ~200 points.
    const bucketMs = bucketSizeFor(from, to, q.points);
    const series = seriesFromSums(await this.store.windowBuckets(id, from, to, bucketMs), from, to, bucketMs);
    const rules = rollout.guards;
    const thresholds = Object.fromEntries(METRICS.map((m) => [m, thresholdLines(m, rules, series)])) as Record<Metric, ThresholdLine[]>;
    const verdictAt = Math.min(to, now);
    const periodStart = verdictPeriodStart(verdictAt, q.verdictMinutes);
    // The verdict's few minutes; within the charts' range (windows before `to`) when they start in it.
    const verdictWindows = await this.store.windows(id, periodStart, periodStart >= from ? Math.min(to, verdictAt + 1) : verdictAt + 1);
    const verdicts = METRICS.map((m) => metricVerdict(m, verdictWindows, rules, { now: verdictAt, lastNMinutes: q.verdictMinutes }));

    const events = await this.store.markerEvents(id, rollout.namespace, iso(from), iso(to), MAX_MARKER_EVENTS);
    const markers: Marker[] = events.flatMap((e) => {
      const m = markerOf(e);
      return m ? [m] : [];
    });
    for (const br of await this.store.breachesBetween(id, from - MINUTE_MS * 60, to)) {
      const t = Date.parse(br.firedAt);
      if (t < from || t >= to) continue;
      markers.push({
        t,
        kind: 'guard_breach',
        label: br.sentence,
        actor: null,
        severity: br.severity,
        automatic: true,
        eventId: br.eventId,
        breachId: br.breachId,
        version: null,
      });
    }
    if (this.insights) {
      for (const m of await this.insights.mismatchTimes({ from: iso(from - SPIKE_WINDOW_MS), to: iso(to), rolloutId: id })) {
        for (const s of paritySpikes(m.rolloutId, m.namespace, m.times)) {
          if (s.detectedAt < from || s.detectedAt >= to) continue;
          markers.push({ t: s.detectedAt, kind: 'parity_spike', label: `Parity mismatch spike: ${s.mismatches} mismatches`, actor: null, severity: 'warning', automatic: true, eventId: null, breachId: null, version: null });
        }
      }
    }
    markers.sort((a, c) => a.t - c.t);
    return { rolloutId: id, from, to, bucketMs: series.bucketMs, v1: series.v1, v2: series.v2, thresholds, verdicts, markers };
  }

  async gate(id: string): Promise<z.infer<typeof GateResponse>> {
    const b = await this.service.bundle(id);
    const r = b.rollout;
    const state = stateOf(b);
    const reading = readGate(b.stageReports, b.latestReport, r.gate, r.countersBaseline);
    const last = r.steps.length - 1;
    const blockers: string[] = [];
    if (r.status === 'paused') blockers.push(`paused${r.pausedReason ? `: ${r.pausedReason}` : ''}; resume it first`);
    if (r.status === 'rolled_back') blockers.push('rolled back to shadow; resume it (with a reason) first');
    if (r.status === 'completed') blockers.push('completed');
    if (state.stepIndex >= last) blockers.push('already at the last step (100%)');
    const result = reading.result;
    return {
      rolloutId: id,
      stepIndex: state.stepIndex,
      currentStep: r.steps[state.stepIndex] ?? { stage: state.stage, share: state.share },
      nextStep: state.stepIndex < last ? (r.steps[state.stepIndex + 1] ?? null) : null,
      report: reading.latest ? { id: reading.latest.id, capturedAt: reading.latest.capturedAt, receivedAt: reading.latest.receivedAt } : null,
      gate: result ? { ...result, metrics: { ...result.metrics } } : null,
      recent: reading.recent,
      acceptStreak: reading.streak,
      requiredStreak: REQUIRED_ACCEPT_STREAK,
      promotionAllowed: reading.allowed && blockers.length === 0,
      blockers,
    };
  }

  async counters(id: string, q: z.infer<typeof CountersQuery>): Promise<z.infer<typeof CountersResponse>> {
    const b = await this.service.bundle(id);
    const now = this.clock().getTime();
    const { from, to } = range(q, now, 6 * HOUR_MS);
    const rows = await this.store.reports(id, from, to, MAX_COUNTER_REPORTS);
    const points = counterRates(rows.map((r) => r.report)).filter((p) => p.at >= from && p.at <= to);
    const resets: z.infer<typeof CountersResponse>['resets'] = points.filter((p) => p.reset).map((p) => ({ at: p.at, kind: 'detected', actor: null, reason: null }));
    for (const e of b.events) {
      const at = Date.parse(e.at);
      if (e.action === 'rollout.counters_reset' && at >= from && at <= to) resets.push({ at, kind: 'manual', actor: e.actor, reason: e.reason });
    }
    resets.sort((x, y) => x.at - y.at);
    const latest = b.latestReport;
    const totals = latest ? sinceBaseline(latest.report, b.rollout.countersBaseline) : null;
    return {
      rolloutId: id,
      from,
      to,
      points,
      reasons: counterReasonKeys(points),
      resets,
      latest: latest && totals ? { capturedAt: latest.capturedAt, ...totals } : null,
    };
  }
}
