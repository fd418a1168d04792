/** Rollout bundles -> the contract's response shapes (pure; `now` is the server clock). */
import type { z } from 'zod';
import type { GuardBreachDto, GuardStatusDto, ParityReportDetail, ParityReportDto, RolloutDetail, RolloutState, RolloutSummary, Triage } from '@contract/rollouts';
import type { Snapshot } from '@core/model';
import { evaluateGuards, type GuardStatus } from '@core/rollout/guards';
import { storedSnapshot } from '../registry/stored-snapshot';
import type { BreachRow, ParityRow, RolloutBundle, TriageRow } from '../store/rollout-types';
import { readGate } from './gate-reading';
import { readLive, shortNameOf } from './encoding';

export const GUARDS_ACTOR = 'switchyard-guards';

export const iso = (ms: number): string => new Date(ms).toISOString();

export function activeSnapshotOf(b: RolloutBundle): Snapshot {
  const a = b.namespace.active;
  return storedSnapshot(b.namespace.namespace.name, a.hash, a.content);
}

export function liveOf(b: RolloutBundle) {
  const ns = b.namespace.namespace;
  return readLive(activeSnapshotOf(b), b.rollout, ns.activeVersion, ns.killSwitch.enabled, b.rollout.observed);
}

export function stateOf(b: RolloutBundle): RolloutState {
  const r = b.rollout;
  const live = liveOf(b);
  const policy = live.policy;
  const stepIndex = Math.min(Math.max(0, policy?.stepIndex ?? 0), r.steps.length - 1);
  const step = r.steps[stepIndex] ?? { stage: 'shadow', share: 0 };
  return {
    status: r.status,
    stepIndex,
    stage: policy?.stage ?? step.stage,
    share: policy?.share ?? 0,
    mode: policy?.mode ?? 'disabled',
    paused: r.status === 'paused',
    pausedReason: r.status === 'paused' ? r.pausedReason : null,
    stageStartedAt: r.stageStartedAt,
  };
}

export function guardStatuses(b: RolloutBundle, now: number): GuardStatus[] {
  return evaluateGuards(b.stageWindows, b.rollout.guards, now);
}

function worstGuard(statuses: GuardStatus[], hasWindows: boolean): RolloutSummary['verdict']['guards'] {
  if (!hasWindows) return 'no_data';
  if (statuses.some((s) => s.state === 'breached')) return 'breached';
  if (statuses.some((s) => s.state === 'pending')) return 'pending';
  return 'ok';
}

export function toSummary(b: RolloutBundle, now: number, statuses: GuardStatus[] = guardStatuses(b, now)): RolloutSummary {
  const r = b.rollout;
  const gate = readGate(b.stageReports, b.latestReport, r.gate, r.countersBaseline);
  const policy = liveOf(b).policy;
  return {
    id: r.id,
    namespace: r.namespace,
    flagKey: r.flagKey,
    flagName: shortNameOf(r.flagKey),
    flagType: r.flagType,
    v1Value: r.v1Value,
    v2Value: r.v2Value,
    policyFlagKey: r.policyKey,
    description: r.description,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    revision: r.revision,
    steps: r.steps,
    state: stateOf(b),
    canary: policy?.canary ?? r.observed.canary ?? { enabled: false, subjects: [], tenantIds: [], channels: [] },
    parity: policy?.parity ?? r.observed.parity ?? { enabled: false, sampleRate: 0 },
    live: liveOf(b),
    verdict: {
      gate: gate.result?.status ?? null,
      gateReasons: gate.result?.reasons ?? [],
      acceptStreak: gate.streak,
      promotionAllowed: gate.allowed,
      guards: worstGuard(statuses, b.stageWindows.length > 0),
    },
    lastGuardEvent: b.events.find((e) => e.actor === GUARDS_ACTOR) ?? null,
    lastWindowAt: b.lastWindowAt === null ? null : iso(b.lastWindowAt),
    lastReportAt: b.latestReport?.capturedAt ?? null,
    namespaceRecent: { rollbacks7d: b.namespace.rollbacks7d, changes7d: b.namespace.changes7d, changeFailureRate7d: b.namespace.changeFailureRate7d },
  };
}

function guardStatusDto(s: GuardStatus): z.infer<typeof GuardStatusDto> {
  return {
    ruleId: s.rule.id,
    label: s.rule.label,
    severity: s.rule.severity,
    action: s.rule.action,
    state: s.state,
    consecutiveMinutes: s.consecutiveMinutes,
    forMinutes: s.rule.forMinutes,
    threshold: s.threshold,
    latestValue: s.latest?.value ?? null,
    latestAt: s.latest ? iso(s.latest.at) : null,
    runStartedAt: s.runStartedAt === null ? null : iso(s.runStartedAt),
    breachId: s.breachId,
  };
}

export const breachDto = (b: BreachRow): GuardBreachDto => ({
  breachId: b.breachId,
  ruleId: b.ruleId,
  severity: b.severity,
  outcome: b.outcome,
  startedAt: b.startedAt,
  firedAt: b.firedAt,
  detectedAt: b.detectedAt,
  sentence: b.sentence,
  eventId: b.eventId,
});

export function toDetail(b: RolloutBundle, now: number): RolloutDetail {
  const statuses = guardStatuses(b, now);
  return {
    ...toSummary(b, now, statuses),
    guards: b.rollout.guards,
    gateThresholds: b.rollout.gate,
    guardStatus: statuses.map(guardStatusDto),
    breaches: b.breaches.map(breachDto),
    events: b.events,
    countersResetAt: b.rollout.countersResetAt,
  };
}

export const triageDto = (t: TriageRow | null): Triage | null => (t === null ? null : { ...t });

export function parityDto(p: ParityRow): ParityReportDto {
  return {
    id: p.id,
    rolloutId: p.rolloutId,
    subject: p.subject,
    comparedAt: p.comparedAt,
    receivedAt: p.receivedAt,
    status: p.status,
    adapter: p.adapter,
    reason: p.reason,
    eventOutputCount: p.eventOutputCount,
    legacyOutputCount: p.legacyOutputCount,
    missingInLegacy: p.missingInLegacy,
    missingInEvent: p.missingInEvent,
    onlyInV1: p.onlyInV1,
    onlyInV2: p.onlyInV2,
    pattern: p.pattern,
    triage: triageDto(p.triage),
    outputsKept: p.outputs !== null,
  };
}

export const parityDetailDto = (p: ParityRow): ParityReportDetail => ({
  ...parityDto(p),
  v1Outputs: p.outputs?.v1 ?? null,
  v2Outputs: p.outputs?.v2 ?? null,
});
