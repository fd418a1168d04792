/**
 * The rollout side of a change, run inside the caller's BEGIN IMMEDIATE transaction: checks
 * first (revision compare-and-set, breach not yet recorded; nothing is written when they fail),
 * then the row and the breach once the audit event exists.
 */
import type { Conn } from './sqlite-conn';
import type { RolloutRowPatch, RolloutWrite } from './rollout-types';

export type RolloutCheck = 'ok' | 'missing' | 'stale' | 'breach-recorded';

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

/** Applies a checked write; `eventId` links the audit event to the rollout (and to the breach). */
export function applyRolloutWrite(c: Conn, w: RolloutWrite, eventId: number | null): void {
  if (w.create) {
    const r = w.create;
    c.q(
      `INSERT INTO rollouts (id, namespace, flag_key, policy_key, flag_type, v1_value, v2_value, description, created_at, created_by,
         revision, status, paused_reason, steps, guards, gate, stage_started_at, observed, counters_reset_at, counters_baseline)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
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
    );
  } else if (w.set) {
    // A write without `set` (a breach only noted) changes nothing an operator acts on: no new revision.
    const sets = ['revision = revision + 1'];
    const args: (string | number | null)[] = [];
    for (const [field, value] of Object.entries(w.set ?? {}) as [keyof RolloutRowPatch, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${COLUMNS[field]} = ?`);
      args.push(value === null ? null : JSON_FIELDS.has(field) ? JSON.stringify(value) : (value as string));
    }
    c.q(`UPDATE rollouts SET ${sets.join(', ')} WHERE id = ?`).run(...args, w.id);
  }
  if (eventId !== null) c.q('UPDATE events SET rollout_id = ? WHERE id = ?').run(w.id, eventId);
  const b = w.breach;
  if (b) {
    c.q(
      `INSERT INTO rollout_breaches (rollout_id, breach_id, rule_id, severity, outcome, started_at, fired_at, detected_at, sentence, numbers, event_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(w.id, b.breachId, b.ruleId, b.severity, b.outcome, b.startedAt, b.firedAt, b.detectedAt, b.sentence, JSON.stringify(b.numbers), eventId);
  }
}
