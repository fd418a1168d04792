/**
 * The embedded engine: one SQLite file in WAL mode. One writer connection (synchronous=FULL so
 * an acknowledged write survives kill -9; BEGIN IMMEDIATE serialises writers, also across
 * processes thanks to busy_timeout) and one read-only connection, whose read transactions see
 * only committed data, so every read is one whole state.
 */
import Database from 'better-sqlite3';
import type { AuditEvent } from '@contract/schemas';
import { migrations } from './migrations';
import type {
  CommitOutcome,
  Committed,
  EventFilter,
  IdempotencyClaim,
  IdempotencyRecord,
  NamespaceChange,
  NamespaceRow,
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
import { rowToEvent, rowToNamespace, rowToToken, rowToVersion, type RawEvent, type RawNamespace, type RawToken, type RawVersion } from './sqlite-rows';

type Db = Database.Database;

export interface SqliteStoreOptions {
  /** Called with the duration of every write transaction, in seconds. */
  onWrite?: (seconds: number) => void;
}

const VERSION_COLUMNS = `v.namespace, v.version, v.kind, v.author, v.reason, v.created_at, v.hash, v.meta,
  v.flag_count, v.parent_version, v.source_version, v.discarded_event_id,
  d.at AS discarded_at, d.actor AS discarded_actor, d.reason AS discarded_reason`;
const VERSION_JOIN = `versions v LEFT JOIN events d ON d.id = v.discarded_event_id`;

export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  private readonly writer: Db;
  private readonly reader: Db;
  private readonly statements = new Map<Db, Map<string, Database.Statement>>();
  private readonly onWrite: (seconds: number) => void;

  constructor(readonly path: string, options: SqliteStoreOptions = {}) {
    this.onWrite = options.onWrite ?? (() => {});
    this.writer = new Database(path);
    this.writer.pragma('journal_mode = WAL');
    this.writer.pragma('synchronous = FULL');
    this.writer.pragma('busy_timeout = 5000');
    this.writer.pragma('foreign_keys = ON');
    this.migrate();
    this.reader = new Database(path, { readonly: true, fileMustExist: true });
    this.reader.pragma('busy_timeout = 5000');
  }

  private migrate(): void {
    const db = this.writer;
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
    );
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
      }).immediate();
    }
  }

  private q(db: Db, sql: string): Database.Statement {
    let cache = this.statements.get(db);
    if (!cache) {
      cache = new Map();
      this.statements.set(db, cache);
    }
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  }

  /** A read transaction on the reader connection: every statement sees the same committed state. */
  private read<T>(fn: (db: Db) => T): Promise<T> {
    try {
      return Promise.resolve(this.reader.transaction(() => fn(this.reader)).deferred());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private write<T>(fn: (db: Db) => T): Promise<T> {
    const started = process.hrtime.bigint();
    try {
      const result = this.writer.transaction(() => fn(this.writer)).immediate();
      return Promise.resolve(result);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.onWrite(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  // ---------- reads (shared by both connections) ----------

  private namespaceRow(db: Db, name: string): NamespaceRow | null {
    const raw = this.q(db, 'SELECT * FROM namespaces WHERE name = ?').get(name) as RawNamespace | undefined;
    return raw ? rowToNamespace(raw) : null;
  }

  private versionRow(db: Db, namespace: string, version: number): VersionWithContent | null {
    const raw = this.q(db, `SELECT ${VERSION_COLUMNS}, v.content FROM ${VERSION_JOIN} WHERE v.namespace = ? AND v.version = ?`).get(
      namespace,
      version,
    ) as (RawVersion & { content: string }) | undefined;
    return raw ? { ...rowToVersion(raw), content: raw.content } : null;
  }

  private versionMeta(db: Db, namespace: string, version: number): VersionRow | null {
    const raw = this.q(db, `SELECT ${VERSION_COLUMNS} FROM ${VERSION_JOIN} WHERE v.namespace = ? AND v.version = ?`).get(namespace, version) as
      | RawVersion
      | undefined;
    return raw ? rowToVersion(raw) : null;
  }

  private eventById(db: Db, id: number): AuditEvent | null {
    const raw = this.q(db, 'SELECT * FROM events WHERE id = ?').get(id) as RawEvent | undefined;
    return raw ? rowToEvent(raw) : null;
  }

  private stateOf(db: Db, name: string, rollbacksSince: string): NamespaceStateWithContent | null;
  private stateOf(db: Db, name: string, rollbacksSince: string, withContent: false): NamespaceState | null;
  private stateOf(db: Db, name: string, rollbacksSince: string, withContent = true): NamespaceState | null {
    const namespace = this.namespaceRow(db, name);
    if (!namespace) return null;
    const active = withContent ? this.versionRow(db, name, namespace.activeVersion) : this.versionMeta(db, name, namespace.activeVersion);
    if (!active) throw new Error(`namespace ${name}: active version ${namespace.activeVersion} is missing`);
    const last = this.q(db, 'SELECT max(id) AS id FROM events WHERE namespace = ?').get(name) as { id: number | null };
    const rollbacks = this.q(
      db,
      "SELECT count(*) AS n FROM events WHERE namespace = ? AND action = 'snapshot.rollback' AND at >= ?",
    ).get(name, rollbacksSince) as { n: number };
    return {
      namespace,
      active,
      lastChange: last.id === null ? null : this.eventById(db, last.id),
      rollbacks7d: rollbacks.n,
    };
  }

  listNamespaces(rollbacksSince: string): Promise<NamespaceState[]> {
    return this.read((db) => {
      const names = this.q(db, 'SELECT name FROM namespaces ORDER BY name').all() as { name: string }[];
      return names.flatMap(({ name }) => {
        const state = this.stateOf(db, name, rollbacksSince, false);
        return state ? [state] : [];
      });
    });
  }

  getNamespace(name: string, rollbacksSince: string): Promise<NamespaceStateWithContent | null> {
    return this.read((db) => this.stateOf(db, name, rollbacksSince));
  }

  getVersion(namespace: string, version: number): Promise<{ version: VersionWithContent; activeVersion: number } | null> {
    return this.read((db) => {
      const ns = this.namespaceRow(db, namespace);
      const row = ns ? this.versionRow(db, namespace, version) : null;
      return ns && row ? { version: row, activeVersion: ns.activeVersion } : null;
    });
  }

  listVersions(
    namespace: string,
    page: { before?: number; limit: number },
  ): Promise<{ items: VersionRow[]; total: number; activeVersion: number } | null> {
    return this.read((db) => {
      const ns = this.namespaceRow(db, namespace);
      if (!ns) return null;
      const items = (
        this.q(
          db,
          `SELECT ${VERSION_COLUMNS} FROM ${VERSION_JOIN} WHERE v.namespace = ? AND v.version < ? ORDER BY v.version DESC LIMIT ?`,
        ).all(namespace, page.before ?? Number.MAX_SAFE_INTEGER, page.limit) as RawVersion[]
      ).map(rowToVersion);
      const total = (this.q(db, 'SELECT count(*) AS n FROM versions WHERE namespace = ?').get(namespace) as { n: number }).n;
      return { items, total, activeVersion: ns.activeVersion };
    });
  }

  activeChain(namespace: string, from: number, limit: number): Promise<VersionRow[]> {
    return this.read((db) => {
      const rows = this.q(
        db,
        `WITH RECURSIVE chain(version, depth) AS (
           SELECT ?, 0
           UNION ALL
           SELECT p.parent_version, chain.depth + 1 FROM versions p JOIN chain ON p.namespace = ? AND p.version = chain.version
           WHERE p.parent_version IS NOT NULL AND chain.depth + 1 < ?
         )
         SELECT ${VERSION_COLUMNS} FROM chain
           JOIN versions v ON v.namespace = ? AND v.version = chain.version
           LEFT JOIN events d ON d.id = v.discarded_event_id
         ORDER BY chain.depth`,
      ).all(from, namespace, limit, namespace) as RawVersion[];
      return rows.map(rowToVersion);
    });
  }

  listEvents(filter: EventFilter): Promise<AuditEvent[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]) => {
      where.push(clause);
      args.push(...values);
    };
    if (filter.namespace !== undefined) add('namespace = ?', filter.namespace);
    if (filter.actor !== undefined) add('actor = ?', filter.actor);
    if (filter.actions !== undefined && filter.actions.length > 0) {
      add(`action IN (${filter.actions.map(() => '?').join(', ')})`, ...filter.actions);
    }
    if (filter.from !== undefined) add('at >= ?', filter.from);
    if (filter.to !== undefined) add('at <= ?', filter.to);
    if (filter.before !== undefined) add('id < ?', filter.before);
    if (filter.after !== undefined) add('id > ?', filter.after);
    const sql = `SELECT * FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`;
    args.push(filter.limit);
    return this.read((db) => (this.q(db, sql).all(...args) as RawEvent[]).map(rowToEvent));
  }

  eventsAfter(afterId: number, limit: number): Promise<AuditEvent[]> {
    return this.read((db) =>
      (this.q(db, 'SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as RawEvent[]).map(rowToEvent),
    );
  }

  lastEventReaching(namespace: string, version: number): Promise<number | null> {
    return this.read(
      (db) =>
        (this.q(db, 'SELECT max(id) AS id FROM events WHERE namespace = ? AND to_version = ?').get(namespace, version) as {
          id: number | null;
        }).id,
    );
  }

  // ---------- the one write path of the registry ----------

  commitNamespaceChange<R extends StoredResponse>(
    change: NamespaceChange,
    respond: (committed: Committed) => R,
    rollbacksSince: string,
  ): Promise<CommitOutcome<R>> {
    return this.write((db): CommitOutcome<R> => {
      if (change.idempotency) {
        const prior = this.idempotencyRow(db, change.idempotency.tokenId, change.idempotency.key);
        if (prior) return { kind: 'replay', record: prior };
      }
      const name = change.namespace;
      if (change.expectedRevision === null) {
        if (!change.create || !change.version) throw new Error('creating a namespace needs its first version');
        if (this.namespaceRow(db, name)) return { kind: 'exists' };
        this.q(
          db,
          `INSERT INTO namespaces (name, description, created_at, features, active_version, latest_version, revision)
           VALUES (?, ?, ?, ?, ?, ?, 1)`,
        ).run(
          name,
          change.create.description,
          change.create.createdAt,
          JSON.stringify(change.features ?? []),
          change.version.version,
          change.version.version,
        );
      } else {
        const cas = this.q(db, 'UPDATE namespaces SET revision = revision + 1 WHERE name = ? AND revision = ?').run(
          name,
          change.expectedRevision,
        );
        if (cas.changes === 0) return this.namespaceRow(db, name) ? { kind: 'conflict' } : { kind: 'missing' };
        if (change.features) {
          this.q(db, 'UPDATE namespaces SET features = ? WHERE name = ?').run(JSON.stringify(change.features), name);
        }
      }

      const v = change.version;
      if (v) {
        this.q(
          db,
          `INSERT INTO versions (namespace, version, kind, author, reason, created_at, content, hash, meta, flag_count,
             parent_version, source_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          name,
          v.version,
          v.kind,
          v.author,
          v.reason,
          v.createdAt,
          v.content,
          v.hash,
          v.meta === null ? null : JSON.stringify(v.meta),
          v.flagCount,
          v.parentVersion,
          v.sourceVersion,
        );
        this.q(db, 'UPDATE namespaces SET latest_version = max(latest_version, ?) WHERE name = ?').run(v.version, name);
      }
      if (change.activeVersion !== undefined) {
        this.q(db, 'UPDATE namespaces SET active_version = ? WHERE name = ?').run(change.activeVersion, name);
      }
      const ks = change.killSwitch;
      if (ks) {
        this.q(
          db,
          `UPDATE namespaces SET kill_switch = ?, kill_switch_changed_at = ?, kill_switch_changed_by = ?, kill_switch_reason = ?
           WHERE name = ?`,
        ).run(ks.enabled ? 1 : 0, ks.changedAt, ks.changedBy, ks.reason, name);
      }
      const eventId = this.insertEvent(db, change.event);
      if (change.discard && change.discard.length > 0) {
        const mark = this.q(
          db,
          'UPDATE versions SET discarded_event_id = ? WHERE namespace = ? AND version = ? AND discarded_event_id IS NULL',
        );
        for (const version of change.discard) mark.run(eventId, name, version);
      }

      const state = this.stateOf(db, name, rollbacksSince);
      const event = this.eventById(db, eventId);
      if (!state || !event) throw new Error('the change vanished inside its own transaction');
      const committed: Committed = { state, event, version: v ? this.versionRow(db, name, v.version) : null };
      const response = respond(committed);
      if (change.idempotency) this.insertIdempotency(db, change.idempotency, response, change.event.at);
      return { kind: 'committed', committed, response };
    });
  }

  private insertEvent(db: Db, e: NewEvent): number {
    const info = this.q(
      db,
      `INSERT INTO events (at, namespace, actor, action, reason, from_version, to_version, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.at, e.namespace, e.actor, e.action, e.reason, e.fromVersion, e.toVersion, JSON.stringify(e.details));
    return Number(info.lastInsertRowid);
  }

  private insertIdempotency(db: Db, claim: IdempotencyClaim, response: StoredResponse, at: string): void {
    this.q(
      db,
      'INSERT INTO idempotency (token_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(claim.tokenId, claim.key, claim.fingerprint, response.status, JSON.stringify(response.body), at);
  }

  private idempotencyRow(db: Db, tokenId: string, key: string): IdempotencyRecord | null {
    const raw = this.q(db, 'SELECT fingerprint, status, body, created_at FROM idempotency WHERE token_id = ? AND key = ?').get(
      tokenId,
      key,
    ) as { fingerprint: string; status: number; body: string; created_at: string } | undefined;
    if (!raw) return null;
    return { fingerprint: raw.fingerprint, status: raw.status, body: JSON.parse(raw.body) as unknown, createdAt: raw.created_at };
  }

  getIdempotency(tokenId: string, key: string): Promise<IdempotencyRecord | null> {
    return this.read((db) => this.idempotencyRow(db, tokenId, key));
  }

  purgeIdempotency(olderThan: string): Promise<number> {
    return this.write((db) => this.q(db, 'DELETE FROM idempotency WHERE created_at < ?').run(olderThan).changes);
  }

  // ---------- tokens and sessions ----------

  getTokenByHash(secretHash: string): Promise<TokenRow | null> {
    return this.read((db) => {
      const raw = this.q(db, 'SELECT * FROM tokens WHERE secret_hash = ?').get(secretHash) as RawToken | undefined;
      return raw ? rowToToken(raw) : null;
    });
  }

  getToken(id: string): Promise<TokenRow | null> {
    return this.read((db) => this.tokenRow(db, id));
  }

  private tokenRow(db: Db, id: string): TokenRow | null {
    const raw = this.q(db, 'SELECT * FROM tokens WHERE id = ?').get(id) as RawToken | undefined;
    return raw ? rowToToken(raw) : null;
  }

  listTokens(): Promise<TokenRow[]> {
    return this.read((db) => (this.q(db, 'SELECT * FROM tokens ORDER BY created_at DESC, id').all() as RawToken[]).map(rowToToken));
  }

  insertToken(t: TokenRow): Promise<void> {
    return this.write((db) => {
      this.insertTokenRow(db, t);
    });
  }

  private insertTokenRow(db: Db, t: TokenRow): void {
    this.q(
      db,
      `INSERT INTO tokens (id, name, role, secret_hash, created_at, created_by, last_used_at, expires_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(t.id, t.name, t.role, t.secretHash, t.createdAt, t.createdBy, t.lastUsedAt, t.expiresAt, t.revokedAt);
  }

  touchToken(id: string, at: string): Promise<void> {
    return this.write((db) => {
      this.q(db, 'UPDATE tokens SET last_used_at = ? WHERE id = ?').run(at, id);
    });
  }

  commitTokenChange<R extends StoredResponse>(
    change: TokenChange,
    event: (token: TokenRow) => NewEvent,
    respond: (token: TokenRow, event: AuditEvent) => R,
    idempotency: { claim: IdempotencyClaim; remember: (response: R) => StoredResponse } | undefined,
  ): Promise<TokenCommitOutcome<R>> {
    return this.write((db): TokenCommitOutcome<R> => {
      if (idempotency) {
        const prior = this.idempotencyRow(db, idempotency.claim.tokenId, idempotency.claim.key);
        if (prior) return { kind: 'replay', record: prior };
      }
      let id: string;
      if (change.kind === 'create') {
        this.insertTokenRow(db, change.token);
        id = change.token.id;
      } else {
        const current = this.tokenRow(db, change.id);
        if (!current) return { kind: 'missing' };
        if (current.revokedAt !== null) return { kind: 'already-revoked', token: current };
        this.q(db, 'UPDATE tokens SET revoked_at = ? WHERE id = ?').run(change.at, change.id);
        this.q(db, 'DELETE FROM sessions WHERE token_id = ?').run(change.id);
        id = change.id;
      }
      const token = this.tokenRow(db, id);
      if (!token) throw new Error('the token vanished inside its own transaction');
      const newEvent = event(token);
      const written = this.eventById(db, this.insertEvent(db, newEvent));
      if (!written) throw new Error('the event vanished inside its own transaction');
      const response = respond(token, written);
      if (idempotency) this.insertIdempotency(db, idempotency.claim, idempotency.remember(response), newEvent.at);
      return { kind: 'committed', token, event: written, response };
    });
  }

  createSession(s: SessionRow): Promise<void> {
    return this.write((db) => {
      this.q(db, 'INSERT INTO sessions (id_hash, token_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
        s.idHash,
        s.tokenId,
        s.createdAt,
        s.expiresAt,
      );
    });
  }

  getSession(idHash: string): Promise<SessionRow | null> {
    return this.read((db) => {
      const raw = this.q(db, 'SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
        | { id_hash: string; token_id: string; created_at: string; expires_at: string }
        | undefined;
      return raw ? { idHash: raw.id_hash, tokenId: raw.token_id, createdAt: raw.created_at, expiresAt: raw.expires_at } : null;
    });
  }

  deleteSession(idHash: string): Promise<void> {
    return this.write((db) => {
      this.q(db, 'DELETE FROM sessions WHERE id_hash = ?').run(idHash);
    });
  }

  purgeSessions(now: string): Promise<number> {
    return this.write((db) => this.q(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now).changes);
  }

  getMeta(key: string): Promise<string | null> {
    return this.read((db) => (this.q(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null);
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.write((db) => {
      this.q(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    });
  }

  ping(): Promise<void> {
    return this.read((db) => {
      this.q(db, 'SELECT 1').get();
    });
  }

  close(): Promise<void> {
    this.statements.clear();
    this.reader.close();
    this.writer.close();
    return Promise.resolve();
  }
}
