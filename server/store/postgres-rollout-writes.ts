/**
 * The rollout side of a change in the PostgreSQL engine (the SQLite engine's
 * sqlite-rollout-writes.ts), run inside the caller's write transaction: checks first, under a row
 * lock on the rollout (a second replica writing the same rollout waits, then sees the new
 * revision and its breach rows), then the row and the breach once the audit event exists.
 */
import type { Tx } from './postgres-db';
import type { RolloutRowPatch, RolloutWrite } from './rollout-types';
import type { RolloutCheck } from './sqlite-rollout-writes';

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

const COLUMNS: Record<keyof RolloutRowPatch, string> = {
  status: 'status',
  pausedReason: 'paused_reason',
  stageStartedAt: 'stage_started_at',
  observed: 'observed',
  steps: 'steps',
  guards: 'guards',
  gate: 'gate',
  countersResetAt: 'counters_reset_at',
  countersBaseline: 'counters_baseline',
};

const JSON_FIELDS = new Set<keyof RolloutRowPatch>(['observed', 'steps', 'guards', 'gate', 'countersBaseline']);

/** Applies a checked write; the audit event (`eventId`) already names the rollout. */
export async function applyRolloutWrite(tx: Tx, w: RolloutWrite, eventId: number | null): Promise<void> {
  if (w.create) {
    const r = w.create;
    await tx.run(
      `INSERT INTO rollouts (id, namespace, flag_key, policy_key, flag_type, v1_value, v2_value, description, created_at, created_by,
         revision, status, paused_reason, steps, guards, gate, stage_started_at, observed, counters_reset_at, counters_baseline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [
        r.id,
        r.namespace,
        r.flagKey,
        r.policyKey,
        r.flagType,
        JSON.stringify(r.v1Value),
        JSON.stringify(r.v2Value),
        r.description,
        r.createdAt,
        r.createdBy,
        r.status,
        r.pausedReason,
        JSON.stringify(r.steps),
        JSON.stringify(r.guards),
        JSON.stringify(r.gate),
        r.stageStartedAt,
        JSON.stringify(r.observed),
        r.countersResetAt,
        r.countersBaseline === null ? null : JSON.stringify(r.countersBaseline),
      ],
    );
  } else if (w.set) {
    // A write without `set` (a breach only noted) changes nothing an operator acts on: no new revision.
    const sets = ['revision = revision + 1'];
    const args: (string | null)[] = [w.id];
    for (const [field, value] of Object.entries(w.set) as [keyof RolloutRowPatch, unknown][]) {
      if (value === undefined) continue;
      args.push(value === null ? null : JSON_FIELDS.has(field) ? JSON.stringify(value) : (value as string));
      sets.push(`${COLUMNS[field]} = $${args.length}`);
    }
    await tx.run(`UPDATE rollouts SET ${sets.join(', ')} WHERE id = $1`, args);
  }
  const b = w.breach;
  if (b) {
    await tx.run(
      `INSERT INTO rollout_breaches (rollout_id, breach_id, rule_id, severity, outcome, started_at, fired_at, detected_at, sentence, numbers, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [w.id, b.breachId, b.ruleId, b.severity, b.outcome, b.startedAt, b.firedAt, b.detectedAt, b.sentence, JSON.stringify(b.numbers), eventId],
    );
  }
}
