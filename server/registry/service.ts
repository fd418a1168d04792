/**
 * The registry's mutations: namespaces, their immutable versions, the active pointer and the
 * kill switch. Every mutation reads the namespace, plans one change and commits it with a
 * compare-and-set on the revision it read; if someone else committed first, nothing was written
 * and it re-reads: an explicit If-Match that no longer matches becomes 412, `*` recomputes (a
 * bounded number of times).
 */
import type { CreateNamespaceBody, MutationResponse } from '@contract/schemas';
import type { Snapshot } from '@core/model';
import { decodeSnapshot, decodeUndeclaredSnapshot, featuresFromSnapshot } from '@core/decode';
import { backoff } from '../backoff';
import { KeyedMutex } from '../keyed-mutex';
import { ApiError, decodeFailure, notFound } from '../errors';
import type { IdempotencyClaim, IdempotencyRecord, NamespaceStateWithContent } from '../store/types';
import {
  insufficientHistory,
  killSwitchUnchanged,
  planCreate,
  planFeatures,
  planKillSwitch,
  planNewVersion,
  planRollback,
  schemaOf,
  type Author,
  type Plan,
} from './plans';
import { RECENT_EVENTS, RegistryReads } from './reads';
import { fittingStoredSnapshot, rememberSnapshot } from './stored-snapshot';
import { decodeSubmittedSnapshot, failed, nestingError, patchedSnapshot, validFeatures, type SubmittedDocument } from './submitted';
import { toMutationResponse, toSummary } from './views';

export type { RegistryDeps } from './reads';
export type { SubmittedDocument } from './submitted';

/** `If-Match`: `*` (whatever is live) or the active version(s) the caller saw. */
export type IfMatch = { any: true } | { any: false; versions: number[] };

export interface MutationContext {
  actor: string;
  tokenId: string;
  /** Absent: no precondition (service callers such as demo seeding). HTTP always sets it where the contract asks. */
  ifMatch?: IfMatch;
  idempotency?: IdempotencyClaim;
  /** Backdates the change (demo seeding). */
  at?: Date;
}

export interface MutationResult {
  status: number;
  body: MutationResponse;
  replayed: boolean;
}

const MAX_ATTEMPTS = 8;

export class RegistryService extends RegistryReads {
  /** Retries of this process's changes of one namespace, one at a time (see KeyedMutex). */
  private readonly writers = new KeyedMutex();

  private author(ctx: MutationContext, reason: string): Author {
    return { actor: ctx.actor, at: (ctx.at ?? this.deps.clock()).toISOString(), reason };
  }

  async createNamespace(body: CreateNamespaceBody, ctx: MutationContext): Promise<MutationResult> {
    let features = body.features === undefined ? undefined : validFeatures(body.name, body.features);
    let snapshot: Snapshot = { flags: [] };
    if (body.adoptSnapshot !== undefined) {
      const guard = nestingError(body.adoptSnapshot);
      const decoded = guard
        ? failed(guard)
        : features
          ? decodeSnapshot(body.adoptSnapshot, { namespace: body.name, features })
          : decodeUndeclaredSnapshot(body.adoptSnapshot, body.name);
      if (!decoded.ok) throw decodeFailure(decoded.error);
      snapshot = decoded.value;
      features ??= featuresFromSnapshot(snapshot);
    }
    const plan = planCreate(
      body.name,
      body.description ?? null,
      features ?? [],
      snapshot,
      body.adoptSnapshot !== undefined,
      this.author(ctx, body.reason),
    );
    const outcome = await this.deps.store.commitNamespaceChange(
      withIdempotency(plan, ctx),
      (c) => ({ status: 201, body: toMutationResponse(c) }),
      this.rollbacksSince(),
    );
    switch (outcome.kind) {
      case 'committed':
        this.afterCommit(outcome.committed.state, outcome.committed.event);
        return { ...outcome.response, replayed: false };
      case 'replay':
        return replayed(outcome.record, ctx);
      case 'exists':
        throw new ApiError('AlreadyExists', `namespace ${body.name} already exists; choose another name`, '/name');
      default:
        throw new Error(`unexpected outcome ${outcome.kind} creating a namespace`);
    }
  }

  putFeatures(ns: string, features: unknown[], reason: string, ctx: MutationContext): Promise<MutationResult> {
    const declared = validFeatures(ns, features);
    // Features change beside the version chain, so the active version cannot say whether the
    // caller saw the features as they are: If-Match carries the namespace revision instead.
    return this.mutate(ns, ctx, 'revision', (state) => {
      const live = decodeSnapshot(state.active.content, { namespace: ns, features: declared });
      if (!live.ok) {
        throw new ApiError(
          live.error.kind,
          `the live snapshot (v${state.namespace.activeVersion}) does not validate against these features: ${live.error.message}. ` +
            'Load a snapshot that fits first, or keep the features it needs.',
          undefined,
          { activeVersion: state.namespace.activeVersion, ...(live.error.path !== undefined ? { snapshotPath: live.error.path } : {}) },
        );
      }
      return planFeatures(state, declared, this.author(ctx, reason));
    });
  }

  load(ns: string, snapshot: SubmittedDocument, reason: string, ctx: MutationContext): Promise<MutationResult> {
    return this.mutate(ns, ctx, 'version', (state) => {
      const decoded = decodeSubmittedSnapshot(snapshot, state);
      if (!decoded.ok) throw decodeFailure(decoded.error);
      return remembered(planNewVersion(state, decoded.value, 'load', 'snapshot.load', this.author(ctx, reason)), decoded.value);
    });
  }

  patch(ns: string, patch: SubmittedDocument, reason: string, ctx: MutationContext): Promise<MutationResult> {
    return this.mutate(ns, ctx, 'version', (state) => {
      const next = patchedSnapshot(patch, state);
      if (!next.ok) throw decodeFailure(next.error);
      return remembered(planNewVersion(state, next.value, 'patch', 'snapshot.patch', this.author(ctx, reason)), next.value);
    });
  }

  rollback(ns: string, steps: number, reason: string, ctx: MutationContext): Promise<MutationResult> {
    return this.mutate(ns, ctx, 'version', async (state) => {
      // Parent pointers are immutable, so the chain read here fits `state` even if it is a second read.
      const chain = await this.deps.store.activeChain(ns, state.namespace.activeVersion, steps + 1);
      const targetRow = chain[steps];
      if (!targetRow) throw insufficientHistory(state, steps, chain.length - 1);
      const target = (await this.version(ns, targetRow.version)).version;
      const snapshot = this.fitsFeatures(state, target.content, target.hash, target.version);
      return planRollback(state, steps, chain, target, snapshot, this.author(ctx, reason));
    });
  }

  restore(ns: string, version: number, reason: string, ctx: MutationContext): Promise<MutationResult> {
    return this.mutate(ns, ctx, 'version', async (state) => {
      const source = (await this.version(ns, version)).version;
      const snapshot = this.fitsFeatures(state, source.content, source.hash, source.version);
      return planNewVersion(state, snapshot, 'restore', 'snapshot.restore', this.author(ctx, reason), {
        sourceVersion: version,
        details: { sourceVersion: version, identicalToActive: source.hash === state.active.hash },
      });
    });
  }

  killSwitch(ns: string, enabled: boolean, reason: string, ctx: MutationContext): Promise<MutationResult> {
    return this.mutate(ns, ctx, 'version', (state) => {
      if (state.namespace.killSwitch.enabled === enabled) {
        const e = killSwitchUnchanged(state);
        throw new ApiError(e.code, e.message, e.path, { ...e.details, current: toSummary(state) });
      }
      return planKillSwitch(state, enabled, this.author(ctx, reason));
    });
  }

  /** The live snapshot always validates against the declared features; so must anything made live again. */
  private fitsFeatures(state: NamespaceStateWithContent, content: string, hash: string, version: number): Snapshot {
    const decoded = fittingStoredSnapshot(schemaOf(state), hash, content);
    if (!decoded.ok) {
      throw new ApiError(
        decoded.error.kind,
        `version ${version} does not validate against the features ${state.namespace.name} declares now: ${decoded.error.message}`,
        undefined,
        { version, ...(decoded.error.path !== undefined ? { snapshotPath: decoded.error.path } : {}) },
      );
    }
    return decoded.value;
  }

  /**
   * `pin`: what an explicit If-Match names, the active version or the namespace revision. A change
   * that lost the commit race is read and planned again; those retries queue per namespace in this
   * process (so writers that collide do not keep colliding) and pause a little in between (for
   * writers in other replicas).
   */
  private async mutate(
    ns: string,
    ctx: MutationContext,
    pin: 'version' | 'revision',
    plan: (state: NamespaceStateWithContent) => Plan | Promise<Plan>,
  ): Promise<MutationResult> {
    const first = await this.once(ns, ctx, pin, plan);
    if (first !== 'lost') return first;
    return this.writers.run(ns, async () => {
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
        await backoff(attempt);
        const again = await this.once(ns, ctx, pin, plan);
        if (again !== 'lost') return again;
      }
      throw new ApiError('Conflict', `${ns} kept changing while this change was being applied; reload and try again`);
    });
  }

  /** One read, plan and commit; 'lost' when someone committed between the read and the write. */
  private async once(
    ns: string,
    ctx: MutationContext,
    pin: 'version' | 'revision',
    plan: (state: NamespaceStateWithContent) => Plan | Promise<Plan>,
  ): Promise<MutationResult | 'lost'> {
    const state = await this.state(ns);
    const ifMatch = ctx.ifMatch;
    const current = pin === 'version' ? state.namespace.activeVersion : state.namespace.revision;
    if (ifMatch && !ifMatch.any && !ifMatch.versions.includes(current)) {
      throw await this.preconditionFailed(state, ifMatch.versions, pin);
    }
    const change = withIdempotency(await plan(state), ctx);
    const outcome = await this.deps.store.commitNamespaceChange(
      change,
      (c) => ({ status: 200, body: toMutationResponse(c) }),
      this.rollbacksSince(),
    );
    switch (outcome.kind) {
      case 'committed':
        this.afterCommit(outcome.committed.state, outcome.committed.event);
        return { ...outcome.response, replayed: false };
      case 'replay':
        return replayed(outcome.record, ctx);
      case 'missing':
        throw notFound(`namespace ${ns}`);
      case 'conflict':
      case 'exists':
        // Someone committed between our read and our write; nothing was written. Read again and
        // plan again: the precondition is checked against the new state (412 if what If-Match
        // names moved), and the change is recomputed on what is there now, never written blind.
        return 'lost';
      default:
        throw new Error(`unexpected outcome ${outcome.kind} of a namespace change`);
    }
  }

  private afterCommit(state: NamespaceStateWithContent, event: MutationResponse['event']): void {
    this.deps.served.offer(state);
    this.deps.feed.publish({ event, state });
  }

  private async preconditionFailed(state: NamespaceStateWithContent, seen: number[], pin: 'version' | 'revision'): Promise<ApiError> {
    const ns = state.namespace.name;
    const seenVersion = seen.length === 1 && pin === 'version' ? seen[0] : undefined;
    const reached = seenVersion === undefined ? null : await this.deps.store.lastEventReaching(ns, seenVersion);
    const lastId = state.lastChange?.id ?? 0;
    const changesSince = await this.deps.store.listEvents({
      namespace: ns,
      before: lastId + 1,
      ...(reached !== null ? { after: reached } : {}),
      limit: RECENT_EVENTS,
    });
    const saw =
      pin === 'version'
        ? `you saw v${seen.join(', v')}, the active version is now v${state.namespace.activeVersion}`
        : `you saw revision ${seen.join(', ')}, it is now revision ${state.namespace.revision}`;
    return new ApiError(
      'PreconditionFailed',
      `${ns} changed since you looked: ${saw}. Review what changed and try again.`,
      undefined,
      { current: toSummary(state), changesSince },
    );
  }
}

/** The new version's snapshot is the decoded form of its content: the next read of that version need not decode it. */
function remembered(plan: Plan, snapshot: Snapshot): Plan {
  if (plan.version) rememberSnapshot(plan.namespace, plan.version.hash, snapshot);
  return plan;
}

function withIdempotency(plan: Plan, ctx: MutationContext) {
  return ctx.idempotency ? { ...plan, idempotency: ctx.idempotency } : plan;
}

function replayed(record: IdempotencyRecord, ctx: MutationContext): MutationResult {
  if (ctx.idempotency && record.fingerprint !== ctx.idempotency.fingerprint) throw idempotencyKeyReused();
  return { status: record.status, body: record.body as MutationResponse, replayed: true };
}

export function idempotencyKeyReused(): ApiError {
  return new ApiError(
    'IdempotencyKeyReused',
    'this Idempotency-Key was already used for a different request; use a new key for a new change',
  );
}
