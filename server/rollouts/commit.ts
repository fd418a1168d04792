/**
 * The one way a rollout change is committed. A change that touches the snapshot goes through
 * the registry's commitNamespaceChange (a `rollout_step` version planned by planNewVersion,
 * its audit event, the idempotency record, the rollout row's compare-and-set and any breach
 * record, all in one transaction); a change that does not (pause, resume, guard and gate
 * settings, counters reset) through commitRolloutChange (row + event + idempotency).
 * Before planning, what the snapshot says is reconciled with what the rollout last wrote: a
 * namespace change underneath (load, rollback, restore) bumps the revision, so an operator who
 * saw the old state gets 412, never an action on a state they did not see.
 */
import type { RolloutMutationResponse } from '@contract/rollouts';
import type { AuditAction, Role } from '@contract/schemas';
import { decodeSnapshot } from '@core/decode';
import type { DeclaredFeature, Snapshot } from '@core/model';
import { backoff } from '../backoff';
import type { Clock } from '../clock';
import { ApiError, notFound } from '../errors';
import type { ChangeFeed } from '../live/change-feed';
import { planNewVersion, schemaOf } from '../registry/plans';
import type { IfMatch } from '../registry/service';
import type { ServedSnapshots } from '../registry/served';
import { toVersionSummary } from '../registry/views';
import type { RolloutBundle, RolloutRowPatch, RolloutWrite, BreachRow } from '../store/rollout-types';
import type { IdempotencyClaim, IdempotencyRecord, NamespaceChange, Store } from '../store/types';
import { observedOf } from './encoding';
import { liveOf, toDetail, toSummary } from './views';

const DAY_MS = 86_400_000;
const MAX_ATTEMPTS = 8;
/**
 * How far back a bundle reads metric windows (bounded by the stage start): longer than the
 * longest guard duration (1,440 minutes), so every run that can still fire is seen whole; a run
 * reaching back to this edge started earlier and was judged when it began (see the engine).
 */
export const WINDOW_LOOKBACK_MS = 26 * 3_600_000;

export interface RolloutCtx {
  actor: string;
  tokenId: string;
  role: Role;
  ifMatch?: IfMatch;
  idempotency?: IdempotencyClaim;
}

export interface RolloutResult {
  status: number;
  body: RolloutMutationResponse;
  replayed: boolean;
}

/** What an action wants to commit, planned from one consistent bundle. */
export interface RolloutPlan {
  action: AuditAction;
  reason: string;
  details: Record<string, unknown>;
  set: RolloutRowPatch;
  /** The snapshot to write as a rollout_step version; absent: no version. */
  snapshot?: Snapshot;
  /** Replacement declared features (rollout creation declares the policy flag). */
  features?: DeclaredFeature[];
  breach?: Omit<BreachRow, 'eventId'>;
}

export type Planned = { kind: 'plan'; plan: RolloutPlan } | { kind: 'skip' };

export interface CommitDeps {
  store: Store;
  clock: Clock;
  served: ServedSnapshots;
  feed: ChangeFeed;
}

export class RolloutCommitter {
  constructor(private readonly deps: CommitDeps) {}

  rollbacksSince(): string {
    return new Date(this.deps.clock().getTime() - 7 * DAY_MS).toISOString();
  }

  windowsSince(): number {
    return this.deps.clock().getTime() - WINDOW_LOOKBACK_MS;
  }

  /** The bundle with the snapshot reconciled (a namespace change underneath bumps the revision). */
  async bundle(id: string): Promise<RolloutBundle> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const b = await this.deps.store.rollouts.bundle(id, this.rollbacksSince(), this.windowsSince());
      if (!b) throw notFound(`rollout ${id}`);
      const live = liveOf(b);
      const seen = observedOf(live.policy, live.ruleShare);
      if (JSON.stringify(seen) === JSON.stringify(b.rollout.observed)) return b;
      const stageMoved = seen.stepIndex !== b.rollout.observed.stepIndex;
      await this.deps.store.rollouts.reconcileObserved(id, b.rollout.revision, seen, stageMoved ? this.deps.clock().toISOString() : null);
    }
    throw new ApiError('Conflict', `rollout ${id} kept changing while it was being read; try again`);
  }

  /**
   * Plans against the current bundle and commits; re-plans when the namespace moved underneath
   * (unless the caller's If-Match names a revision that is no longer current: 412).
   * `plan` returning skip (e.g. a breach already handled) ends with null.
   */
  async commit(id: string, ctx: RolloutCtx, plan: (b: RolloutBundle) => Planned, status = 200): Promise<RolloutResult | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const b = await this.bundle(id);
      const ifMatch = ctx.ifMatch;
      if (ifMatch && !ifMatch.any && !ifMatch.versions.includes(b.rollout.revision)) throw this.preconditionFailed(b, ifMatch.versions);
      const planned = plan(b);
      if (planned.kind === 'skip') return null;
      const p = planned.plan;
      const write: RolloutWrite = {
        id,
        expectedRevision: b.rollout.revision,
        windowsSince: this.windowsSince(),
        set: p.set,
        ...(p.breach ? { breach: p.breach } : {}),
      };
      const outcome = p.snapshot ? await this.withVersion(b, write, p, ctx, status) : await this.withoutVersion(b, write, p, ctx, status);
      if (outcome === 'retry') continue;
      if (outcome === 'breach-recorded') return null;
      return outcome;
    }
    throw new ApiError('Conflict', `rollout ${id} kept changing while this change was being applied; reload and try again`);
  }

  /** Creation: the namespace change that declares the policy flag, writes version N+1 and inserts the row. */
  async create(
    ns: string,
    ctx: RolloutCtx,
    plan: (state: Awaited<ReturnType<Store['getNamespace']>> & object) => { plan: RolloutPlan; write: RolloutWrite },
  ): Promise<RolloutResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const state = await this.deps.store.getNamespace(ns, this.rollbacksSince());
      if (!state) throw notFound(`namespace ${ns}`);
      const planned = plan(state);
      const p = planned.plan;
      const write = { ...planned.write, windowsSince: this.windowsSince() };
      const change = this.namespaceChange(state, p, write, ctx);
      const outcome = await this.deps.store.commitNamespaceChange(change, (c) => this.respond(c.rollout, c.event, c.version, 201), this.rollbacksSince());
      switch (outcome.kind) {
        case 'committed':
          this.published(outcome.committed.state, outcome.committed.event);
          return { ...outcome.response, replayed: false };
        case 'replay':
          return replayed(outcome.record, ctx);
        case 'missing':
          throw notFound(`namespace ${ns}`);
        case 'rollout-stale':
          throw new ApiError('AlreadyExists', `a rollout with id ${write.id}, or an open rollout of this flag, exists already`, '/id');
        default:
          continue;
      }
    }
    throw new ApiError('Conflict', `${ns} kept changing while the rollout was being created; try again`);
  }

  private namespaceChange(
    state: NonNullable<Awaited<ReturnType<Store['getNamespace']>>>,
    p: RolloutPlan,
    write: RolloutWrite,
    ctx: RolloutCtx,
  ): NamespaceChange {
    const snapshot = p.snapshot ?? { flags: [] };
    const features = p.features ?? state.namespace.features;
    // What is made live always validates against the declared features, as every registry write does.
    const check = decodeSnapshot(JSON.stringify(snapshot), { ...schemaOf(state), features });
    if (!check.ok) throw new ApiError(check.error.kind, `the rollout's snapshot would not validate: ${check.error.message}`, undefined, { snapshotPath: check.error.path });
    const at = this.deps.clock().toISOString();
    const planned = planNewVersion(state, check.value, 'rollout_step', p.action, { actor: ctx.actor, at, reason: p.reason }, { details: p.details });
    return {
      ...planned,
      ...(p.features ? { features: p.features } : {}),
      rollout: write,
      ...(ctx.idempotency ? { idempotency: ctx.idempotency } : {}),
    };
  }

  private async withVersion(b: RolloutBundle, write: RolloutWrite, p: RolloutPlan, ctx: RolloutCtx, status: number): Promise<RolloutResult | 'retry' | 'breach-recorded'> {
    const change = this.namespaceChange(b.namespace, p, write, ctx);
    const outcome = await this.deps.store.commitNamespaceChange(change, (c) => this.respond(c.rollout, c.event, c.version, status), this.rollbacksSince());
    switch (outcome.kind) {
      case 'committed':
        this.published(outcome.committed.state, outcome.committed.event);
        return { ...outcome.response, replayed: false };
      case 'replay':
        return replayed(outcome.record, ctx);
      case 'breach-recorded':
        return 'breach-recorded';
      case 'missing':
        throw notFound(`namespace ${b.rollout.namespace}`);
      default:
        return 'retry';
    }
  }

  private async withoutVersion(b: RolloutBundle, write: RolloutWrite, p: RolloutPlan, ctx: RolloutCtx, status: number): Promise<RolloutResult | 'retry' | 'breach-recorded'> {
    const at = this.deps.clock().toISOString();
    const event = {
      at,
      namespace: b.rollout.namespace,
      actor: ctx.actor,
      action: p.action,
      reason: p.reason,
      fromVersion: b.namespace.namespace.activeVersion,
      toVersion: b.namespace.namespace.activeVersion,
      details: p.details,
    };
    const outcome = await this.deps.store.rollouts.commitRolloutChange(
      write,
      event,
      (c) => this.respond(c.bundle, c.event, null, status),
      ctx.idempotency,
      this.rollbacksSince(),
    );
    switch (outcome.kind) {
      case 'committed':
        if (outcome.committed.event) this.deps.feed.publish({ event: outcome.committed.event, state: null });
        return { ...outcome.response, replayed: false };
      case 'replay':
        return replayed(outcome.record, ctx);
      case 'breach-recorded':
        return 'breach-recorded';
      case 'missing':
        throw notFound(`rollout ${b.rollout.id}`);
      case 'stale':
        return 'retry';
    }
  }

  private respond(
    bundle: RolloutBundle | undefined,
    event: RolloutMutationResponse['event'] | null,
    version: Parameters<typeof toVersionSummary>[0] | null,
    status: number,
  ): { status: number; body: RolloutMutationResponse } {
    if (!bundle || !event) throw new Error('a rollout commit without its rollout or event');
    return {
      status,
      body: {
        rollout: toDetail(bundle, this.deps.clock().getTime()),
        event,
        version: version ? toVersionSummary(version, bundle.namespace.namespace.activeVersion) : null,
      },
    };
  }

  private published(state: Parameters<ServedSnapshots['offer']>[0], event: RolloutMutationResponse['event']): void {
    this.deps.served.offer(state);
    this.deps.feed.publish({ event, state });
  }

  private preconditionFailed(b: RolloutBundle, seen: number[]): ApiError {
    const now = this.deps.clock().getTime();
    return new ApiError(
      'PreconditionFailed',
      `rollout ${b.rollout.id} changed since you looked: you saw revision ${seen.join(', ')}, it is now at revision ${b.rollout.revision}. ` +
        'Review what changed and try again.',
      undefined,
      { current: toSummary(b, now), changesSince: b.events.slice(0, 10) },
    );
  }
}

function replayed(record: IdempotencyRecord, ctx: RolloutCtx): RolloutResult {
  if (ctx.idempotency && record.fingerprint !== ctx.idempotency.fingerprint) {
    throw new ApiError('IdempotencyKeyReused', 'this Idempotency-Key was already used for a different request; use a new key for a new change');
  }
  return { status: record.status, body: record.body as RolloutMutationResponse, replayed: true };
}
