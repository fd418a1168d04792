/**
 * Rollout fixtures for component tests and the static demo, typed by the contract. Metrics,
 * verdicts, the gate and counter rates are computed with the same core functions the server
 * uses, from synthetic windows and reports, so the numbers hang together.
 */
import type {
  CountersResponse,
  GateResponse,
  Marker,
  MetricsResponse,
  ParityPatternsResponse,
  ParityReportDetail,
  ParityReportDto,
  RolloutDetail,
  RolloutSummary,
} from '@contract/rollouts';
import type { AuditEvent } from '@contract/schemas';
import { counterRates, counterReasonKeys } from '@core/rollout/counters';
import { evaluateGate } from '@core/rollout/gate';
import { DEFAULT_GUARDS } from '@core/rollout/guards';
import { DEFAULT_STEPS, METRICS, type CumulativeReport, type MetricWindow } from '@core/rollout/model';
import { downsampleWindows, thresholdLines } from '@core/rollout/series';
import { metricVerdict } from '@core/rollout/verdict';
import { makeEvent } from './data';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** Minute boundary at (or just before) module load: windows line up with the charts' buckets. */
export const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;

const step = (i: number) => ({ stepIndex: i, ...(DEFAULT_STEPS[i] ?? { stage: 'shadow' as const, share: 0 }) });

export const rolloutEvents: AuditEvent[] = [
  makeEvent({ id: 905, namespace: 'checkout', at: iso(NOW - 25 * MINUTE), actor: 'priya.shah', action: 'rollout.promote', reason: 'Gate green twice at 1%, p95 within 5% of V1', details: { rolloutId: 'checkout-variant', from: step(1), to: step(2), override: false } }),
  makeEvent({ id: 904, namespace: 'checkout', at: iso(NOW - 95 * MINUTE), actor: 'priya.shah', action: 'rollout.resume', reason: 'Tenant allowlist fixed', details: { rolloutId: 'checkout-variant', from: 'paused' } }),
  makeEvent({ id: 903, namespace: 'checkout', at: iso(NOW - 110 * MINUTE), actor: 'switchyard-guards', action: 'rollout.pause', reason: 'Guard: V2 CPU above 80% for 5 consecutive minutes (peak 86%)', details: { rolloutId: 'checkout-variant', automatic: true, trigger: 'warning-cpu' } }),
  makeEvent({ id: 902, namespace: 'checkout', at: iso(NOW - 180 * MINUTE), actor: 'priya.shah', action: 'rollout.promote', reason: 'Shadow parity clean for 2 hours', details: { rolloutId: 'checkout-variant', from: step(0), to: step(1), override: false } }),
  makeEvent({ id: 901, namespace: 'checkout', at: iso(NOW - 300 * MINUTE), actor: 'ada@switchyard.dev', action: 'rollout.create', reason: 'Start ONE_PAGE checkout rollout', details: { rolloutId: 'checkout-variant', step: { stage: 'shadow', share: 0 } } }),
];

const guardEvent = rolloutEvents[2] ?? null;

export function makeRollout(over: Partial<RolloutSummary> = {}): RolloutSummary {
  return {
    id: 'checkout-variant',
    namespace: 'checkout',
    flagKey: 'feature::checkout::variant',
    flagName: 'variant',
    flagType: 'ENUM',
    v1Value: 'CLASSIC',
    v2Value: 'ONE_PAGE',
    policyFlagKey: 'feature::checkout::variantRollout',
    description: 'One-page checkout replacing the classic three-step flow',
    createdAt: iso(NOW - 300 * MINUTE),
    createdBy: 'ada@switchyard.dev',
    revision: 7,
    steps: DEFAULT_STEPS.map((s) => ({ ...s })),
    state: { status: 'active', stepIndex: 2, stage: 'ramp', share: 10, mode: 'event_based', paused: false, pausedReason: null, stageStartedAt: iso(NOW - 25 * MINUTE) },
    canary: { enabled: true, subjects: [], tenantIds: ['acme', 'globex'], channels: ['web'] },
    parity: { enabled: true, sampleRate: 0.05 },
    live: { namespace: 'checkout', activeVersion: 17, policy: null, ruleShare: 10, killSwitch: false, inSync: true },
    verdict: { gate: 'accept', gateReasons: [], acceptStreak: 2, promotionAllowed: true, guards: 'ok' },
    lastGuardEvent: guardEvent,
    lastWindowAt: iso(NOW - MINUTE),
    lastReportAt: iso(NOW - MINUTE),
    ...over,
  };
}

export const rolloutSummaries: RolloutSummary[] = [
  makeRollout(),
  makeRollout({
    id: 'validation-orchestrator',
    namespace: 'validation',
    flagKey: 'feature::validation::orchestrator',
    flagName: 'orchestrator',
    flagType: 'BOOLEAN',
    v1Value: false,
    v2Value: true,
    policyFlagKey: 'feature::validation::orchestratorRollout',
    description: 'Event-based ValidationOrchestrator replacing the legacy validator',
    revision: 12,
    state: { status: 'rolled_back', stepIndex: 0, stage: 'shadow', share: 0, mode: 'shadow', paused: false, pausedReason: null, stageStartedAt: iso(NOW - 12 * MINUTE) },
    verdict: { gate: 'rollback_recommended', gateReasons: ['parity_mismatch_rate_exceeded'], acceptStreak: 0, promotionAllowed: false, guards: 'breached' },
    lastGuardEvent: makeEvent({ id: 950, namespace: 'validation', at: iso(NOW - 12 * MINUTE), actor: 'switchyard-guards', action: 'rollout.rollback', reason: 'Automatic rollback: V2 error rate above 5% for 5 consecutive minutes (peak 7.3%)', details: { automatic: true } }),
  }),
  makeRollout({
    id: 'search-ranker',
    namespace: 'search',
    flagKey: 'feature::search::ranker',
    flagName: 'ranker',
    flagType: 'BOOLEAN',
    v1Value: false,
    v2Value: true,
    description: null,
    revision: 3,
    state: { status: 'active', stepIndex: 0, stage: 'shadow', share: 0, mode: 'shadow', paused: false, pausedReason: null, stageStartedAt: iso(NOW - 40 * MINUTE) },
    verdict: { gate: 'hold', gateReasons: ['insufficient_parity_reports'], acceptStreak: 0, promotionAllowed: false, guards: 'ok' },
    lastGuardEvent: null,
  }),
];

export function detailOf(summary: RolloutSummary, over: Partial<RolloutDetail> = {}): RolloutDetail {
  return {
    ...summary,
    guards: DEFAULT_GUARDS.map((g) => ({ ...g, comparison: { ...g.comparison } })),
    gateThresholds: { minRuntimeDecisions: 25, minParityReports: 10, maxMismatchRate: 0.05, maxLegacyUnavailableRate: 0.1, maxDropRate: 0.2 },
    guardStatus: [],
    breaches: [],
    events: summary.id === 'checkout-variant' ? rolloutEvents : [],
    countersResetAt: null,
    ...over,
  };
}

// ---------- metrics ----------

/** A smooth, deterministic wiggle so the charts look like traffic. */
const wave = (minute: number, period: number, amp: number) => 1 + amp * Math.sin((2 * Math.PI * minute) / period);

export function syntheticWindows(from: number, to: number, v2Factor = 1.08): MetricWindow[] {
  const out: MetricWindow[] = [];
  for (let t = from; t < to; t += MINUTE) {
    const m = t / MINUTE;
    const load = wave(m, 1440, 0.35) * wave(m, 37, 0.05);
    const base = { start: t, seconds: 60, memoryMb: 512 * wave(m, 300, 0.04), cpuPct: 38 * load };
    const requests = Math.round(1200 * load);
    out.push({ ...base, variant: 'v1', requests, errors: Math.round(requests * 0.003), latencyP50Ms: 120 * load, latencyP95Ms: 240 * load, latencyP99Ms: 410 * load });
    const v2Requests = Math.round(requests * 0.11);
    out.push({ ...base, variant: 'v2', requests: v2Requests, errors: Math.round(v2Requests * 0.0045 * wave(m, 53, 0.4)), latencyP50Ms: 124 * load * v2Factor, latencyP95Ms: 240 * load * v2Factor * wave(m, 23, 0.06), latencyP99Ms: 430 * load * v2Factor, memoryMb: 540 * wave(m, 300, 0.04), cpuPct: 41 * load });
  }
  return out;
}

export const rolloutMarkers: Marker[] = [
  { t: NOW - 180 * MINUTE, kind: 'stage_change', label: 'Promoted to Canary 1%', actor: 'priya.shah', severity: 'info', automatic: false, eventId: 902, breachId: null, version: 15 },
  { t: NOW - 110 * MINUTE, kind: 'rollout_pause', label: 'Paused: V2 CPU above 80% for 5 consecutive minutes', actor: 'switchyard-guards', severity: 'warning', automatic: true, eventId: 903, breachId: null, version: null },
  { t: NOW - 95 * MINUTE, kind: 'rollout_resume', label: 'Resumed', actor: 'priya.shah', severity: 'info', automatic: false, eventId: 904, breachId: null, version: null },
  { t: NOW - 60 * MINUTE, kind: 'snapshot_patch', label: 'Patched v16', actor: 'maria@switchyard.dev', severity: 'info', automatic: false, eventId: 880, breachId: null, version: 16 },
  { t: NOW - 25 * MINUTE, kind: 'stage_change', label: 'Promoted to Ramp 10%', actor: 'priya.shah', severity: 'info', automatic: false, eventId: 905, breachId: null, version: 17 },
];

export function metricsFor(id: string, from: number, to: number, points = 360, windows = syntheticWindows(from, Math.min(to, NOW))): MetricsResponse {
  const series = downsampleWindows(windows, from, to, points);
  const now = Math.min(to, NOW) - 1;
  return {
    rolloutId: id,
    from,
    to,
    bucketMs: series.bucketMs,
    v1: series.v1,
    v2: series.v2,
    thresholds: Object.fromEntries(METRICS.map((m) => [m, thresholdLines(m, DEFAULT_GUARDS, series)])) as MetricsResponse['thresholds'],
    verdicts: METRICS.map((m) => metricVerdict(m, windows, DEFAULT_GUARDS, { now })),
    markers: rolloutMarkers.filter((m) => m.t >= from && m.t <= to),
  };
}

// ---------- gate and counters ----------

export function cumulativeReport(minute: number, scale: number, over: Partial<CumulativeReport> = {}): CumulativeReport {
  const runtime = Math.round(60 * scale);
  return {
    capturedAt: iso(NOW + minute * MINUTE),
    decisionCounts: { enqueue_runtime: runtime, parity_only: 0, drop: Math.round(runtime * 0.06) },
    reasonCounts: { enabled: runtime, canary_filtered: Math.round(runtime * 0.06) },
    paritySampleCount: Math.round(runtime * 0.05),
    parityReportCount: Math.round(runtime * 0.04),
    parityStatusCounts: { match: Math.round(runtime * 0.04) - Math.round(runtime * 0.001), mismatch: Math.round(runtime * 0.001), legacy_unavailable: 0 },
    recentParitySamples: [],
    recentParityReports: [],
    ...over,
  };
}

/** A report every 5 minutes for 6 hours; the reporter restarted 2 hours ago (its counters went back to zero). */
export const gateReports: CumulativeReport[] = Array.from({ length: 72 }, (_, i) => {
  const minute = (i - 72) * 5;
  const sinceStart = i < 48 ? i + 1 : i - 47;
  return cumulativeReport(minute, sinceStart * 5 + 2 * Math.sin((2 * Math.PI * minute) / 240));
});

export function gateFor(detail: RolloutDetail, over: Partial<GateResponse> = {}): GateResponse {
  const latest = gateReports[gateReports.length - 1] ?? cumulativeReport(0, 1);
  const gate = evaluateGate(latest);
  const idx = detail.state.stepIndex;
  return {
    rolloutId: detail.id,
    stepIndex: idx,
    currentStep: detail.steps[idx] ?? { stage: 'shadow', share: 0 },
    nextStep: detail.steps[idx + 1] ?? null,
    report: { id: 42, capturedAt: latest.capturedAt, receivedAt: latest.capturedAt },
    gate: { ...gate, metrics: { ...gate.metrics }, reasons: [...gate.reasons] },
    recent: [
      { capturedAt: iso(NOW - 2 * MINUTE), status: 'accept' },
      { capturedAt: iso(NOW - MINUTE), status: 'accept' },
    ],
    acceptStreak: 2,
    requiredStreak: 2,
    promotionAllowed: true,
    blockers: [],
    ...over,
  };
}

export function countersFor(id: string, from: number, to: number): CountersResponse {
  const points = counterRates(gateReports).filter((p) => p.at >= from && p.at <= to);
  const latest = gateReports[gateReports.length - 1];
  return {
    rolloutId: id,
    from,
    to,
    points,
    reasons: counterReasonKeys(points),
    resets: points.filter((p) => p.reset).map((p) => ({ at: p.at, kind: 'detected' as const, actor: null, reason: null })),
    latest: latest
      ? { capturedAt: latest.capturedAt, decisionCounts: latest.decisionCounts, reasonCounts: latest.reasonCounts, parityReportCount: latest.parityReportCount, paritySampleCount: latest.paritySampleCount }
      : null,
  };
}

// ---------- parity ----------

export const PATTERN_TOTAL = 'data differs: checkout.out.total.computed (fields: total.rounding)';
export const PATTERN_EXTRA = 'v2 extra: checkout.out.audit.logged';

export function makeReport(over: Partial<ParityReportDto> = {}): ParityReportDto {
  return {
    id: 301,
    rolloutId: 'checkout-variant',
    subject: 'conv-42',
    comparedAt: iso(NOW - 8 * MINUTE),
    receivedAt: iso(NOW - 8 * MINUTE),
    status: 'mismatch',
    adapter: 'Checkout.LegacyParityAdapter',
    reason: null,
    eventOutputCount: 3,
    legacyOutputCount: 3,
    missingInLegacy: 1,
    missingInEvent: 1,
    onlyInV1: [{ type: 'checkout.out.total.computed', subject: 'conv-42', data: { total: { amount: 1999, currency: 'EUR', rounding: 'half_up' } } }],
    onlyInV2: [{ type: 'checkout.out.total.computed', subject: 'conv-42', data: { total: { amount: 1999, currency: 'EUR', rounding: 'half_even' } } }],
    pattern: PATTERN_TOTAL,
    triage: null,
    outputsKept: true,
    ...over,
  };
}

export const parityReports: ParityReportDto[] = [
  makeReport(),
  makeReport({ id: 300, subject: 'conv-17', comparedAt: iso(NOW - 30 * MINUTE), triage: { status: 'expected', note: 'Banker’s rounding is the new rule (CHG-1502)', by: 'maria@switchyard.dev', at: iso(NOW - 20 * MINUTE), viaPattern: false } }),
  makeReport({
    id: 299,
    subject: 'conv-9',
    comparedAt: iso(NOW - 50 * MINUTE),
    pattern: PATTERN_EXTRA,
    missingInEvent: 0,
    onlyInV1: [],
    onlyInV2: [{ type: 'checkout.out.audit.logged', subject: 'conv-9', data: { step: 'payment', at: 'T+2' } }],
  }),
];

export function reportDetail(report: ParityReportDto): ParityReportDetail {
  const shared = { type: 'checkout.out.cart.priced', subject: report.subject, data: { items: 3, subtotal: 1999 } };
  return { ...report, v1Outputs: [shared, ...report.onlyInV1], v2Outputs: [shared, ...report.onlyInV2] };
}

export const parityPatterns: ParityPatternsResponse = {
  rolloutId: 'checkout-variant',
  items: [
    { pattern: PATTERN_TOTAL, status: 'mismatch', count: 14, kept: 14, firstSeen: iso(NOW - 170 * MINUTE), lastSeen: iso(NOW - 8 * MINUTE), triage: { untriaged: 13, expected: 1, bug: 0, ignored: 0 }, patternTriage: null, exampleReportId: 301 },
    { pattern: PATTERN_EXTRA, status: 'mismatch', count: 3, kept: 3, firstSeen: iso(NOW - 90 * MINUTE), lastSeen: iso(NOW - 50 * MINUTE), triage: { untriaged: 3, expected: 0, bug: 0, ignored: 0 }, patternTriage: null, exampleReportId: 299 },
  ],
  totals: { reports: 412, match: 395, mismatch: 17, legacy_unavailable: 0 },
};
