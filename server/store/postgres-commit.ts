/**
 * The write paths of the PostgreSQL engine, each one READ COMMITTED transaction (the SQLite
 * engine's sqlite-commit.ts): idempotency key lock and check -> rollout row lock and checks ->
 * compare-and-set of the namespace revision (the row lock that makes two replicas' conflicting
 * changes wait for each other, after which the loser's WHERE no longer matches) -> version row ->
 * audit event (+ NOTIFY) -> discarded markers -> rollout side -> the exact response, stored for
 * replays. Locks are always taken in that order (idempotency key, rollout, namespace, events), so
 * concurrent commits cannot deadlock.
 */
import type { AuditEvent } from '@contract/schemas';
import type { ChangeFailureCache } from '../insights/change-failure-cache';
import type { Tx } from './postgres-db';
import { bundleOf } from './postgres-rollout-rows';
import { applyRolloutWrite, checkRolloutWrite } from './postgres-rollout-writes';
import {
  claimIdempotency,
  insertEvent,
  insertIdempotency,
  insertTokenRow,
  stateOf,
  tokenRow,
  versionRow,
} from './postgres-rows';
import type {
  CommitOutcome,
  Committed,
  IdempotencyClaim,
  NamespaceChange,
  NewEvent,
  NewVersion,
  StoredResponse,
  TokenChange,
  TokenCommitOutcome,
  TokenRow,
} from './types';

const INSERT_VERSION = `INSERT INTO versions (namespace, version, kind, author, reason, created_at, content, hash, meta, flag_count, parent_version, source_version)`;

/** A new version's columns after (namespace, version). */
function versionValues(v: NewVersion): (string | number | null)[] {
  return [v.kind, v.author, v.reason, v.createdAt, v.content, v.hash, v.meta === null ? null : JSON.stringify(v.meta), v.flagCount, v.parentVersion, v.sourceVersion];
}

export async function commitNamespaceChange<R extends StoredResponse>(
  tx: Tx,
  change: NamespaceChange,
  respond: (committed: Committed) => R,
  rollbacksSince: string,
  failures: ChangeFailureCache | null = null,
): Promise<CommitOutcome<R>> {
  const prior = await claimIdempotency(tx, change.idempotency);
  if (prior) return tx.abort({ kind: 'replay', record: prior });
  if (change.rollout) {
    // Locks the rollout row; nothing is written unless the rollout side can commit too.
    const check = await checkRolloutWrite(tx, change.rollout);
    if (check === 'stale' || check === 'missing') return tx.abort({ kind: 'rollout-stale' });
    if (check === 'breach-recorded') return tx.abort({ kind: 'breach-recorded' });
  }
  const name = change.namespace;
  const v = change.version;
  const ks = change.killSwitch;
  if (change.expectedRevision === null) {
    if (!change.create || !v) throw new Error('creating a namespace needs its first version');
    // A concurrent create of the same name waits for the first to commit, then inserts nothing.
    const inserted = await tx.run(
      `INSERT INTO namespaces (name, description, created_at, features, active_version, latest_version, revision)
       VALUES ($1, $2, $3, $4, $5, $5, 1) ON CONFLICT (name) DO NOTHING`,
      [name, change.create.description, change.create.createdAt, JSON.stringify(change.features ?? []), v.version],
    );
    if (inserted === 0) return tx.abort({ kind: 'exists' });
  } else {
    // The compare-and-set: the row lock serialises writers of this namespace across replicas; a
    // writer that waited re-checks the WHERE against the committed row and matches nothing. The
    // new version row is inserted by the same statement, only when the compare-and-set matched.
    const cas = await tx.get<{ updated: number }>(
      `WITH cas AS (
         UPDATE namespaces SET revision = revision + 1,
           features = coalesce($3, features),
           latest_version = greatest(latest_version, coalesce($4::int, latest_version)),
           active_version = coalesce($5, active_version),
           kill_switch = coalesce($6, kill_switch),
           kill_switch_changed_at = CASE WHEN $6::int IS NULL THEN kill_switch_changed_at ELSE $7 END,
           kill_switch_changed_by = CASE WHEN $6::int IS NULL THEN kill_switch_changed_by ELSE $8 END,
           kill_switch_reason = CASE WHEN $6::int IS NULL THEN kill_switch_reason ELSE $9 END
         WHERE name = $1 AND revision = $2
         RETURNING name
       )${v ? `, v AS (${INSERT_VERSION} SELECT cas.name, $4::int, $10::text, $11::text, $12::text, $13::text, $14::text, $15::text, $16::text, $17::int, $18::int, $19::int FROM cas RETURNING 1)` : ''}
       SELECT count(*)::int AS updated FROM cas`,
      [
        name,
        change.expectedRevision,
        change.features ? JSON.stringify(change.features) : null,
        v?.version ?? null,
        change.activeVersion ?? null,
        ks ? (ks.enabled ? 1 : 0) : null,
        ks?.changedAt ?? null,
        ks?.changedBy ?? null,
        ks?.reason ?? null,
        ...(v ? versionValues(v) : []),
      ],
    );
    if ((cas?.updated ?? 0) === 0) {
      const exists = await tx.get('SELECT 1 AS one FROM namespaces WHERE name = $1', [name]);
      return tx.abort(exists ? { kind: 'conflict' } : { kind: 'missing' });
    }
  }

  if (v && change.expectedRevision === null) {
    await tx.run(`${INSERT_VERSION} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [name, v.version, ...versionValues(v)]);
  }
  if (change.expectedRevision === null && change.activeVersion !== undefined && change.activeVersion !== v?.version) {
    await tx.run('UPDATE namespaces SET active_version = $2 WHERE name = $1', [name, change.activeVersion]);
  }
  if (change.expectedRevision === null && ks) {
    await tx.run(
      'UPDATE namespaces SET kill_switch = $2, kill_switch_changed_at = $3, kill_switch_changed_by = $4, kill_switch_reason = $5 WHERE name = $1',
      [name, ks.enabled ? 1 : 0, ks.changedAt, ks.changedBy, ks.reason],
    );
  }

  const event = await insertEvent(tx, change.event, change.rollout?.id ?? null);
  if (change.discard && change.discard.length > 0) {
    await tx.run('UPDATE versions SET discarded_event_id = $1 WHERE namespace = $2 AND version = ANY($3::int[]) AND discarded_event_id IS NULL', [
      event.id,
      name,
      change.discard,
    ]);
  }
  if (change.rollout) await applyRolloutWrite(tx, change.rollout, event.id);

  const state = await stateOf(tx, name, rollbacksSince, failures);
  if (!state) throw new Error('the change vanished inside its own transaction');
  // A new version is usually the active one: then the state's read has it already.
  const written = !v ? null : state.active.version === v.version ? state.active : await versionRow(tx, name, v.version);
  const committed: Committed = { state, event, version: written };
  if (change.rollout) {
    const bundle = await bundleOf(tx, change.rollout.id, rollbacksSince, change.rollout.windowsSince ?? 0);
    if (!bundle) throw new Error('the rollout vanished inside its own transaction');
    committed.rollout = bundle;
  }
  const response = respond(committed);
  if (change.idempotency) await insertIdempotency(tx, change.idempotency, response, change.event.at);
  return { kind: 'committed', committed, response };
}

export async function commitTokenChange<R extends StoredResponse>(
  tx: Tx,
  change: TokenChange,
  event: (token: TokenRow) => NewEvent,
  respond: (token: TokenRow, event: AuditEvent) => R,
  idempotency: { claim: IdempotencyClaim; remember: (response: R) => StoredResponse } | undefined,
): Promise<TokenCommitOutcome<R>> {
  const prior = await claimIdempotency(tx, idempotency?.claim);
  if (prior) return tx.abort({ kind: 'replay', record: prior });
  if (change.kind === 'create') {
    await insertTokenRow(tx, change.token);
  } else {
    // Row lock: of two replicas revoking one token, the second waits and then sees it revoked.
    const current = await tx.get<{ revoked_at: string | null }>('SELECT revoked_at FROM tokens WHERE id = $1 FOR UPDATE', [change.id]);
    if (!current) return tx.abort({ kind: 'missing' });
    if (current.revoked_at !== null) {
      const token = await tokenRow(tx, change.id);
      if (!token) throw new Error('the token vanished inside its own transaction');
      return tx.abort({ kind: 'already-revoked', token });
    }
    await tx.run('UPDATE tokens SET revoked_at = $2 WHERE id = $1', [change.id, change.at]);
    await tx.run('DELETE FROM sessions WHERE token_id = $1', [change.id]);
  }
  const token = await tokenRow(tx, change.kind === 'create' ? change.token.id : change.id);
  if (!token) throw new Error('the token vanished inside its own transaction');
  const newEvent = event(token);
  const written = await insertEvent(tx, newEvent);
  const response = respond(token, written);
  if (idempotency) await insertIdempotency(tx, idempotency.claim, idempotency.remember(response), newEvent.at);
  return { kind: 'committed', token, event: written, response };
}
