/**
 * The embedded engine: one SQLite file in WAL mode. One writer connection (synchronous=FULL so
 * an acknowledged write survives kill -9; BEGIN IMMEDIATE serialises writers, also across
 * processes thanks to busy_timeout) and one read-only connection, whose read transactions see
 * only committed data, so every read is one whole state.
 */
import Database from 'better-sqlite3';
import type { AuditEvent } from '@contract/schemas';
import { ChangeFailureCache } from '../insights/change-failure-cache';
import { migrations } from './migrations';
import { Checkpointer } from './sqlite-checkpointer';
import { commitNamespaceChange, commitTokenChange } from './sqlite-commit';
import { Conn } from './sqlite-conn';
import { SqliteInsightStore } from './sqlite-insights';
import { SqliteRolloutStore } from './sqlite-rollouts';
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

export interface SqliteStoreOptions {
  /** Called with the duration of every write transaction, in seconds. */
  onWrite?: (seconds: number) => void;
}

/** SQLite's own wal_autocheckpoint (pages), for the writer when the checkpointer cannot run. */
const DEFAULT_AUTOCHECKPOINT = 1000;

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  readonly rollouts: SqliteRolloutStore;
  readonly insights: SqliteInsightStore;
  private readonly writer: Conn;
  private readonly reader: Conn;
  private readonly onWrite: (seconds: number) => void;
  private readonly checkpointer: Checkpointer;
  /** The namespaces' 7-day change numbers; write transactions stage theirs and publish them once committed. */
  private readonly failures = new ChangeFailureCache();

  constructor(
    readonly path: string,
    options: SqliteStoreOptions = {},
  ) {
    this.onWrite = options.onWrite ?? (() => {});
    const writer = new Database(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = FULL');
    writer.pragma('busy_timeout = 5000');
    writer.pragma('foreign_keys = ON');
    migrate(writer);
    // Checkpoints run on the checkpointer's thread, not inside a commit (see sqlite-checkpointer.ts).
    writer.pragma('wal_autocheckpoint = 0');
    this.checkpointer = new Checkpointer(path, () => {
      if (writer.open) writer.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
    });
    this.writer = new Conn(writer);
    const reader = new Database(path, { readonly: true, fileMustExist: true });
    reader.pragma('busy_timeout = 5000');
    this.reader = new Conn(reader, this.failures);
    this.rollouts = new SqliteRolloutStore(
      (fn) => this.read(fn),
      (fn) => this.write(fn),
    );
    this.insights = new SqliteInsightStore((fn) => this.read(fn));
  }

  /** A read transaction on the reader connection: every statement sees the same committed state. */
  private read<T>(fn: (c: Conn) => T): Promise<T> {
    try {
      return Promise.resolve(this.reader.db.transaction(() => fn(this.reader)).deferred());
    } catch (e) {
      return Promise.reject(asError(e));
    }
  }

  private write<T>(fn: (c: Conn) => T): Promise<T> {
    const started = process.hrtime.bigint();
    const staged = this.failures.staged();
    this.writer.failures = staged;
    try {
      const value = this.writer.db.transaction(() => fn(this.writer)).immediate();
      staged.publish();
      return Promise.resolve(value);
    } catch (e) {
      return Promise.reject(asError(e));
    } finally {
      this.writer.failures = null;
      this.onWrite(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  // ---------- registry reads ----------

  listNamespaces(rollbacksSince: string): Promise<NamespaceState[]> {
    return this.read((c) =>
      (c.q('SELECT name FROM namespaces ORDER BY name').all() as { name: string }[]).flatMap(({ name }) => {
        const state = c.stateOf(name, rollbacksSince, false);
        return state ? [state] : [];
      }),
    );
  }

  getNamespace(name: string, rollbacksSince: string): Promise<NamespaceStateWithContent | null> {
    return this.read((c) => c.stateOf(name, rollbacksSince));
  }

  getVersion(namespace: string, version: number): Promise<{ version: VersionWithContent; activeVersion: number } | null> {
    return this.read((c) => {
      const ns = c.namespaceRow(namespace);
      const row = ns ? c.versionRow(namespace, version) : null;
      return ns && row ? { version: row, activeVersion: ns.activeVersion } : null;
    });
  }

  listVersions(
    namespace: string,
    page: { before?: number; limit: number },
  ): Promise<{ items: VersionRow[]; total: number; activeVersion: number } | null> {
    return this.read((c) => {
      const ns = c.namespaceRow(namespace);
      if (!ns) return null;
      const items = (
        c
          .q(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_JOIN} WHERE v.namespace = ? AND v.version < ? ORDER BY v.version DESC LIMIT ?`)
          .all(namespace, page.before ?? Number.MAX_SAFE_INTEGER, page.limit) as RawVersion[]
      ).map(rowToVersion);
      const total = (c.q('SELECT count(*) AS n FROM versions WHERE namespace = ?').get(namespace) as { n: number }).n;
      return { items, total, activeVersion: ns.activeVersion };
    });
  }

  activeChain(namespace: string, from: number, limit: number): Promise<VersionRow[]> {
    return this.read((c) =>
      (
        c
          .q(
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
          )
          .all(from, namespace, limit, namespace) as RawVersion[]
      ).map(rowToVersion),
    );
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
    return this.read((c) => (c.q(sql).all(...args) as RawEvent[]).map(rowToEvent));
  }

  eventsAfter(afterId: number, limit: number): Promise<AuditEvent[]> {
    return this.read((c) => (c.q('SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as RawEvent[]).map(rowToEvent));
  }

  lastEventReaching(namespace: string, version: number): Promise<number | null> {
    return this.read(
      (c) =>
        (c.q('SELECT max(id) AS id FROM events WHERE namespace = ? AND to_version = ?').get(namespace, version) as { id: number | null }).id,
    );
  }

  // ---------- the write paths ----------

  commitNamespaceChange<R extends StoredResponse>(
    change: NamespaceChange,
    respond: (committed: Committed) => R,
    rollbacksSince: string,
  ): Promise<CommitOutcome<R>> {
    return this.write((c) => commitNamespaceChange(c, change, respond, rollbacksSince));
  }

  commitTokenChange<R extends StoredResponse>(
    change: TokenChange,
    event: (token: TokenRow) => NewEvent,
    respond: (token: TokenRow, event: AuditEvent) => R,
    idempotency: { claim: IdempotencyClaim; remember: (response: R) => StoredResponse } | undefined,
  ): Promise<TokenCommitOutcome<R>> {
    return this.write((c) => commitTokenChange(c, change, event, respond, idempotency));
  }

  getIdempotency(tokenId: string, key: string): Promise<IdempotencyRecord | null> {
    return this.read((c) => c.idempotencyRow(tokenId, key));
  }

  purgeIdempotency(olderThan: string): Promise<number> {
    return this.write((c) => c.q('DELETE FROM idempotency WHERE created_at < ?').run(olderThan).changes);
  }

  // ---------- tokens, sessions, meta ----------

  getTokenByHash(secretHash: string): Promise<TokenRow | null> {
    return this.read((c) => {
      const raw = c.q('SELECT * FROM tokens WHERE secret_hash = ?').get(secretHash) as RawToken | undefined;
      return raw ? rowToToken(raw) : null;
    });
  }

  getToken(id: string): Promise<TokenRow | null> {
    return this.read((c) => c.tokenRow(id));
  }

  listTokens(): Promise<TokenRow[]> {
    return this.read((c) => (c.q('SELECT * FROM tokens ORDER BY created_at DESC, id').all() as RawToken[]).map(rowToToken));
  }

  insertToken(t: TokenRow): Promise<void> {
    return this.write((c) => c.insertTokenRow(t));
  }

  touchToken(id: string, at: string): Promise<void> {
    return this.write((c) => {
      c.q('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(at, id);
    });
  }

  createSession(s: SessionRow): Promise<void> {
    return this.write((c) => {
      c.q('INSERT INTO sessions (id_hash, token_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(s.idHash, s.tokenId, s.createdAt, s.expiresAt);
    });
  }

  getSession(idHash: string): Promise<SessionRow | null> {
    return this.read((c) => {
      const raw = c.q('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
        | { id_hash: string; token_id: string; created_at: string; expires_at: string }
        | undefined;
      return raw ? { idHash: raw.id_hash, tokenId: raw.token_id, createdAt: raw.created_at, expiresAt: raw.expires_at } : null;
    });
  }

  deleteSession(idHash: string): Promise<void> {
    return this.write((c) => {
      c.q('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
    });
  }

  purgeSessions(now: string): Promise<number> {
    return this.write((c) => c.q('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes);
  }

  getMeta(key: string): Promise<string | null> {
    return this.read((c) => (c.q('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null);
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.write((c) => {
      c.q('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    });
  }

  ping(): Promise<void> {
    return this.read((c) => {
      c.q('SELECT 1').get();
    });
  }

  /** Copies what is committed into the database file now (the checkpointer does so every 200 ms anyway). */
  checkpoint(): Promise<{ busy: number; log: number; checkpointed: number } | null> {
    return this.checkpointer.checkpoint();
  }

  async close(): Promise<void> {
    await this.checkpointer.close();
    this.reader.close();
    this.writer.close();
  }
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}
