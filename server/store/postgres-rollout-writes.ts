/**
 * The rollout side of a change in the PostgreSQL engine (the SQLite engine's
 * sqlite-rollout-writes.ts), run inside the caller's write transaction: checks first, under a row
 * lock on the rollout (a second replica writing the same rollout waits, then sees the new
 * revision and its breach rows), then the row and the breach once the audit event exists.
 */
import type { Tx } from './postgres-db';
import type { RolloutWrite } from './rollout-types';
import { BREACH_COLUMNS, ROLLOUT_COLUMNS, breachParams, patchSets, rolloutParams, type RolloutCheck } from './shared-rollout-writes';

export async function checkRolloutWrite(tx: Tx, w: RolloutWrite): Promise<RolloutCheck> {
  if (w.expectedRevision === null) {
    // A concurrent create of the same id or flag is caught by the keys when it inserts (stale).
    if (await tx.get('SELECT 1 AS one FROM rollouts WHERE id = $1', [w.id])) return 'stale';
    const open =
      w.create &&
      (await tx.get("SELECT 1 AS one FROM rollouts WHERE namespace = $1 AND flag_key = $2 AND status <> 'completed'", [w.create.namespace, w.create.flagKey]));
    return open ? 'stale' : 'ok';
  }
  const row = await tx.get<{ revision: number }>('SELECT revision FROM rollouts WHERE id = $1 FOR UPDATE', [w.id]);
  if (!row) return 'missing';
  if (row.revision !== w.expectedRevision) return 'stale';
  if (w.breach && (await tx.get('SELECT 1 AS one FROM rollout_breaches WHERE rollout_id = $1 AND breach_id = $2', [w.id, w.breach.breachId]))) {
    return 'breach-recorded';
  }
  return 'ok';
}

/** Applies a checked write; the audit event (`eventId`) already names the rollout. */
export async function applyRolloutWrite(tx: Tx, w: RolloutWrite, eventId: number | null): Promise<void> {
  if (w.create) {
    await tx.run(
      `INSERT INTO rollouts (${ROLLOUT_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      rolloutParams(w.create),
    );
  } else if (w.set) {
    // A write without `set` (a breach only noted) changes nothing an operator acts on: no new revision.
    const { sets, args } = patchSets(w.set, (i) => `$${i + 2}`);
    await tx.run(`UPDATE rollouts SET ${sets.join(', ')} WHERE id = $1`, [w.id, ...args]);
  }
  const b = w.breach;
  if (b) {
    await tx.run(
      `INSERT INTO rollout_breaches (${BREACH_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      breachParams(w.id, b, eventId),
    );
  }
}
