/** GET /api/v1/events: the audit log as JSON pages or as a CSV export. */
import type { FastifyInstance } from 'fastify';
import { routes } from '@contract/routes';
import type { AuditEvent } from '@contract/schemas';
import type { Services } from '../services';
import type { EventFilter } from '../store/types';
import { csvRow } from './csv';
import { defineRoute, json } from './route';

const CSV_COLUMNS = ['id', 'at', 'namespace', 'actor', 'action', 'reason', 'fromVersion', 'toVersion', 'details'] as const;
/** A CSV export without an explicit limit returns every matching event, up to this many. */
const CSV_MAX_ROWS = 100_000;
const CSV_PAGE = 1000;

const toCsvRow = (e: AuditEvent) => csvRow(CSV_COLUMNS.map((c) => e[c]));

export function eventRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, s, routes.listEvents, async (c) => {
    const q = c.query;
    const filter: Omit<EventFilter, 'limit'> = {
      ...(q.namespace !== undefined ? { namespace: q.namespace } : {}),
      ...(q.actor !== undefined ? { actor: q.actor } : {}),
      // `action` accepts a comma-separated list: action=snapshot.rollback,killswitch.enable
      ...(q.action !== undefined ? { actions: q.action.split(',').map((a) => a.trim()).filter(Boolean) } : {}),
      ...(q.from !== undefined ? { from: new Date(q.from).toISOString() } : {}),
      ...(q.to !== undefined ? { to: new Date(q.to).toISOString() } : {}),
      ...(q.before !== undefined ? { before: q.before } : {}),
    };

    if (q.format === 'csv') {
      const explicitLimit = (c.request.query as Record<string, unknown>).limit !== undefined;
      const max = explicitLimit ? q.limit : CSV_MAX_ROWS;
      let out = csvRow([...CSV_COLUMNS]);
      let before = filter.before;
      for (let rows = 0; rows < max; ) {
        const page = await s.store.listEvents({ ...filter, ...(before !== undefined ? { before } : {}), limit: Math.min(CSV_PAGE, max - rows) });
        for (const e of page) out += toCsvRow(e);
        rows += page.length;
        const last = page.at(-1);
        if (!last || page.length < CSV_PAGE) break;
        before = last.id;
      }
      return {
        kind: 'text',
        status: 200,
        text: out,
        contentType: 'text/csv; charset=utf-8',
        headers: { 'content-disposition': 'attachment; filename="switchyard-audit-log.csv"' },
      };
    }

    const page = await s.store.listEvents({ ...filter, limit: q.limit + 1 });
    const items = page.slice(0, q.limit);
    const last = items.at(-1);
    return json({ items, nextBefore: page.length > q.limit && last ? last.id : null });
  });
}
