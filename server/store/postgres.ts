/**
 * The PostgreSQL engine: the same Store as the SQLite engine, for several server replicas on one
 * database. Preconditions are enforced by the database (compare-and-set UPDATEs under row locks,
 * unique keys), so two replicas cannot both apply a conflicting change; each change, its audit
 * event (announced with NOTIFY) and its idempotency record are one transaction; multi-statement
 * reads run in one REPEATABLE READ snapshot. Migrations are applied at open, under an advisory
 * lock (several replicas may start at once).
 */
import { Client } from 'pg';
import type { AuditEvent } from '@contract/schemas';
import { ChangeFailureCache } from '../insights/change-failure-cache';
import { commitNamespaceChange, commitTokenChange } from './postgres-commit';
import { Db, PgCode, pgCode, type Tx } from './postgres-db';
import { PgInsightStore } from './postgres-insights';
import { migrate } from './postgres-migrations';
import { PgRolloutStore } from './postgres-rollouts';
import { allStates, idempotencyRow, insertTokenRow, namespaceRow, stateOf, tokenRow, versionRow } from './postgres-rows';
import { VERSION_COLUMNS, VERSION_JOIN } from './shared-rows';
import { rowToEvent, rowToToken, rowToVersion, type RawEvent, type RawToken, type RawVersion } from './sqlite-rows';
import type {
  CommitOutcome,
  Committed,
  EventFilter,
  IdempotencyClaim,
  IdempotencyRecord,
  NamespaceChange,
  NamespaceState,
  NamespaceStateWithContent,
  NewEvent,
  SessionRow,
  Store,
  StoredResponse,
  TokenChange,
  TokenCommitOutcome,
  TokenRow,
  VersionRow,
  VersionWithContent,
} from './types';

export interface PostgresStoreOptions {
  /** Connections in this process's pool (default 10). */
  poolSize?: number;
  /** Called with the duration of every write transaction, in seconds. */
  onWrite?: (seconds: number) => void;
}

type Raw<T> = T & Record<string, unknown>;

/** The constraint a unique violation names, if it is one. */
function violated(e: unknown): string | null {
  if (pgCode(e) !== PgCode.uniqueViolation || !(e instanceof Error) || !('constraint' in e) || typeof e.constraint !== 'string') return null;
  return e.constraint;
}

export class PostgresStore implements Store {
  readonly engine = 'postgres';
  readonly rollouts: PgRolloutStore;
  readonly insights: PgInsightStore;
  /** The namespaces' 7-day change numbers; write transactions stage theirs and publish them once committed. */
  private readonly failures = new ChangeFailureCache();

  private constructor(readonly db: Db) {
    const read = <T>(fn: (tx: Tx) => Promise<T>) => this.db.read(fn);
    const write = <T>(fn: (tx: Tx) => Promise<T>) => this.db.write(fn);
    this.rollouts = new PgRolloutStore(read, write, (fn, onConflict) => this.guarded(fn, onConflict));
    this.insights = new PgInsightStore(read);
  }

  /** Connects, applies pending migrations (under the migrations lock) and returns the store. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const client = new Client({ connectionString: url, application_name: 'switchyard-migrate' });
    await client.connect();
    try {
      await migrate(client);
    } finally {
      await client.end();
    }
    return new PostgresStore(
      new Db(url, { ...(options.poolSize !== undefined ? { max: options.poolSize } : {}), ...(options.onWrite ? { onWrite: options.onWrite } : {}) }),
    );
  }

  /**
   * A write whose unique-key violation (a replica that committed the same thing first) becomes an
   * outcome: the transaction is rolled back and `onConflict(constraint)` decides what to answer.
   */
  private async guarded<T>(fn: (tx: Tx) => Promise<T>, onConflict: (constraint: string) => Promise<T | undefined>): Promise<T> {
    try {
      return await this.db.write(fn);
    } catch (e) {
      const constraint = violated(e);
      const outcome = constraint === null ? undefined : await onConflict(constraint);
      if (outcome === undefined) throw e;
      return outcome;
    }
  }

  /** Replays the record of a key that another replica committed while this request was writing. */
  private async replayOf(claim: IdempotencyClaim | undefined, constraint: string): Promise<{ kind: 'replay'; record: IdempotencyRecord } | undefined> {
    if (!claim || constraint !== 'idempotency_pkey') return undefined;
    const record = await idempotencyRow(this.db, claim.tokenId, claim.key);
    return record ? { kind: 'replay', record } : undefined;
  }

  // ---------- registry reads ----------

  listNamespaces(rollbacksSince: string): Promise<NamespaceState[]> {
    return allStates(this.db, rollbacksSince, this.failures);
  }

  getNamespace(name: string, rollbacksSince: string): Promise<NamespaceStateWithContent | null> {
    return stateOf(this.db, name, rollbacksSince, this.failures);
  }

  getVersion(namespace: string, version: number): Promise<{ version: VersionWithContent; activeVersion: number } | null> {
    return this.db.read(async (tx) => {
      const ns = await namespaceRow(tx, namespace);
      const row = ns ? await versionRow(tx, namespace, version) : null;
      return ns && row ? { version: row, activeVersion: ns.activeVersion } : null;
    });
  }

  listVersions(namespace: string, page: { before?: number; limit: number }): Promise<{ items: VersionRow[]; total: number; activeVersion: number } | null> {
    return this.db.read(async (tx) => {
      const ns = await tx.get<{ active_version: number; total: number }>(
        'SELECT active_version, (SELECT count(*) FROM versions WHERE namespace = $1) AS total FROM namespaces WHERE name = $1',
        [namespace],
      );
      if (!ns) return null;
      const items = (
        await tx.all<Raw<RawVersion>>(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_JOIN} WHERE v.namespace = $1 AND v.version < $2 ORDER BY v.version DESC LIMIT $3`, [
          namespace,
          Math.min(page.before ?? 2_147_483_647, 2_147_483_647),
          page.limit,
        ])
      ).map(rowToVersion);
      return { items, total: ns.total, activeVersion: ns.active_version };
    });
  }

  async activeChain(namespace: string, from: number, limit: number): Promise<VersionRow[]> {
    return (
      await this.db.all<Raw<RawVersion>>(
        `WITH RECURSIVE chain(version, depth) AS (
           SELECT $1::int, 0
           UNION ALL
           SELECT p.parent_version, chain.depth + 1 FROM versions p JOIN chain ON p.namespace = $2 AND p.version = chain.version
           WHERE p.parent_version IS NOT NULL AND chain.depth + 1 < $3
         )
         SELECT ${VERSION_COLUMNS} FROM chain
           JOIN versions v ON v.namespace = $2 AND v.version = chain.version
           LEFT JOIN events d ON d.id = v.discarded_event_id
         ORDER BY chain.depth`,
        [from, namespace, limit],
      )
    ).map(rowToVersion);
  }

  async listEvents(filter: EventFilter): Promise<AuditEvent[]> {
    const where: string[] = [];
    const args: (string | number | readonly string[])[] = [];
    const add = (clause: (n: string) => string, value: string | number | readonly string[]) => {
      args.push(value);
      where.push(clause(`$${args.length}`));
    };
    if (filter.namespace !== undefined) add((n) => `namespace = ${n}`, filter.namespace);
    if (filter.actor !== undefined) add((n) => `actor = ${n}`, filter.actor);
    if (filter.actions !== undefined && filter.actions.length > 0) add((n) => `action = ANY(${n}::text[])`, filter.actions);
    if (filter.from !== undefined) add((n) => `at >= ${n}`, filter.from);
    if (filter.to !== undefined) add((n) => `at <= ${n}`, filter.to);
    if (filter.before !== undefined) add((n) => `id < ${n}`, filter.before);
    if (filter.after !== undefined) add((n) => `id > ${n}`, filter.after);
    args.push(filter.limit);
    const sql = `SELECT * FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT $${args.length}`;
    return (await this.db.all<Raw<RawEvent>>(sql, args)).map(rowToEvent);
  }

  async eventsAfter(afterId: number, limit: number): Promise<AuditEvent[]> {
    return (await this.db.all<Raw<RawEvent>>('SELECT * FROM events WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit])).map(rowToEvent);
  }

  async lastEventReaching(namespace: string, version: number): Promise<number | null> {
    return (await this.db.get<{ id: number | null }>('SELECT max(id) AS id FROM events WHERE namespace = $1 AND to_version = $2', [namespace, version]))?.id ?? null;
  }

  /** The newest event id (where a replica starts following the log). */
  async lastEventId(): Promise<number> {
    return (await this.db.get<{ id: number | null }>('SELECT max(id) AS id FROM events'))?.id ?? 0;
  }

  // ---------- the write paths ----------

  async commitNamespaceChange<R extends StoredResponse>(
    change: NamespaceChange,
    respond: (committed: Committed) => R,
    rollbacksSince: string,
  ): Promise<CommitOutcome<R>> {
    // Each attempt stages what it learns of the 7-day numbers; the cache keeps it only once committed.
    let staged: ChangeFailureCache | undefined;
    const outcome = await this.guarded(
      (tx) => {
        staged = this.failures.staged();
        return commitNamespaceChange(tx, change, respond, rollbacksSince, staged);
      },
      async (constraint): Promise<CommitOutcome<R> | undefined> => {
        if (constraint === 'rollout_breaches_once') return { kind: 'breach-recorded' };
        if (constraint === 'rollouts_pkey' || constraint === 'rollouts_open_flag') return { kind: 'rollout-stale' };
        if (constraint === 'namespaces_pkey') return { kind: 'exists' };
        return this.replayOf(change.idempotency, constraint);
      },
    );
    if (outcome.kind === 'committed') staged?.publish();
    return outcome;
  }

  commitTokenChange<R extends StoredResponse>(
    change: TokenChange,
    event: (token: TokenRow) => NewEvent,
    respond: (token: TokenRow, event: AuditEvent) => R,
    idempotency: { claim: IdempotencyClaim; remember: (response: R) => StoredResponse } | undefined,
  ): Promise<TokenCommitOutcome<R>> {
    return this.guarded(
      (tx) => commitTokenChange(tx, change, event, respond, idempotency),
      (constraint) => this.replayOf(idempotency?.claim, constraint),
    );
  }

  getIdempotency(tokenId: string, key: string): Promise<IdempotencyRecord | null> {
    return idempotencyRow(this.db, tokenId, key);
  }

  purgeIdempotency(olderThan: string): Promise<number> {
    return this.db.run('DELETE FROM idempotency WHERE created_at < $1', [olderThan]);
  }

  // ---------- tokens, sessions, meta ----------

  async getTokenByHash(secretHash: string): Promise<TokenRow | null> {
    const raw = await this.db.get<Raw<RawToken>>('SELECT * FROM tokens WHERE secret_hash = $1', [secretHash]);
    return raw ? rowToToken(raw) : null;
  }

  getToken(id: string): Promise<TokenRow | null> {
    return tokenRow(this.db, id);
  }

  async listTokens(): Promise<TokenRow[]> {
    return (await this.db.all<Raw<RawToken>>('SELECT * FROM tokens ORDER BY created_at DESC, id')).map(rowToToken);
  }

  /** Replicas starting at once with one SWITCHYARD_ADMIN_TOKEN insert it once: the second insert does nothing. */
  insertToken(t: TokenRow): Promise<void> {
    return insertTokenRow(this.db, t, true);
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.db.run('UPDATE tokens SET last_used_at = $2 WHERE id = $1', [id, at]);
  }

  async createSession(s: SessionRow): Promise<void> {
    await this.db.run('INSERT INTO sessions (id_hash, token_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [s.idHash, s.tokenId, s.createdAt, s.expiresAt]);
  }

  async getSession(idHash: string): Promise<SessionRow | null> {
    const raw = await this.db.get<{ id_hash: string; token_id: string; created_at: string; expires_at: string }>('SELECT * FROM sessions WHERE id_hash = $1', [
      idHash,
    ]);
    return raw ? { idHash: raw.id_hash, tokenId: raw.token_id, createdAt: raw.created_at, expiresAt: raw.expires_at } : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  purgeSessions(now: string): Promise<number> {
    return this.db.run('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  }

  async getMeta(key: string): Promise<string | null> {
    return (await this.db.get<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.run('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async ping(): Promise<void> {
    await this.db.get('SELECT 1 AS one');
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
