/**
 * The insight reads of the PostgreSQL engine (the SQLite engine's sqlite-insights.ts): the audit
 * log as a lean projection, the few details fields the analysis needs extracted by the database.
 */
import type { AuditEvent } from '@contract/schemas';
import type { InsightAction, InsightEvent } from '@core/insights/model';
import type { Tx } from './postgres-db';
import type { BreachRecord, InsightRange, InsightStore, MismatchTimes, TimelineEventQuery } from './insight-types';
import { ACTION_LIST, discardedOf, inIdOrder, rolloutFilter, timelinePage, toBreachRecord, type RawBreach } from './shared-insights';
import { rowToEvent, type RawEvent } from './sqlite-rows';

type Read = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

export interface RawInsightEvent extends Record<string, unknown> {
  id: number;
  at: string;
  namespace: string;
  actor: string;
  action: string;
  from_version: number | null;
  to_version: number | null;
  rollout: string | null;
  automatic: boolean | null;
  trigger_id: string | null;
  trigger_label: string | null;
  discarded: string | null;
}

/** As the SQLite engine: details are read only where the analysis needs them. */
const INSIGHT_COLUMNS = `id, at, namespace, actor, action, from_version, to_version,
  CASE WHEN action LIKE 'rollout.%' THEN coalesce(rollout_id, details::jsonb ->> 'rolloutId') END AS rollout,
  CASE WHEN action = 'rollout.rollback' THEN (details::jsonb -> 'automatic') = 'true'::jsonb END AS automatic,
  CASE WHEN action = 'rollout.rollback' THEN details::jsonb #>> '{trigger,ruleId}' END AS trigger_id,
  CASE WHEN action = 'rollout.rollback' THEN details::jsonb #>> '{trigger,label}' END AS trigger_label,
  CASE WHEN action = 'snapshot.rollback' THEN (details::jsonb -> 'discarded')::text END AS discarded`;

export function toInsightEvent(r: RawInsightEvent): InsightEvent {
  return {
    id: r.id,
    at: Date.parse(r.at),
    namespace: r.namespace,
    action: r.action as InsightAction,
    actor: r.actor,
    fromVersion: r.from_version,
    toVersion: r.to_version,
    rolloutId: r.rollout,
    automatic: r.automatic === true,
    triggerId: r.trigger_id,
    triggerLabel: r.trigger_label,
    discarded: discardedOf(r.discarded),
  };
}

async function insightEventsOf(tx: Tx, range: InsightRange): Promise<InsightEvent[]> {
  const rows =
    range.namespace === undefined
      ? await tx.all<RawInsightEvent>(
          `SELECT ${INSIGHT_COLUMNS} FROM events WHERE action IN (${ACTION_LIST}) AND at >= $1 AND at < $2 AND namespace IS NOT NULL ORDER BY at, id`,
          [range.from, range.to],
        )
      : await tx.all<RawInsightEvent>(
          `SELECT ${INSIGHT_COLUMNS} FROM events WHERE namespace = $1 AND action IN (${ACTION_LIST}) AND at >= $2 AND at < $3 ORDER BY at, id`,
          [range.namespace, range.from, range.to],
        );
  return rows.map(toInsightEvent);
}

/**
 * A scalar subquery: the insight events of the namespace named by `namespaceSql` since the
 * parameter `sinceParam` (with an id above the parameter `afterParam`, when that is not null), as
 * one JSON array, so a namespace's state, its 7-day numbers included, is one statement.
 */
export function insightEventsJson(namespaceSql: string, sinceParam: string, afterParam: string): string {
  return `(SELECT coalesce(json_agg(i), '[]'::json) FROM (
    SELECT ${INSIGHT_COLUMNS} FROM events
    WHERE namespace = ${namespaceSql} AND action IN (${ACTION_LIST}) AND at >= ${sinceParam} AND (${afterParam}::bigint IS NULL OR id > ${afterParam}::bigint)
  ) i)`;
}

export class PgInsightStore implements InsightStore {
  constructor(private readonly read: Read) {}

  namespaceNames(): Promise<string[]> {
    return this.read(async (tx) => (await tx.all<{ name: string }>('SELECT name FROM namespaces ORDER BY name')).map((r) => r.name));
  }

  insightEvents(range: InsightRange): Promise<InsightEvent[]> {
    return this.read((tx) => insightEventsOf(tx, range));
  }

  breaches(range: InsightRange & { rolloutId?: string }): Promise<BreachRecord[]> {
    const f = rolloutFilter(range, (i) => `$${3 + i}`);
    return this.read(async (tx) =>
      (
        await tx.all<RawBreach & Record<string, unknown>>(
          `SELECT b.rollout_id, r.namespace, b.breach_id, b.rule_id, b.severity, b.outcome, b.started_at, b.fired_at, b.sentence, b.event_id
           FROM rollout_breaches b JOIN rollouts r ON r.id = b.rollout_id
           WHERE b.fired_at >= $1 AND b.fired_at < $2${f.sql} ORDER BY b.fired_at`,
          [range.from, range.to, ...f.args],
        )
      ).map(toBreachRecord),
    );
  }

  mismatchTimes(range: InsightRange & { rolloutId?: string }): Promise<MismatchTimes[]> {
    const f = rolloutFilter(range, (i) => `$${1 + i}`);
    return this.read(async (tx) => {
      const rollouts = await tx.all<{ id: string; namespace: string }>(`SELECT r.id, r.namespace FROM rollouts r WHERE true${f.sql} ORDER BY r.id`, f.args);
      const out: MismatchTimes[] = [];
      for (const r of rollouts) {
        const times = await tx.all<{ compared_at: string }>(
          "SELECT compared_at FROM rollout_parity WHERE rollout_id = $1 AND status = 'mismatch' AND compared_at >= $2 AND compared_at < $3 ORDER BY compared_at",
          [r.id, range.from, range.to],
        );
        out.push({ rolloutId: r.id, namespace: r.namespace, times: times.map((x) => Date.parse(x.compared_at)) });
      }
      return out;
    });
  }

  eventsByIds(ids: readonly number[]): Promise<AuditEvent[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.read(async (tx) => {
      const byId = new Map<number, AuditEvent>();
      for (const r of await tx.all<RawEvent & Record<string, unknown>>('SELECT * FROM events WHERE id = ANY($1::bigint[])', [ids])) {
        byId.set(r.id, rowToEvent(r));
      }
      return inIdOrder(ids, byId);
    });
  }

  timelineEvents(q: TimelineEventQuery): Promise<{ events: AuditEvent[]; truncated: boolean }> {
    if (q.actions.length === 0) return Promise.resolve({ events: [], truncated: false });
    const where = ['action = ANY($1::text[])', 'at >= $2', 'at < $3'];
    const args: (string | number | readonly string[])[] = [q.actions, q.from, q.to];
    if (q.rollout !== undefined) {
      where.push('namespace = $4', '(rollout_id IS NULL OR rollout_id = $5)');
      args.push(q.rollout.namespace, q.rollout.id);
    } else if (q.namespace !== undefined) {
      where.push('namespace = $4');
      args.push(q.namespace);
    }
    args.push(q.limit + 1);
    return this.read(async (tx) => {
      const rows = await tx.all<RawEvent & Record<string, unknown>>(
        `SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT $${args.length}`,
        args,
      );
      return timelinePage(rows, q.limit, rowToEvent);
    });
  }

  rolloutNamespace(id: string): Promise<string | null> {
    return this.read(async (tx) => (await tx.get<{ namespace: string }>('SELECT namespace FROM rollouts WHERE id = $1', [id]))?.namespace ?? null);
  }
}
