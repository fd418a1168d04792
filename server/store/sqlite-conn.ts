/** One SQLite connection with its statement cache and the row-level queries both connections share. */
import type Database from 'better-sqlite3';
import type { AuditEvent } from '@contract/schemas';
import type { ChangeFailureCache } from '../insights/change-failure-cache';
import { changeFailure7d } from './sqlite-insights';
import { IDEMPOTENCY_COLUMNS, VERSION_COLUMNS, VERSION_JOIN, idempotencyOf, idempotencyParams, tokenParams, type RawIdempotency } from './shared-rows';
import { rowToEvent, rowToNamespace, rowToToken, rowToVersion, type RawEvent, type RawNamespace, type RawToken, type RawVersion } from './sqlite-rows';
import type {
  IdempotencyClaim,
  IdempotencyRecord,
  NamespaceRow,
  NamespaceState,
  NamespaceStateWithContent,
  NewEvent,
  StoredResponse,
  TokenRow,
  VersionRow,
  VersionWithContent,
} from './types';

export class Conn {
  private readonly statements = new Map<string, Database.Statement>();

  /**
   * `failures`: the 7-day change numbers kept per namespace (null: always read afresh). The
   * writer's is set per transaction, to one that keeps what it learns only if the transaction commits.
   */
  constructor(
    readonly db: Database.Database,
    public failures: ChangeFailureCache | null = null,
  ) {}

  q(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  namespaceRow(name: string): NamespaceRow | null {
    const raw = this.q('SELECT * FROM namespaces WHERE name = ?').get(name) as RawNamespace | undefined;
    return raw ? rowToNamespace(raw) : null;
  }

  versionRow(namespace: string, version: number): VersionWithContent | null {
    const raw = this.q(`SELECT ${VERSION_COLUMNS}, v.content FROM ${VERSION_JOIN} WHERE v.namespace = ? AND v.version = ?`).get(
      namespace,
      version,
    ) as (RawVersion & { content: string }) | undefined;
    return raw ? { ...rowToVersion(raw), content: raw.content } : null;
  }

  versionMeta(namespace: string, version: number): VersionRow | null {
    const raw = this.q(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_JOIN} WHERE v.namespace = ? AND v.version = ?`).get(namespace, version) as
      | RawVersion
      | undefined;
    return raw ? rowToVersion(raw) : null;
  }

  eventById(id: number): AuditEvent | null {
    const raw = this.q('SELECT * FROM events WHERE id = ?').get(id) as RawEvent | undefined;
    return raw ? rowToEvent(raw) : null;
  }

  stateOf(name: string, rollbacksSince: string): NamespaceStateWithContent | null;
  stateOf(name: string, rollbacksSince: string, withContent: false): NamespaceState | null;
  stateOf(name: string, rollbacksSince: string, withContent = true): NamespaceState | null {
    const namespace = this.namespaceRow(name);
    if (!namespace) return null;
    const active = withContent ? this.versionRow(name, namespace.activeVersion) : this.versionMeta(name, namespace.activeVersion);
    if (!active) throw new Error(`namespace ${name}: active version ${namespace.activeVersion} is missing`);
    const last = this.q('SELECT max(id) AS id FROM events WHERE namespace = ?').get(name) as { id: number | null };
    const rollbacks = this.q(
      "SELECT count(*) AS n FROM events WHERE namespace = ? AND action IN ('snapshot.rollback', 'rollout.rollback') AND at >= ?",
    ).get(name, rollbacksSince) as { n: number };
    const failures = changeFailure7d(this, name, rollbacksSince, last.id, this.failures);
    return {
      namespace,
      active,
      lastChange: last.id === null ? null : this.eventById(last.id),
      rollbacks7d: rollbacks.n,
      changes7d: failures.changes,
      changeFailureRate7d: failures.changeFailureRate,
    };
  }

  insertEvent(e: NewEvent): number {
    const info = this.q(
      `INSERT INTO events (at, namespace, actor, action, reason, from_version, to_version, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.at, e.namespace, e.actor, e.action, e.reason, e.fromVersion, e.toVersion, JSON.stringify(e.details));
    return Number(info.lastInsertRowid);
  }

  insertIdempotency(claim: IdempotencyClaim, response: StoredResponse, at: string): void {
    this.q('INSERT INTO idempotency (token_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      ...idempotencyParams(claim, response, at),
    );
  }

  idempotencyRow(tokenId: string, key: string): IdempotencyRecord | null {
    const raw = this.q(`SELECT ${IDEMPOTENCY_COLUMNS} FROM idempotency WHERE token_id = ? AND key = ?`).get(tokenId, key) as RawIdempotency | undefined;
    return raw ? idempotencyOf(raw) : null;
  }

  tokenRow(id: string): TokenRow | null {
    const raw = this.q('SELECT * FROM tokens WHERE id = ?').get(id) as RawToken | undefined;
    return raw ? rowToToken(raw) : null;
  }

  insertTokenRow(t: TokenRow): void {
    this.q(
      `INSERT INTO tokens (id, name, role, secret_hash, created_at, created_by, last_used_at, expires_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...tokenParams(t));
  }
}
