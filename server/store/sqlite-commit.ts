/**
 * The write paths as single transactions (the caller runs them inside BEGIN IMMEDIATE):
 * idempotency check -> compare-and-set on the revision -> version row -> pointer / features /
 * kill switch -> audit event -> discarded markers -> the exact response, stored for replays.
 */
import type { AuditEvent } from '@contract/schemas';
import type { Conn } from './sqlite-conn';
import { bundleOf } from './sqlite-rollout-rows';
import { applyRolloutWrite, checkRolloutWrite } from './sqlite-rollout-writes';
import type {
  CommitOutcome,
  Committed,
  IdempotencyClaim,
  NamespaceChange,
  NewEvent,
  StoredResponse,
  TokenChange,
  TokenCommitOutcome,
  TokenRow,
} from './types';

export function commitNamespaceChange<R extends StoredResponse>(
  c: Conn,
  change: NamespaceChange,
  respond: (committed: Committed) => R,
  rollbacksSince: string,
): CommitOutcome<R> {
  if (change.idempotency) {
    const prior = c.idempotencyRow(change.idempotency.tokenId, change.idempotency.key);
    if (prior) return { kind: 'replay', record: prior };
  }
  if (change.rollout) {
    // Checks only: nothing is written unless the rollout side can commit too.
    const check = checkRolloutWrite(c, change.rollout);
    if (check === 'stale' || check === 'missing') return { kind: 'rollout-stale' };
    if (check === 'breach-recorded') return { kind: 'breach-recorded' };
  }
  const name = change.namespace;
  if (change.expectedRevision === null) {
    if (!change.create || !change.version) throw new Error('creating a namespace needs its first version');
    if (c.namespaceRow(name)) return { kind: 'exists' };
    c.q(
      `INSERT INTO namespaces (name, description, created_at, features, active_version, latest_version, revision)
       VALUES (?, ?, ?, ?, ?, ?, 1)`,
    ).run(name, change.create.description, change.create.createdAt, JSON.stringify(change.features ?? []), change.version.version, change.version.version);
  } else {
    const cas = c.q('UPDATE namespaces SET revision = revision + 1 WHERE name = ? AND revision = ?').run(name, change.expectedRevision);
    if (cas.changes === 0) return c.namespaceRow(name) ? { kind: 'conflict' } : { kind: 'missing' };
    if (change.features) c.q('UPDATE namespaces SET features = ? WHERE name = ?').run(JSON.stringify(change.features), name);
  }

  const v = change.version;
  if (v) {
    c.q(
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
    c.q('UPDATE namespaces SET latest_version = max(latest_version, ?) WHERE name = ?').run(v.version, name);
  }
  if (change.activeVersion !== undefined) {
    c.q('UPDATE namespaces SET active_version = ? WHERE name = ?').run(change.activeVersion, name);
  }
  const ks = change.killSwitch;
  if (ks) {
    c.q(
      `UPDATE namespaces SET kill_switch = ?, kill_switch_changed_at = ?, kill_switch_changed_by = ?, kill_switch_reason = ?
       WHERE name = ?`,
    ).run(ks.enabled ? 1 : 0, ks.changedAt, ks.changedBy, ks.reason, name);
  }
  const eventId = c.insertEvent(change.event);
  if (change.discard && change.discard.length > 0) {
    const mark = c.q('UPDATE versions SET discarded_event_id = ? WHERE namespace = ? AND version = ? AND discarded_event_id IS NULL');
    for (const version of change.discard) mark.run(eventId, name, version);
  }

  if (change.rollout) applyRolloutWrite(c, change.rollout, eventId);

  const state = c.stateOf(name, rollbacksSince);
  const event = c.eventById(eventId);
  if (!state || !event) throw new Error('the change vanished inside its own transaction');
  // A new version is usually the active one, whose row the state holds already; otherwise its row without the content.
  const written = !v ? null : state.active.version === v.version ? state.active : c.versionMeta(name, v.version);
  const committed: Committed = { state, event, version: written };
  if (change.rollout) {
    const bundle = bundleOf(c, change.rollout.id, rollbacksSince, change.rollout.windowsSince ?? 0);
    if (!bundle) throw new Error('the rollout vanished inside its own transaction');
    committed.rollout = bundle;
  }
  const response = respond(committed);
  if (change.idempotency) c.insertIdempotency(change.idempotency, response, change.event.at);
  return { kind: 'committed', committed, response };
}

export function commitTokenChange<R extends StoredResponse>(
  c: Conn,
  change: TokenChange,
  event: (token: TokenRow) => NewEvent,
  respond: (token: TokenRow, event: AuditEvent) => R,
  idempotency: { claim: IdempotencyClaim; remember: (response: R) => StoredResponse } | undefined,
): TokenCommitOutcome<R> {
  if (idempotency) {
    const prior = c.idempotencyRow(idempotency.claim.tokenId, idempotency.claim.key);
    if (prior) return { kind: 'replay', record: prior };
  }
  if (change.kind === 'create') {
    c.insertTokenRow(change.token);
  } else {
    const current = c.tokenRow(change.id);
    if (!current) return { kind: 'missing' };
    if (current.revokedAt !== null) return { kind: 'already-revoked', token: current };
    c.q('UPDATE tokens SET revoked_at = ? WHERE id = ?').run(change.at, change.id);
    c.q('DELETE FROM sessions WHERE token_id = ?').run(change.id);
  }
  const token = c.tokenRow(change.kind === 'create' ? change.token.id : change.id);
  if (!token) throw new Error('the token vanished inside its own transaction');
  const newEvent = event(token);
  const written = c.eventById(c.insertEvent(newEvent));
  if (!written) throw new Error('the event vanished inside its own transaction');
  const response = respond(token, written);
  if (idempotency) c.insertIdempotency(idempotency.claim, idempotency.remember(response), newEvent.at);
  return { kind: 'committed', token, event: written, response };
}
