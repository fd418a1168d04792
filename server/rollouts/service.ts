/**
 * Rollout stage control: create, promote, pause, resume, roll back, settings, counters reset,
 * and the guards engine's automatic pause and rollback. Every transition is decided by the pure
 * stage machine (core/rollout/stages.ts applyAction); this service turns its result into one
 * committed change (see ./commit.ts).
 */
import type { CreateRolloutBody, RolloutDetail, RolloutSettingsBody, RolloutSummary } from '@contract/rollouts';
import { DEFAULT_GATE_THRESHOLDS, REQUIRED_ACCEPT_STREAK } from '@core/rollout/gate';
import { DEFAULT_GUARDS, type GuardBreach, type GuardRule } from '@core/rollout/guards';
import { describeBreach } from '@core/rollout/guard-wording';
import { DEFAULT_STEPS, type RolloutState as MachineState } from '@core/rollout/model';
import { applyAction, describeStep, type RolloutAction, type TransitionResult } from '@core/rollout/stages';
import { ApiError } from '../errors';
import { activeSnapshot } from '../registry/plans';
import type { BreachOutcome, RolloutBundle } from '../store/rollout-types';
import type { NamespaceStateWithContent } from '../store/types';
import {
  DEFAULT_CANARY,
  DEFAULT_PARITY,
  observedOf,
  placeRollout,
  policyFeature,
  policyKeyOf,
  policyOf,
  ruleIdOf,
  shortNameOf,
  variantValue,
} from './encoding';
import { readGate } from './gate-reading';
import { RolloutCommitter, type CommitDeps, type Planned, type RolloutCtx, type RolloutPlan, type RolloutResult } from './commit';
import { GUARDS_ACTOR, iso, liveOf, stateOf, toDetail, toSummary } from './views';

export type { RolloutCtx, RolloutResult } from './commit';

const REFUSAL_PATH: Partial<Record<string, string>> = { reason_required: '/reason' };

function refused(t: Extract<TransitionResult, { ok: false }>, details: Record<string, unknown> = {}): ApiError {
  const path = REFUSAL_PATH[t.code];
  return path ? new ApiError('BadRequest', t.message, path, { refusal: t.code }) : new ApiError('Conflict', t.message, undefined, { refusal: t.code, ...details });
}

function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56);
}

export class RolloutService {
  readonly committer: RolloutCommitter;

  constructor(private readonly deps: CommitDeps) {
    this.committer = new RolloutCommitter(deps);
  }

  private now(): number {
    return this.deps.clock().getTime();
  }

  // ---------- reads ----------

  async list(namespace?: string): Promise<RolloutSummary[]> {
    const ids = await this.deps.store.rollouts.listRolloutIds(namespace);
    const out: RolloutSummary[] = [];
    for (const id of ids) out.push(toSummary(await this.committer.bundle(id), this.now()));
    return out;
  }

  async get(id: string): Promise<RolloutDetail> {
    return toDetail(await this.committer.bundle(id), this.now());
  }

  bundle(id: string): Promise<RolloutBundle> {
    return this.committer.bundle(id);
  }

  // ---------- create ----------

  async create(body: CreateRolloutBody, ctx: RolloutCtx): Promise<RolloutResult> {
    const steps = body.steps ?? [...DEFAULT_STEPS];
    const canary = body.canary ?? { ...DEFAULT_CANARY };
    const parity = body.parity ?? { ...DEFAULT_PARITY };
    const guards: GuardRule[] = body.guards ?? DEFAULT_GUARDS.map((g) => ({ ...g }));
    const gate = body.gateThresholds ?? { ...DEFAULT_GATE_THRESHOLDS };
    let id = body.id;
    if (id === undefined) {
      const base = slug(`${body.namespace}-${shortNameOf(body.flag.includes('::') ? body.flag : `x::x::${body.flag}`)}`) || 'rollout';
      id = base;
      for (let n = 2; await this.deps.store.rollouts.getRollout(id); n++) id = `${base}-${n}`;
    } else if (await this.deps.store.rollouts.getRollout(id)) {
      throw new ApiError('AlreadyExists', `rollout ${id} already exists; choose another id`, '/id');
    }
    const rolloutId = id;
    return this.committer.create(body.namespace, ctx, (state) => this.planCreate(state, body, rolloutId, { steps, canary, parity, guards, gate }, ctx));
  }

  private planCreate(
    state: NamespaceStateWithContent,
    body: CreateRolloutBody,
    id: string,
    s: Pick<RolloutBundle['rollout'], 'steps' | 'guards' | 'gate'> & { canary: typeof DEFAULT_CANARY; parity: typeof DEFAULT_PARITY },
    ctx: RolloutCtx,
  ) {
    const ns = state.namespace;
    const flagKey = body.flag.includes('::') ? body.flag : `feature::${ns.name}::${body.flag}`;
    const declared = ns.features.find((f) => f.key === flagKey);
    if (!declared) throw new ApiError('FeatureNotFound', `${ns.name} declares no flag ${flagKey}`, '/flag');
    if (declared.type !== 'BOOLEAN' && declared.type !== 'ENUM') {
      throw new ApiError('BadRequest', `a rollout needs a BOOLEAN or ENUM flag; ${flagKey} is ${declared.type}`, '/flag');
    }
    for (const [field, value] of [['v1Value', body.v1Value], ['v2Value', body.v2Value]] as const) {
      if (declared.type === 'BOOLEAN' && typeof value !== 'boolean') throw new ApiError('BadRequest', `${flagKey} is BOOLEAN: ${field} must be true or false`, `/${field}`);
      if (declared.type === 'ENUM') {
        if (typeof value !== 'string') throw new ApiError('BadRequest', `${flagKey} is an ENUM: ${field} must be one of its constants`, `/${field}`);
        if (declared.enumValues && !declared.enumValues.includes(value)) {
          throw new ApiError('BadRequest', `${value} is not a constant of ${flagKey} (${declared.enumValues.join(', ')})`, `/${field}`);
        }
      }
    }
    if (body.v1Value === body.v2Value) throw new ApiError('BadRequest', 'V1 and V2 must be different values', '/v2Value');
    const snapshot = activeSnapshot(state);
    const live = snapshot.flags.find((f) => f.key === flagKey);
    const current = (live ?? declared).defaultValue.value;
    if (current !== body.v1Value) {
      throw new ApiError(
        'BadRequest',
        `${flagKey} serves ${String(current)} by default in v${ns.activeVersion}; a rollout from V1 = ${String(body.v1Value)} needs that to be the flag's default`,
        '/v1Value',
      );
    }
    const policyKey = policyKeyOf(flagKey);
    const clash = ns.features.find((f) => f.key === policyKey);
    if (clash && !(clash.type === 'DATA_CLASS' && clash.defaultValue.type === 'DATA_CLASS' && clash.defaultValue.dataClassName === 'switchyard.RolloutPolicy')) {
      throw new ApiError('Conflict', `${ns.name} already declares ${policyKey} for something else; the rollout policy flag needs that key`, '/flag');
    }
    const policy = policyOf(id, s.steps, 0, s.canary, s.parity);
    const firstStep = s.steps[0] ?? { stage: 'shadow' as const, share: 0 };
    const next = placeRollout(snapshot, declared, { rolloutId: id, flagKey, policyKey, v2: variantValue(declared, body.v2Value), policy, stepLabel: describeStep(firstStep) });
    const at = this.deps.clock().toISOString();
    const plan: RolloutPlan = {
      action: 'rollout.create',
      reason: body.reason,
      details: { rolloutId: id, flagKey, policyKey, ruleId: ruleIdOf(id), v1Value: body.v1Value, v2Value: body.v2Value, step: firstStep },
      set: {},
      snapshot: next,
      features: [...ns.features.filter((f) => f.key !== policyKey), policyFeature(policyKey, id)],
    };
    return {
      plan,
      write: {
        id,
        expectedRevision: null,
        create: {
          id,
          namespace: ns.name,
          flagKey,
          policyKey,
          flagType: declared.type,
          v1Value: body.v1Value,
          v2Value: body.v2Value,
          description: body.description ?? null,
          createdAt: at,
          createdBy: ctx.actor,
          status: 'active' as const,
          pausedReason: null,
          steps: s.steps,
          guards: s.guards,
          gate: s.gate,
          stageStartedAt: at,
          observed: observedOf(policy, policy.share),
          countersResetAt: null,
          countersBaseline: null,
        },
      },
    };
  }

  // ---------- stage actions ----------

  private machineState(b: RolloutBundle): MachineState {
    const s = stateOf(b);
    return { stepIndex: s.stepIndex, mode: s.mode === 'disabled' ? 'shadow' : s.mode, paused: s.paused, ...(s.pausedReason ? { pausedReason: s.pausedReason } : {}), status: s.status };
  }

  /** A stage change (or a policy change at the same step): the new policy and rule in a rollout_step version. */
  private stagePlan(
    b: RolloutBundle,
    stepIndex: number,
    action: RolloutPlan['action'],
    reason: string,
    set: RolloutPlan['set'],
    details: Record<string, unknown>,
    override: Pick<RolloutSettingsBody, 'canary' | 'parity' | 'steps'> = {},
  ): RolloutPlan {
    const r = b.rollout;
    const live = liveOf(b);
    const steps = override.steps ?? r.steps;
    const canary = override.canary ?? live.policy?.canary ?? r.observed.canary ?? { ...DEFAULT_CANARY };
    const parity = override.parity ?? live.policy?.parity ?? r.observed.parity ?? { ...DEFAULT_PARITY };
    const policy = policyOf(r.id, steps, stepIndex, canary, parity);
    const declared = b.namespace.namespace.features.find((f) => f.key === r.flagKey);
    if (!declared) throw new ApiError('Conflict', `${r.namespace} no longer declares ${r.flagKey}; the rollout cannot change its snapshot`);
    const step = steps[stepIndex] ?? { stage: 'shadow' as const, share: 0 };
    const snapshot = placeRollout(activeSnapshot(b.namespace), declared, {
      rolloutId: r.id,
      flagKey: r.flagKey,
      policyKey: r.policyKey,
      v2: variantValue(declared, r.v2Value),
      policy,
      stepLabel: describeStep(step),
    });
    return {
      action,
      reason,
      details: { rolloutId: r.id, ...details },
      set: { ...set, observed: observedOf(policy, policy.share) },
      snapshot,
    };
  }

  private transition(b: RolloutBundle, action: RolloutAction, ctx: { reason: string; gateAccepted?: boolean; overrideGate?: boolean }) {
    const t = applyAction(this.machineState(b), b.rollout.steps, action, ctx);
    if (!t.ok) throw refused(t);
    return t;
  }

  promote(id: string, reason: string, override: boolean, ctx: RolloutCtx): Promise<RolloutResult> {
    if (override && ctx.role !== 'admin') {
      throw new ApiError('Forbidden', `overriding the gate needs the admin role; your token "${ctx.actor}" has the ${ctx.role} role`, '/override');
    }
    return this.must(
      this.committer.commit(id, ctx, (b) => {
        const gate = readGate(b.stageReports, b.latestReport, b.rollout.gate, b.rollout.countersBaseline);
        const t = applyAction(this.machineState(b), b.rollout.steps, 'promote', { reason, gateAccepted: gate.allowed, overrideGate: override });
        if (!t.ok) {
          throw refused(t, {
            gate: { status: gate.result?.status ?? null, reasons: gate.result?.reasons ?? [], acceptStreak: gate.streak, required: REQUIRED_ACCEPT_STREAK },
          });
        }
        const overridden = override && !gate.allowed;
        return {
          kind: 'plan',
          plan: this.stagePlan(
            b,
            t.state.stepIndex,
            'rollout.promote',
            reason,
            { status: 'active', pausedReason: null, stageStartedAt: this.deps.clock().toISOString() },
            {
              from: { stepIndex: b.rollout.observed.stepIndex, ...t.fromStep },
              to: { stepIndex: t.state.stepIndex, ...t.step },
              gate: { status: gate.result?.status ?? null, reasons: gate.result?.reasons ?? [], acceptStreak: gate.streak, required: REQUIRED_ACCEPT_STREAK },
              override: overridden,
            },
          ),
        };
      }),
    );
  }

  pause(id: string, reason: string, ctx: RolloutCtx): Promise<RolloutResult> {
    return this.must(
      this.committer.commit(id, ctx, (b) => {
        const t = this.transition(b, 'pause', { reason });
        return {
          kind: 'plan',
          plan: { action: 'rollout.pause', reason, details: { rolloutId: id, automatic: false, step: t.step }, set: { status: 'paused', pausedReason: reason } },
        };
      }),
    );
  }

  resume(id: string, reason: string, ctx: RolloutCtx): Promise<RolloutResult> {
    return this.must(
      this.committer.commit(id, ctx, (b) => {
        const t = this.transition(b, 'resume', { reason });
        return {
          kind: 'plan',
          plan: {
            action: 'rollout.resume',
            reason,
            details: { rolloutId: id, from: b.rollout.status, step: t.step },
            // The stage clock restarts: guards and the gate streak look at what arrives from now on.
            set: { status: 'active', pausedReason: null, stageStartedAt: this.deps.clock().toISOString() },
          },
        };
      }),
    );
  }

  rollback(id: string, reason: string, ctx: RolloutCtx): Promise<RolloutResult> {
    return this.must(
      this.committer.commit(id, ctx, (b) => {
        const t = this.transition(b, 'rollback', { reason });
        return {
          kind: 'plan',
          plan: this.stagePlan(
            b,
            t.state.stepIndex,
            'rollout.rollback',
            reason,
            { status: 'rolled_back', pausedReason: null, stageStartedAt: this.deps.clock().toISOString() },
            { automatic: false, trigger: null, from: { stepIndex: b.rollout.observed.stepIndex, ...t.fromStep }, to: { stepIndex: 0, ...t.step } },
          ),
        };
      }),
    );
  }

  settings(id: string, body: RolloutSettingsBody, ctx: RolloutCtx): Promise<RolloutResult> {
    return this.must(
      this.committer.commit(id, ctx, (b) => {
        const r = b.rollout;
        if (r.status === 'completed') throw new ApiError('Conflict', 'the rollout is completed; its settings no longer change');
        const state = stateOf(b);
        if (body.steps !== undefined && state.stepIndex !== 0) {
          throw new ApiError('Conflict', `the steps can change only at step 0 (shadow); the rollout is at ${describeStep(r.steps[state.stepIndex] ?? { stage: state.stage, share: state.share })}`, '/steps');
        }
        const changed = (['canary', 'parity', 'guards', 'gateThresholds', 'steps'] as const).filter((k) => body[k] !== undefined);
        const set: RolloutPlan['set'] = {
          ...(body.guards ? { guards: body.guards } : {}),
          ...(body.gateThresholds ? { gate: body.gateThresholds } : {}),
          ...(body.steps ? { steps: body.steps } : {}),
        };
        const live = liveOf(b);
        const details = {
          changed,
          ...(body.canary ? { canary: { before: live.policy?.canary ?? null, after: body.canary } } : {}),
          ...(body.parity ? { parity: { before: live.policy?.parity ?? null, after: body.parity } } : {}),
          ...(body.guards ? { guards: body.guards.map((g) => g.id) } : {}),
          ...(body.gateThresholds ? { gateThresholds: body.gateThresholds } : {}),
        };
        const policyChanges =
          (body.canary !== undefined && JSON.stringify(body.canary) !== JSON.stringify(live.policy?.canary)) ||
          (body.parity !== undefined && JSON.stringify(body.parity) !== JSON.stringify(live.policy?.parity));
        if (!policyChanges) return { kind: 'plan', plan: { action: 'rollout.settings', reason: body.reason, details: { rolloutId: id, ...details }, set } };
        // Canary allowlists and sampling live in the snapshot: a rollout_step version at the same step.
        return { kind: 'plan', plan: this.stagePlan(b, state.stepIndex, 'rollout.settings', body.reason, set, details, body) };
      }),
    );
  }

  resetCounters(id: string, reason: string, ctx: RolloutCtx): Promise<RolloutResult> {
    return this.must(
      this.committer.commit(id, ctx, (b) => {
        const latest = b.latestReport;
        return {
          kind: 'plan',
          plan: {
            action: 'rollout.counters_reset',
            reason,
            details: { rolloutId: id, baseline: latest ? { capturedAt: latest.capturedAt, decisionCounts: latest.report.decisionCounts } : null },
            set: { countersResetAt: this.deps.clock().toISOString(), countersBaseline: latest?.report ?? null },
          },
        };
      }),
    );
  }

  // ---------- the guards engine's actions ----------

  /**
   * Acts on one breach at most once: a critical rollback rule rolls back, a warning pause rule
   * pauses; anything else (or a rollout already paused / rolled back) is only noted. The breach
   * row is written in the same transaction as the action, keyed by (rollout, breachId), so
   * repeated or out-of-order ingest, the timer and other replicas cannot act twice.
   */
  async onBreach(id: string, rule: GuardRule, breach: GuardBreach): Promise<{ outcome: BreachOutcome; eventId: number | null } | null> {
    const sentence = describeBreach(rule, breach);
    const numbers = {
      threshold: breach.threshold,
      peak: breach.peak,
      comparison: rule.comparison,
      forMinutes: rule.forMinutes,
      minutes: breach.firing.map((m) => ({ at: iso(m.at), value: m.value, v2: m.v2Value, v1: m.v1Value })),
    };
    const trigger = { ruleId: rule.id, label: rule.label, severity: rule.severity, breachId: breach.breachId, metric: rule.metric };
    const ctx: RolloutCtx = { actor: GUARDS_ACTOR, tokenId: GUARDS_ACTOR, role: 'admin' };
    const wants: RolloutAction | null = rule.action === 'rollback' ? 'auto_rollback' : rule.action === 'pause' ? 'pause' : null;
    const decide = (b: RolloutBundle): BreachOutcome => {
      const can = wants !== null && applyAction(this.machineState(b), b.rollout.steps, wants, { reason: sentence }).ok;
      return !can ? 'noted' : wants === 'auto_rollback' ? 'rolled_back' : 'paused';
    };
    const record = (outcome: BreachOutcome) => {
      const now = this.deps.clock().toISOString();
      return { breachId: breach.breachId, ruleId: rule.id, severity: rule.severity, outcome, startedAt: iso(breach.startedAt), firedAt: iso(breach.firedAt), detectedAt: now, sentence, numbers };
    };

    const first = await this.committer.bundle(id);
    if (first.breaches.some((x) => x.breachId === breach.breachId)) return null;
    if (decide(first) === 'noted') {
      // Already paused or rolled back (or a rule that only watches): recorded for the timeline, no action, no new revision.
      const noted = await this.deps.store.rollouts.commitRolloutChange(
        { id, expectedRevision: first.rollout.revision, breach: record('noted'), windowsSince: this.committer.windowsSince() },
        null,
        () => ({ status: 200, body: null }),
        undefined,
        this.committer.rollbacksSince(),
      );
      return noted.kind === 'committed' ? { outcome: 'noted', eventId: null } : null;
    }

    let outcome: BreachOutcome = 'noted';
    const result = await this.committer.commit(id, ctx, (b): Planned => {
      if (b.breaches.some((x) => x.breachId === breach.breachId)) return { kind: 'skip' };
      outcome = decide(b);
      const now = this.deps.clock().toISOString();
      if (outcome === 'rolled_back') {
        const from = b.rollout.observed.stepIndex;
        return {
          kind: 'plan',
          plan: {
            ...this.stagePlan(b, 0, 'rollout.rollback', `Automatic rollback: ${sentence}`, { status: 'rolled_back', pausedReason: null, stageStartedAt: now }, {
              automatic: true,
              trigger,
              numbers,
              from: { stepIndex: from, ...(b.rollout.steps[from] ?? {}) },
              to: { stepIndex: 0, ...(b.rollout.steps[0] ?? {}) },
            }),
            breach: record(outcome),
          },
        };
      }
      if (outcome === 'paused') {
        return {
          kind: 'plan',
          plan: {
            action: 'rollout.pause',
            reason: `Guard: ${sentence}`,
            details: { rolloutId: id, automatic: true, trigger, numbers },
            set: { status: 'paused', pausedReason: `Guard ${rule.id}: ${sentence}` },
            breach: record(outcome),
          },
        };
      }
      // The state changed since the first read so that the action no longer applies: noted on the next evaluation.
      return { kind: 'skip' };
    });
    if (result === null) return null;
    return { outcome, eventId: result.body.event.id };
  }

  private async must(p: Promise<RolloutResult | null>): Promise<RolloutResult> {
    const r = await p;
    if (r === null) throw new ApiError('Conflict', 'nothing to do');
    return r;
  }
}
