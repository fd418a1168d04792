/**
 * The rollout side of a change as both engines write it, around their own SQL: what a check can
 * find, and the columns and values of a rollout insert, a rollout patch and a breach insert.
 */
import type { RolloutRowPatch, RolloutWrite } from './rollout-types';

export type RolloutCheck = 'ok' | 'missing' | 'stale' | 'breach-recorded';

/** Columns of a rollout insert, revision (1) included; `rolloutParams` gives the others' values in this order. */
export const ROLLOUT_COLUMNS = `id, namespace, flag_key, policy_key, flag_type, v1_value, v2_value, description, created_at, created_by,
         revision, status, paused_reason, steps, guards, gate, stage_started_at, observed, counters_reset_at, counters_baseline`;

/** Values for ROLLOUT_COLUMNS but revision (which follows created_by, as the literal 1). */
export function rolloutParams(r: NonNullable<RolloutWrite['create']>): (string | null)[] {
  return [
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
  ];
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

/**
 * The SET clauses of a patch (a new revision, then each field given) and their values;
 * `param(i)` is the engine's placeholder for the i-th (from 0) of the values.
 */
export function patchSets(set: RolloutRowPatch, param: (i: number) => string): { sets: string[]; args: (string | null)[] } {
  const sets = ['revision = revision + 1'];
  const args: (string | null)[] = [];
  for (const [field, value] of Object.entries(set) as [keyof RolloutRowPatch, unknown][]) {
    if (value === undefined) continue;
    sets.push(`${COLUMNS[field]} = ${param(args.length)}`);
    args.push(value === null ? null : JSON_FIELDS.has(field) ? JSON.stringify(value) : (value as string));
  }
  return { sets, args };
}

/** Columns of a breach insert; `breachParams` gives their values in this order. */
export const BREACH_COLUMNS = 'rollout_id, breach_id, rule_id, severity, outcome, started_at, fired_at, detected_at, sentence, numbers, event_id';

export function breachParams(rolloutId: string, b: NonNullable<RolloutWrite['breach']>, eventId: number | null): (string | number | null)[] {
  return [rolloutId, b.breachId, b.ruleId, b.severity, b.outcome, b.startedAt, b.firedAt, b.detectedAt, b.sentence, JSON.stringify(b.numbers), eventId];
}
