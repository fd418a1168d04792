/**
 * The rollout side of a change, run inside the caller's BEGIN IMMEDIATE transaction: checks
 * first (revision compare-and-set, breach not yet recorded; nothing is written when they fail),
 * then the row and the breach once the audit event exists.
 */
import type { Conn } from './sqlite-conn';
import type { RolloutWrite } from './rollout-types';
import { BREACH_COLUMNS, ROLLOUT_COLUMNS, breachParams, patchSets, rolloutParams, type RolloutCheck } from './shared-rollout-writes';

export function checkRolloutWrite(c: Conn, w: RolloutWrite): RolloutCheck {
  if (w.expectedRevision === null) {
    if (c.q('SELECT 1 FROM rollouts WHERE id = ?').get(w.id)) return 'stale';
    const open = w.create && c.q("SELECT 1 FROM rollouts WHERE namespace = ? AND flag_key = ? AND status <> 'completed'").get(w.create.namespace, w.create.flagKey);
    return open ? 'stale' : 'ok';
  }
  const row = c.q('SELECT revision FROM rollouts WHERE id = ?').get(w.id) as { revision: number } | undefined;
  if (!row) return 'missing';
  if (row.revision !== w.expectedRevision) return 'stale';
  if (w.breach && c.q('SELECT 1 FROM rollout_breaches WHERE rollout_id = ? AND breach_id = ?').get(w.id, w.breach.breachId)) {
    return 'breach-recorded';
  }
  return 'ok';
}

/** Applies a checked write; `eventId` links the audit event to the rollout (and to the breach). */
export function applyRolloutWrite(c: Conn, w: RolloutWrite, eventId: number | null): void {
  if (w.create) {
    c.q(
      `INSERT INTO rollouts (${ROLLOUT_COLUMNS})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...rolloutParams(w.create));
  } else if (w.set) {
    // A write without `set` (a breach only noted) changes nothing an operator acts on: no new revision.
    const { sets, args } = patchSets(w.set, () => '?');
    c.q(`UPDATE rollouts SET ${sets.join(', ')} WHERE id = ?`).run(...args, w.id);
  }
  if (eventId !== null) c.q('UPDATE events SET rollout_id = ? WHERE id = ?').run(w.id, eventId);
  const b = w.breach;
  if (b) {
    c.q(`INSERT INTO rollout_breaches (${BREACH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...breachParams(w.id, b, eventId));
  }
}
