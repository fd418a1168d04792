/**
 * Row-level queries of the PostgreSQL engine shared by its reads and write paths (the SQLite
 * engine's Conn). Rows have the SQLite engine's shapes and map with the same functions.
 */
import type { AuditEvent } from '@contract/schemas';
import type { Tx } from './postgres-db';
import { IDEMPOTENCY_COLUMNS, VERSION_COLUMNS, VERSION_JOIN, idempotencyOf, idempotencyParams, tokenParams, type RawIdempotency } from './shared-rows';
import { rowToEvent, rowToNamespace, rowToToken, rowToVersion, type RawEvent, type RawNamespace, type RawToken, type RawVersion } from './sqlite-rows';
import { changeFailureOf, type ChangeFailureCache } from '../insights/change-failure-cache';
import { insightEventsJson, toInsightEvent, type RawInsightEvent } from './postgres-insights';
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

/** The channel every committed audit event is announced on (payload: the event id). */
export const EVENTS_CHANNEL = 'switchyard_events';

type RawVersionWithContent = RawVersion & { content: string };

export async function namespaceRow(tx: Tx, name: string): Promise<NamespaceRow | null> {
  const raw = await tx.get<RawNamespace & Record<string, unknown>>('SELECT * FROM namespaces WHERE name = $1', [name]);
  return raw ? rowToNamespace(raw) : null;
}

export async function versionRow(tx: Tx, namespace: string, version: number): Promise<VersionWithContent | null> {
  const raw = await tx.get<RawVersionWithContent & Record<string, unknown>>(
    `SELECT ${VERSION_COLUMNS}, v.content FROM ${VERSION_JOIN} WHERE v.namespace = $1 AND v.version = $2`,
    [namespace, version],
  );
  return raw ? { ...rowToVersion(raw), content: raw.content } : null;
}

export async function versionMeta(tx: Tx, namespace: string, version: number): Promise<VersionRow | null> {
  const raw = await tx.get<RawVersion & Record<string, unknown>>(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_JOIN} WHERE v.namespace = $1 AND v.version = $2`, [
    namespace,
    version,
  ]);
  return raw ? rowToVersion(raw) : null;
}

export async function eventById(tx: Tx, id: number): Promise<AuditEvent | null> {
  const raw = await tx.get<RawEvent & Record<string, unknown>>('SELECT * FROM events WHERE id = $1', [id]);
  return raw ? rowToEvent(raw) : null;
}

export async function eventsWhere(tx: Tx, sql: string, params: readonly (string | number)[]): Promise<AuditEvent[]> {
  return (await tx.all<RawEvent & Record<string, unknown>>(sql, params)).map(rowToEvent);
}

type RawState = RawNamespace & {
  last_event: RawEvent | null;
  rollbacks: number;
  active: (RawVersion & { content?: string }) | null;
  insight: RawInsightEvent[];
} & Record<string, unknown>;

/**
 * Namespaces with their active versions (with content when asked), their newest events, their
 * rollbacks and their 7-day change numbers since `rollbacksSince`: ONE statement, so one
 * snapshot, with no transaction around it (the body and the version always come from one row).
 * With `failures`, one namespace's state reads only the insight events committed since that
 * cache last saw the namespace (see ChangeFailureCache); `whole` reads them all.
 */
async function statesOf(
  tx: Pick<Tx, 'all'>,
  name: string | null,
  rollbacksSince: string,
  withContent: boolean,
  failures: ChangeFailureCache | null,
  whole = false,
): Promise<NamespaceState[]> {
  const read = name !== null && failures && !whole ? failures.plan(name, rollbacksSince) : null;
  const rows = await tx.all<RawState>(
    `SELECT n.*,
       (SELECT row_to_json(e) FROM events e WHERE e.namespace = n.name ORDER BY e.id DESC LIMIT 1) AS last_event,
       (SELECT count(*) FROM events r WHERE r.namespace = n.name AND r.action IN ('snapshot.rollback', 'rollout.rollback') AND r.at >= $2) AS rollbacks,
       (SELECT row_to_json(x) FROM (
          SELECT ${VERSION_COLUMNS}${withContent ? ', v.content' : ''} FROM ${VERSION_JOIN} WHERE v.namespace = n.name AND v.version = n.active_version
        ) x) AS active,
       ${insightEventsJson('n.name', '$2', '$3')} AS insight
     FROM namespaces n WHERE ($1::text IS NULL OR n.name = $1) ORDER BY n.name`,
    [name, rollbacksSince, read?.afterId ?? null],
  );
  const states: NamespaceState[] = [];
  for (const raw of rows) {
    const namespace = rowToNamespace(raw);
    if (!raw.active) throw new Error(`namespace ${namespace.name}: active version ${namespace.activeVersion} is missing`);
    const version = rowToVersion(raw.active);
    const lastEvent = raw.last_event ? rowToEvent(raw.last_event) : null;
    const events = raw.insight.map(toInsightEvent);
    const lastId = lastEvent?.id ?? null;
    const f = !failures
      ? changeFailureOf(namespace.name, events, Date.parse(rollbacksSince))
      : read && read.afterId !== null
        ? failures.settle(namespace.name, rollbacksSince, read, lastId, events)
        : failures.whole(namespace.name, rollbacksSince, lastId, events);
    // This read was behind what the cache holds: read again, the whole window.
    if (!f) return statesOf(tx, name, rollbacksSince, withContent, failures, true);
    const active: VersionRow | VersionWithContent = withContent ? { ...version, content: raw.active.content ?? '' } : version;
    states.push({
      namespace,
      active,
      lastChange: lastEvent,
      rollbacks7d: Number(raw.rollbacks),
      changes7d: f.changes,
      changeFailureRate7d: f.changeFailureRate,
    });
  }
  return states;
}

export async function stateOf(
  tx: Pick<Tx, 'all'>,
  name: string,
  rollbacksSince: string,
  failures: ChangeFailureCache | null = null,
): Promise<NamespaceStateWithContent | null> {
  const [state] = await statesOf(tx, name, rollbacksSince, true, failures);
  return (state as NamespaceStateWithContent | undefined) ?? null;
}

export function allStates(tx: Pick<Tx, 'all'>, rollbacksSince: string, failures: ChangeFailureCache | null = null): Promise<NamespaceState[]> {
  return statesOf(tx, null, rollbacksSince, false, failures);
}

/**
 * Appends an audit event and announces it (switchyard_append_event, migration 4). Event ids are
 * handed out in commit order: the transaction-scoped events lock is taken before the id is drawn
 * and held until commit, so an event with a smaller id is always committed (or rolled back) before
 * a larger one becomes visible. Live streams and replicas read "events after the last id seen"
 * and never miss one that committed late. The NOTIFY (payload: the id, channel EVENTS_CHANNEL) is
 * delivered to listeners when, and only if, the transaction commits.
 */
export async function insertEvent(tx: Tx, e: NewEvent, rolloutId: string | null = null): Promise<AuditEvent> {
  const raw = await tx.get<RawEvent & Record<string, unknown>>('SELECT * FROM switchyard_append_event($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    e.at,
    e.namespace,
    e.actor,
    e.action,
    e.reason,
    e.fromVersion,
    e.toVersion,
    JSON.stringify(e.details),
    rolloutId,
  ]);
  if (!raw) throw new Error('the event insert returned nothing');
  return rowToEvent(raw);
}

/**
 * Serialises requests that carry the same Idempotency-Key (transaction-scoped): a second replica
 * with the same key waits here until the first commits or rolls back, then finds its record.
 */
export async function lockIdempotencyKey(tx: Tx, claim: IdempotencyClaim): Promise<void> {
  await tx.get("SELECT pg_advisory_xact_lock(hashtext('switchyard.idempotency'), hashtext($1 || chr(10) || $2))", [claim.tokenId, claim.key]);
}

export async function idempotencyRow(tx: Pick<Tx, 'get'>, tokenId: string, key: string): Promise<IdempotencyRecord | null> {
  const raw = await tx.get<RawIdempotency & Record<string, unknown>>(`SELECT ${IDEMPOTENCY_COLUMNS} FROM idempotency WHERE token_id = $1 AND key = $2`, [tokenId, key]);
  return raw ? idempotencyOf(raw) : null;
}

/** The claim's record, when one is already there (the key is locked first). */
export async function claimIdempotency(tx: Tx, claim: IdempotencyClaim | undefined): Promise<IdempotencyRecord | null> {
  if (!claim) return null;
  await lockIdempotencyKey(tx, claim);
  return idempotencyRow(tx, claim.tokenId, claim.key);
}

export async function insertIdempotency(tx: Tx, claim: IdempotencyClaim, response: StoredResponse, at: string): Promise<void> {
  await tx.run('INSERT INTO idempotency (token_id, key, fingerprint, status, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)', idempotencyParams(claim, response, at));
}

export async function tokenRow(tx: Pick<Tx, 'get'>, id: string): Promise<TokenRow | null> {
  const raw = await tx.get<RawToken & Record<string, unknown>>('SELECT * FROM tokens WHERE id = $1', [id]);
  return raw ? rowToToken(raw) : null;
}

export async function insertTokenRow(tx: Pick<Tx, 'run'>, t: TokenRow, ifAbsent = false): Promise<void> {
  await tx.run(
    `INSERT INTO tokens (id, name, role, secret_hash, created_at, created_by, last_used_at, expires_at, revoked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)${ifAbsent ? ' ON CONFLICT (secret_hash) DO NOTHING' : ''}`,
    tokenParams(t),
  );
}
