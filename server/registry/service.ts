/**
 * The registry: namespaces, their immutable versions, the active pointer and the kill switch.
 * Every mutation reads the namespace, plans one change and commits it with a compare-and-set on
 * the revision it read; if someone else committed first, nothing was written and it re-reads:
 * an explicit If-Match that no longer matches becomes 412, `*` recomputes (a bounded number of times).
 */
import type { z } from 'zod';
import type {
  CreateNamespaceBody,
  DiffResponse,
  MutationResponse,
  NamespaceDetail,
  NamespaceSummary,
  ValidateResponse,
  VersionDetail,
  VersionPage,
} from '@contract/schemas';
import type { DecodeError, Snapshot } from '@core/model';
import { decodePatch, decodeSnapshot, decodeUndeclaredSnapshot, featuresFromSnapshot, validateDeclaredFeatures } from '@core/decode';
import { applyPatch } from '@core/patch';
import { diffSnapshots } from '@core/diff';
import { snapshotHash } from '@core/canonical';
import { shadowCheck } from '@core/evaluate';
import type { Clock } from '../clock';
import { ApiError, decodeFailure, notFound } from '../errors';
import type { ChangeFeed } from '../live/change-feed';
import type { IdempotencyClaim, IdempotencyRecord, NamespaceStateWithContent, Store } from '../store/types';
import { textNestingExceeds, MAX_NESTING } from './nesting';
import {
  activeSnapshot,
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
import type { ServedSnapshots } from './served';
import { storedSnapshot } from './stored-snapshot';
import { diffDto, snapshotDto, toMutationResponse, toSummary, toVersionSummary } from './views';

export type SubmittedDocument = string | Record<string, unknown>;

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
const RECENT_EVENTS = 20;
const DAY_MS = 86_400_000;

export interface RegistryDeps {
  store: Store;
  clock: Clock;
  served: ServedSnapshots;
  feed: ChangeFeed;
}

export class RegistryService {
  constructor(private readonly deps: RegistryDeps) {}

  /** Start of the window for `rollbacks7d`. */
  rollbacksSince(): string {
    return new Date(this.deps.clock().getTime() - 7 * DAY_MS).toISOString();
  }

  // ---------- reads ----------

  async listNamespaces(): Promise<NamespaceSummary[]> {
    return (await this.deps.store.listNamespaces(this.rollbacksSince())).map(toSummary);
  }

  private async state(ns: string): Promise<NamespaceStateWithContent> {
    const state = await this.deps.store.getNamespace(ns, this.rollbacksSince());
    if (!state) throw notFound(`namespace ${ns}`);
    return state;
  }

  async getNamespace(ns: string): Promise<NamespaceDetail> {
    const state = await this.state(ns);
    // Events are a second read; bound them by the state's last event so the page is one consistent picture.
    const lastId = state.lastChange?.id;
    const recentEvents =
      lastId === undefined ? [] : await this.deps.store.listEvents({ namespace: ns, before: lastId + 1, limit: RECENT_EVENTS });
    return {
      ...toSummary(state),
      features: state.namespace.features,
      snapshot: snapshotDto(activeSnapshot(state)),
      recentEvents,
    };
  }

  async listVersions(ns: string, page: { before?: number; limit: number }): Promise<VersionPage> {
    const result = await this.deps.store.listVersions(ns, page);
    if (!result) throw notFound(`namespace ${ns}`);
    const last = result.items.at(-1);
    return {
      items: result.items.map((v) => toVersionSummary(v, result.activeVersion)),
      total: result.total,
      nextBefore: last && last.version > 1 && result.items.length === page.limit ? last.version : null,
    };
  }

  private async version(ns: string, v: number) {
    const found = await this.deps.store.getVersion(ns, v);
    if (!found) {
      const exists = await this.deps.store.getNamespace(ns, this.rollbacksSince());
      throw notFound(exists ? `version ${v} of namespace ${ns}` : `namespace ${ns}`);
    }
    return found;
  }

  async getVersion(ns: string, v: number): Promise<VersionDetail> {
    const { version, activeVersion } = await this.version(ns, v);
    return { ...toVersionSummary(version, activeVersion), snapshot: snapshotDto(storedSnapshot(ns, version.hash, version.content)) };
  }

  async diff(ns: string, from: number, to: number): Promise<z.infer<typeof DiffResponse>> {
    const [a, b] = [(await this.version(ns, from)).version, (await this.version(ns, to)).version];
    const diff = diffSnapshots(storedSnapshot(ns, a.hash, a.content), storedSnapshot(ns, b.hash, b.content));
    return { namespace: ns, from, to, diff: diffDto(diff) };
  }

  async validate(ns: string, input: { snapshot?: SubmittedDocument; patch?: SubmittedDocument }): Promise<ValidateResponse> {
    if ((input.snapshot === undefined) === (input.patch === undefined)) {
      throw new ApiError('BadRequest', 'send exactly one of "snapshot" or "patch"', input.snapshot === undefined ? '' : '/patch');
    }
    const state = await this.state(ns);
    const candidate =
      input.snapshot !== undefined ? decodeSubmittedSnapshot(input.snapshot, state) : patchedSnapshot(input.patch ?? {}, state);
    if (!candidate.ok) {
      return {
        valid: false,
        activeVersion: state.namespace.activeVersion,
        error: { code: candidate.error.kind, message: candidate.error.message, ...pathOf(candidate.error) },
      };
    }
    const current = activeSnapshot(state);
    return {
      valid: true,
      activeVersion: state.namespace.activeVersion,
      hash: snapshotHash(candidate.value),
      flagCount: candidate.value.flags.length,
      diff: diffDto(diffSnapshots(current, candidate.value)),
      shadow: shadowCheck(current, candidate.value, schemaOf(state)),
    };
  }

  // ---------- mutations ----------

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
    return this.mutate(ns, ctx, (state) => {
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
    return this.mutate(ns, ctx, (state) => {
      const decoded = decodeSubmittedSnapshot(snapshot, state);
      if (!decoded.ok) throw decodeFailure(decoded.error);
      return planNewVersion(state, decoded.value, 'load', 'snapshot.load', this.author(ctx, reason));
    });
  }

  patch(ns: string, patch: SubmittedDocument, reason: string, ctx: MutationContext): Promise<MutationResult> {
    return this.mutate(ns, ctx, (state) => {
      const next = patchedSnapshot(patch, state);
      if (!next.ok) throw decodeFailure(next.error);
      return planNewVersion(state, next.value, 'patch', 'snapshot.patch', this.author(ctx, reason));
    });
  }

  rollback(ns: string, steps: number, reason: string, ctx: MutationContext): Promise<MutationResult> {
    return this.mutate(ns, ctx, async (state) => {
      // Parent pointers are immutable, so the chain read here fits `state` even if it is a second read.
      const chain = await this.deps.store.activeChain(ns, state.namespace.activeVersion, steps + 1);
      const targetRow = chain[steps];
      if (!targetRow) throw insufficientHistory(state, steps, chain.length - 1);
      const target = (await this.version(ns, targetRow.version)).version;
      const snapshot = this.fitsFeatures(state, target.content, target.version);
      return planRollback(state, steps, chain, target, snapshot, this.author(ctx, reason));
    });
  }

  restore(ns: string, version: number, reason: string, ctx: MutationContext): Promise<MutationResult> {
    return this.mutate(ns, ctx, async (state) => {
      const source = (await this.version(ns, version)).version;
      const snapshot = this.fitsFeatures(state, source.content, source.version);
      return planNewVersion(state, snapshot, 'restore', 'snapshot.restore', this.author(ctx, reason), {
        sourceVersion: version,
        details: { sourceVersion: version, identicalToActive: source.hash === state.active.hash },
      });
    });
  }

  killSwitch(ns: string, enabled: boolean, reason: string, ctx: MutationContext): Promise<MutationResult> {
    return this.mutate(ns, ctx, (state) => {
      if (state.namespace.killSwitch.enabled === enabled) {
        const e = killSwitchUnchanged(state);
        throw new ApiError(e.code, e.message, e.path, { ...e.details, current: toSummary(state) });
      }
      return planKillSwitch(state, enabled, this.author(ctx, reason));
    });
  }

  /** The live snapshot always validates against the declared features; so must anything made live again. */
  private fitsFeatures(state: NamespaceStateWithContent, content: string, version: number): Snapshot {
    const decoded = decodeSnapshot(content, schemaOf(state));
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

  private async mutate(
    ns: string,
    ctx: MutationContext,
    plan: (state: NamespaceStateWithContent) => Plan | Promise<Plan>,
  ): Promise<MutationResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const state = await this.state(ns);
      const ifMatch = ctx.ifMatch;
      if (ifMatch && !ifMatch.any && !ifMatch.versions.includes(state.namespace.activeVersion)) {
        throw await this.preconditionFailed(state, ifMatch.versions);
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
          continue;
      }
    }
    throw new ApiError('Conflict', `${ns} kept changing while this change was being applied; reload and try again`);
  }

  private afterCommit(state: NamespaceStateWithContent, event: MutationResponse['event']): void {
    this.deps.served.offer(state);
    this.deps.feed.publish({ event, state });
  }

  private async preconditionFailed(state: NamespaceStateWithContent, seen: number[]): Promise<ApiError> {
    const ns = state.namespace.name;
    const seenVersion = seen.length === 1 ? seen[0] : undefined;
    const reached = seenVersion === undefined ? null : await this.deps.store.lastEventReaching(ns, seenVersion);
    const lastId = state.lastChange?.id ?? 0;
    const changesSince = await this.deps.store.listEvents({
      namespace: ns,
      before: lastId + 1,
      ...(reached !== null ? { after: reached } : {}),
      limit: RECENT_EVENTS,
    });
    return new ApiError(
      'PreconditionFailed',
      `${ns} changed since you looked: you saw v${seen.join(', v')}, the active version is now v${state.namespace.activeVersion}. ` +
        'Review what changed and try again.',
      undefined,
      { current: toSummary(state), changesSince },
    );
  }
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

function validFeatures(ns: string, features: unknown) {
  const result = validateDeclaredFeatures(ns, features);
  if (!result.ok) throw decodeFailure(result.error);
  return result.value;
}

type Decoded = { ok: true; value: Snapshot } | { ok: false; error: DecodeError };

const failed = (error: DecodeError): Decoded => ({ ok: false, error });

function nestingError(doc: SubmittedDocument): DecodeError | null {
  return typeof doc === 'string' && textNestingExceeds(doc)
    ? { kind: 'InvalidJson', message: `the document is nested deeper than ${MAX_NESTING} levels` }
    : null;
}

function decodeSubmittedSnapshot(doc: SubmittedDocument, state: NamespaceStateWithContent): Decoded {
  const guard = nestingError(doc);
  return guard ? failed(guard) : decodeSnapshot(doc, schemaOf(state));
}

function patchedSnapshot(doc: SubmittedDocument, state: NamespaceStateWithContent): Decoded {
  const guard = nestingError(doc);
  if (guard) return failed(guard);
  const schema = schemaOf(state);
  const patch = decodePatch(doc, schema);
  return patch.ok ? applyPatch(activeSnapshot(state), patch.value, schema) : patch;
}

const pathOf = (e: DecodeError): { path?: string } => (e.path !== undefined ? { path: e.path } : {});
