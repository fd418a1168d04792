/**
 * Insight logic both engines share around their own SQL: the actions an insight read selects, the
 * rollout filter (in the engine's parameter style), and the shaping of breaches, events by id and
 * timeline pages.
 */
import type { AuditEvent } from '@contract/schemas';
import { INSIGHT_ACTIONS } from '@core/insights/model';
import type { BreachRecord, InsightRange } from './insight-types';
import type { RawBreach as RawRolloutBreach } from './sqlite-rollout-rows';

/** The insight actions as an SQL list of string literals. */
export const ACTION_LIST = INSIGHT_ACTIONS.map((a) => `'${a}'`).join(', ');

/** The rolled-back versions of a snapshot.rollback (its details' `discarded`, as JSON text). */
export function discardedOf(raw: string | null): number[] {
  if (raw === null) return [];
  const parsed = JSON.parse(raw) as unknown;
  return Array.isArray(parsed) ? parsed.filter((v): v is number => typeof v === 'number') : [];
}

/**
 * Extra conditions on rollouts `r`, each `AND`-prefixed; `param(i)` is the engine's placeholder
 * for the i-th (from 0) of the returned args.
 */
export function rolloutFilter(range: InsightRange & { rolloutId?: string }, param: (i: number) => string): { sql: string; args: string[] } {
  const sql: string[] = [];
  const args: string[] = [];
  if (range.namespace !== undefined) {
    sql.push(`r.namespace = ${param(args.length)}`);
    args.push(range.namespace);
  }
  if (range.rolloutId !== undefined) {
    sql.push(`r.id = ${param(args.length)}`);
    args.push(range.rolloutId);
  }
  return { sql: sql.map((s) => ` AND ${s}`).join(''), args };
}

/** A breach row with its rollout's id and namespace (no detection time or numbers). */
export type RawBreach = Omit<RawRolloutBreach, 'detected_at' | 'numbers'> & { rollout_id: string; namespace: string };

export function toBreachRecord(b: RawBreach): BreachRecord {
  return {
    rolloutId: b.rollout_id,
    namespace: b.namespace,
    breachId: b.breach_id,
    ruleId: b.rule_id,
    severity: b.severity === 'warning' ? 'warning' : 'critical',
    outcome: b.outcome,
    startedAt: b.started_at,
    firedAt: b.fired_at,
    sentence: b.sentence,
    eventId: b.event_id,
  };
}

/** The events of `ids` that were found, in the order of `ids`. */
export function inIdOrder(ids: readonly number[], byId: ReadonlyMap<number, AuditEvent>): AuditEvent[] {
  return ids.flatMap((id) => {
    const e = byId.get(id);
    return e ? [e] : [];
  });
}

/** A timeline page from up to `limit + 1` rows, newest first: the latest `limit` as events, oldest first, and whether there were more. */
export function timelinePage<R>(newestFirst: readonly R[], limit: number, toEvent: (r: R) => AuditEvent): { events: AuditEvent[]; truncated: boolean } {
  return { events: newestFirst.slice(0, limit).reverse().map(toEvent), truncated: newestFirst.length > limit };
}
