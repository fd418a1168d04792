/**
 * The insight reads of the SQLite engine. The audit log is read as a lean projection (the few
 * details fields the analysis needs, extracted by SQLite) in one indexed range scan, so a year of
 * 10,000 events per namespace is one pass without parsing whole details documents.
 */
import type { AuditEvent } from '@contract/schemas';
import type { InsightAction, InsightEvent } from '@core/insights/model';
import { changeFailureOf, type ChangeFailure, type ChangeFailureCache } from '../insights/change-failure-cache';
import type { Conn } from './sqlite-conn';
import type { BreachRecord, InsightRange, InsightStore, MismatchTimes, TimelineEventQuery } from './insight-types';
import { ACTION_LIST, discardedOf, inIdOrder, rolloutFilter, timelinePage, toBreachRecord, type RawBreach } from './shared-insights';
import { rowToEvent, type RawEvent } from './sqlite-rows';

type Tx = <T>(fn: (c: Conn) => T) => Promise<T>;

/** One row as an array, in INSIGHT_COLUMNS order (arrays, not objects: 50,000 rows make a difference). */
type RawInsightRow = [
  id: number,
  at: string,
  namespace: string,
  actor: string,
  action: string,
  fromVersion: number | null,
  toVersion: number | null,
  rollout: string | null,
  automatic: number | null,
  triggerId: string | null,
  triggerLabel: string | null,
  discarded: string | null,
];

/** Details are read only where the analysis needs them (most events are loads and patches: none). */
const INSIGHT_COLUMNS = `id, at, namespace, actor, action, from_version, to_version,
  CASE WHEN action LIKE 'rollout.%' THEN coalesce(rollout_id, json_extract(details, '$.rolloutId')) END AS rollout,
  CASE WHEN action = 'rollout.rollback' THEN json_extract(details, '$.automatic') END AS automatic,
  CASE WHEN action = 'rollout.rollback' THEN json_extract(details, '$.trigger.ruleId') END AS trigger_id,
  CASE WHEN action = 'rollout.rollback' THEN json_extract(details, '$.trigger.label') END AS trigger_label,
  CASE WHEN action = 'snapshot.rollback' THEN json_extract(details, '$.discarded') END AS discarded`;

function toInsightEvent(r: RawInsightRow): InsightEvent {
  return {
    id: r[0],
    at: Date.parse(r[1]),
    namespace: r[2],
    actor: r[3],
    action: r[4] as InsightAction,
    fromVersion: r[5],
    toVersion: r[6],
    rolloutId: r[7],
    automatic: r[8] === 1,
    triggerId: r[9],
    triggerLabel: r[10],
    discarded: discardedOf(r[11]),
  };
}

/** Lean insight events of one namespace (or all) in [from, to), oldest first (sorted here: cheaper than SQLite's temporary b-tree). */
export function insightEventsOf(c: Conn, range: InsightRange): InsightEvent[] {
  const rows =
    range.namespace === undefined
      ? c.q(`SELECT ${INSIGHT_COLUMNS} FROM events WHERE action IN (${ACTION_LIST}) AND at >= ? AND at < ? AND namespace IS NOT NULL`).raw(true).all(range.from, range.to)
      : c.q(`SELECT ${INSIGHT_COLUMNS} FROM events WHERE namespace = ? AND action IN (${ACTION_LIST}) AND at >= ? AND at < ?`).raw(true).all(range.namespace, range.from, range.to);
  return (rows as RawInsightRow[]).map(toInsightEvent).sort((a, b) => a.at - b.at || a.id - b.id);
}

const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/** The namespace's insight events since `since` with an id above `afterId` (a range of the (namespace, id) index). */
function insightEventsAfter(c: Conn, namespace: string, since: string, afterId: number): InsightEvent[] {
  const rows = c
    .q(`SELECT ${INSIGHT_COLUMNS} FROM events WHERE namespace = ? AND id > ? AND action IN (${ACTION_LIST}) AND at >= ?`)
    .raw(true)
    .all(namespace, afterId, since) as RawInsightRow[];
  return rows.map(toInsightEvent);
}

/**
 * The namespace summary's 7-day numbers: changes made since `since` and the share of them that
 * failed so far (the same definitions as /api/v1/insights/summary, default failure window).
 * `lastId`: the namespace's last event id, read in the same transaction. With a cache, only the
 * events committed since its last read of the namespace are read (see ChangeFailureCache).
 */
export function changeFailure7d(c: Conn, namespace: string, since: string, lastId: number | null, cache: ChangeFailureCache | null): ChangeFailure {
  const whole = () => insightEventsOf(c, { namespace, from: since, to: END_OF_TIME });
  if (!cache) return changeFailureOf(namespace, whole(), Date.parse(since));
  const read = cache.plan(namespace, since);
  const settled = read.afterId === null ? null : cache.settle(namespace, since, read, lastId, insightEventsAfter(c, namespace, since, read.afterId));
  return settled ?? cache.whole(namespace, since, lastId, whole());
}

export class SqliteInsightStore implements InsightStore {
  constructor(private readonly read: Tx) {}

  namespaceNames(): Promise<string[]> {
    return this.read((c) => (c.q('SELECT name FROM namespaces ORDER BY name').all() as { name: string }[]).map((r) => r.name));
  }

  insightEvents(range: InsightRange): Promise<InsightEvent[]> {
    return this.read((c) => insightEventsOf(c, range));
  }

  breaches(range: InsightRange & { rolloutId?: string }): Promise<BreachRecord[]> {
    const f = rolloutFilter(range, () => '?');
    return this.read((c) =>
      (
        c
          .q(
            `SELECT b.rollout_id, r.namespace, b.breach_id, b.rule_id, b.severity, b.outcome, b.started_at, b.fired_at, b.sentence, b.event_id
             FROM rollout_breaches b JOIN rollouts r ON r.id = b.rollout_id
             WHERE b.fired_at >= ? AND b.fired_at < ?${f.sql} ORDER BY b.fired_at`,
          )
          .all(range.from, range.to, ...f.args) as RawBreach[]
      ).map(toBreachRecord),
    );
  }

  mismatchTimes(range: InsightRange & { rolloutId?: string }): Promise<MismatchTimes[]> {
    const f = rolloutFilter(range, () => '?');
    return this.read((c) => {
      const rollouts = c.q(`SELECT r.id, r.namespace FROM rollouts r WHERE 1 = 1${f.sql} ORDER BY r.id`).all(...f.args) as { id: string; namespace: string }[];
      const times = c.q("SELECT compared_at FROM rollout_parity WHERE rollout_id = ? AND status = 'mismatch' AND compared_at >= ? AND compared_at < ? ORDER BY compared_at");
      return rollouts.map((r) => ({
        rolloutId: r.id,
        namespace: r.namespace,
        times: (times.all(r.id, range.from, range.to) as { compared_at: string }[]).map((x) => Date.parse(x.compared_at)),
      }));
    });
  }

  eventsByIds(ids: readonly number[]): Promise<AuditEvent[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.read((c) => {
      const byId = new Map<number, AuditEvent>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = c.q(`SELECT * FROM events WHERE id IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as RawEvent[];
        for (const r of rows) byId.set(r.id, rowToEvent(r));
      }
      return inIdOrder(ids, byId);
    });
  }

  timelineEvents(q: TimelineEventQuery): Promise<{ events: AuditEvent[]; truncated: boolean }> {
    if (q.actions.length === 0) return Promise.resolve({ events: [], truncated: false });
    const where = [`action IN (${q.actions.map(() => '?').join(', ')})`, 'at >= ?', 'at < ?'];
    const args: (string | number)[] = [...q.actions, q.from, q.to];
    if (q.rollout !== undefined) {
      where.push('namespace = ?', '(rollout_id IS NULL OR rollout_id = ?)');
      args.push(q.rollout.namespace, q.rollout.id);
    } else if (q.namespace !== undefined) {
      where.push('namespace = ?');
      args.push(q.namespace);
    }
    return this.read((c) => {
      const rows = c.q(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ?`).all(...args, q.limit + 1) as RawEvent[];
      return timelinePage(rows, q.limit, rowToEvent);
    });
  }

  rolloutNamespace(id: string): Promise<string | null> {
    return this.read((c) => (c.q('SELECT namespace FROM rollouts WHERE id = ?').get(id) as { namespace: string } | undefined)?.namespace ?? null);
  }
}
