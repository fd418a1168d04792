/**
 * The registry's storage interface. It is asynchronous on purpose: the embedded SQLite engine
 * answers synchronously, but the PostgreSQL engine (several replicas) must fit the same
 * interface and pass the same contract tests.
 */
import type { AuditAction, AuditEvent, KillSwitchState, Role, VersionKind } from '@contract/schemas';
import type { DeclaredFeature } from '@core/model';
import type { InsightStore } from './insight-types';
import type { RolloutBundle, RolloutStore, RolloutWrite } from './rollout-types';

export interface NamespaceRow {
  name: string;
  description: string | null;
  createdAt: string;
  features: DeclaredFeature[];
  activeVersion: number;
  latestVersion: number;
  /** Bumped on every change (kill switch included): the compare-and-set token of writers. */
  revision: number;
  killSwitch: KillSwitchState;
}

export interface DiscardedByRow {
  eventId: number;
  at: string;
  actor: string;
  reason: string;
}

export interface VersionRow {
  namespace: string;
  version: number;
  kind: VersionKind;
  author: string;
  reason: string;
  createdAt: string;
  hash: string;
  meta: Record<string, unknown> | null;
  flagCount: number;
  parentVersion: number | null;
  sourceVersion: number | null;
  discardedBy: DiscardedByRow | null;
}

export interface VersionWithContent extends VersionRow {
  /** serializeSnapshot() of the decoded snapshot: the exact bytes apps are served. */
  content: string;
}

/** One namespace as one consistent read: the row, its active version and the facts the summary shows. */
export interface NamespaceState {
  namespace: NamespaceRow;
  active: VersionRow;
  lastChange: AuditEvent | null;
  rollbacks7d: number;
  /** Changes since `rollbacksSince` and the share of them that failed (core/insights definitions). */
  changes7d: number;
  changeFailureRate7d: number | null;
}

export interface NamespaceStateWithContent extends NamespaceState {
  active: VersionWithContent;
}

export interface NewVersion {
  version: number;
  kind: VersionKind;
  author: string;
  reason: string;
  createdAt: string;
  content: string;
  hash: string;
  meta: Record<string, unknown> | null;
  flagCount: number;
  parentVersion: number | null;
  sourceVersion: number | null;
}

export interface NewEvent {
  at: string;
  namespace: string | null;
  actor: string;
  action: AuditAction;
  reason: string;
  fromVersion: number | null;
  toVersion: number | null;
  details: Record<string, unknown>;
}

export interface IdempotencyClaim {
  tokenId: string;
  key: string;
  fingerprint: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotencyRecord extends StoredResponse {
  fingerprint: string;
  createdAt: string;
}

export interface NamespaceChange {
  namespace: string;
  /** The revision the service read; null when creating the namespace (it must not exist). */
  expectedRevision: number | null;
  create?: { description: string | null; createdAt: string };
  features?: DeclaredFeature[];
  version?: NewVersion;
  /** New active pointer (rollback or a new version). */
  activeVersion?: number;
  killSwitch?: KillSwitchState;
  /** Versions a rollback passed over; marked as discarded by this change's event. */
  discard?: number[];
  event: NewEvent;
  idempotency?: IdempotencyClaim;
  /** A rollout's side of the change (its row, a recorded breach), applied in the same transaction. */
  rollout?: RolloutWrite;
}

export interface Committed {
  state: NamespaceStateWithContent;
  event: AuditEvent;
  version: VersionRow | null;
  /** With `change.rollout`: the rollout as the change left it. */
  rollout?: RolloutBundle;
}

export type CommitOutcome<R> =
  | { kind: 'committed'; committed: Committed; response: R }
  /** Compare-and-set failed: someone else changed the namespace since it was read. Nothing was written. */
  | { kind: 'conflict' }
  | { kind: 'exists' }
  | { kind: 'missing' }
  /** The idempotency key was used by a request that committed first (a race); nothing was written. */
  | { kind: 'replay'; record: IdempotencyRecord }
  /** With `change.rollout`: the rollout's revision moved since it was read. Nothing was written. */
  | { kind: 'rollout-stale' }
  /** With `change.rollout`: its breach was already recorded. Nothing was written. */
  | { kind: 'breach-recorded' };

export interface TokenRow {
  id: string;
  name: string;
  role: Role;
  secretHash: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export type TokenChange =
  | { kind: 'create'; token: TokenRow }
  | { kind: 'revoke'; id: string; at: string };

export type TokenCommitOutcome<R> =
  | { kind: 'committed'; token: TokenRow; event: AuditEvent; response: R }
  | { kind: 'missing' }
  | { kind: 'already-revoked'; token: TokenRow }
  | { kind: 'replay'; record: IdempotencyRecord };

export interface EventFilter {
  namespace?: string;
  actor?: string;
  actions?: string[];
  from?: string;
  to?: string;
  /** Only events with a smaller id. */
  before?: number;
  /** Only events with a larger id. */
  after?: number;
  limit: number;
}

export interface SessionRow {
  idHash: string;
  tokenId: string;
  createdAt: string;
  expiresAt: string;
}

export interface Store {
  readonly engine: string;
  readonly rollouts: RolloutStore;
  readonly insights: InsightStore;

  listNamespaces(rollbacksSince: string): Promise<NamespaceState[]>;
  getNamespace(name: string, rollbacksSince: string): Promise<NamespaceStateWithContent | null>;
  /** One version and, from the same read, the namespace's active version. */
  getVersion(namespace: string, version: number): Promise<{ version: VersionWithContent; activeVersion: number } | null>;
  /** A page of versions, newest first, and the active version from the same read; null when the namespace does not exist. */
  listVersions(
    namespace: string,
    page: { before?: number; limit: number },
  ): Promise<{ items: VersionRow[]; total: number; activeVersion: number } | null>;
  /** Versions of the active chain, starting at `from` and following parent_version, at most `limit`. */
  activeChain(namespace: string, from: number, limit: number): Promise<VersionRow[]>;

  listEvents(filter: EventFilter): Promise<AuditEvent[]>;
  /** Events with id > afterId, oldest first (stream replay). */
  eventsAfter(afterId: number, limit: number): Promise<AuditEvent[]>;
  /** The id of the most recent event after which `namespace` had `version` active, if any. */
  lastEventReaching(namespace: string, version: number): Promise<number | null>;

  commitNamespaceChange<R extends StoredResponse>(
    change: NamespaceChange,
    respond: (committed: Committed) => R,
    rollbacksSince: string,
  ): Promise<CommitOutcome<R>>;

  getIdempotency(tokenId: string, key: string): Promise<IdempotencyRecord | null>;
  purgeIdempotency(olderThan: string): Promise<number>;

  getTokenByHash(secretHash: string): Promise<TokenRow | null>;
  getToken(id: string): Promise<TokenRow | null>;
  listTokens(): Promise<TokenRow[]>;
  /** Inserts a token outside the audit log (bootstrap only). */
  insertToken(token: TokenRow): Promise<void>;
  touchToken(id: string, at: string): Promise<void>;
  commitTokenChange<R extends StoredResponse>(
    change: TokenChange,
    event: (token: TokenRow) => NewEvent,
    respond: (token: TokenRow, event: AuditEvent) => R,
    idempotency: { claim: IdempotencyClaim; remember: (response: R) => StoredResponse } | undefined,
  ): Promise<TokenCommitOutcome<R>>;

  createSession(session: SessionRow): Promise<void>;
  getSession(idHash: string): Promise<SessionRow | null>;
  deleteSession(idHash: string): Promise<void>;
  purgeSessions(now: string): Promise<number>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;

  /** A cheap liveness probe of the database. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
