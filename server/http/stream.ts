/** GET /api/v1/stream: every audit event as `event: change`, with Last-Event-ID replay. */
import type { FastifyInstance } from 'fastify';
import { serviceRoutes } from '@contract/routes';
import type { AuditEvent } from '@contract/schemas';
import { toChangeEvent } from '../registry/views';
import type { Services } from '../services';
import { defineRoute, sent } from './route';

/** A client that missed more than this reloads everything anyway. */
const MAX_REPLAY = 1000;

export function streamRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, s, serviceRoutes.stream, async ({ query, request, reply, principal }) => {
    const header = Number(request.headers['last-event-id']);
    const after = Number.isSafeInteger(header) && header >= 0 ? header : query.lastEventId;

    const conn = s.sse.open(reply, 'api');
    let lastSent = after ?? 0;
    const deliver = (e: AuditEvent) => {
      if (e.id <= lastSent) return;
      lastSent = e.id;
      conn.send('change', JSON.stringify(toChangeEvent(e)), String(e.id));
    };
    let pending: AuditEvent[] | null = after === undefined ? null : [];
    const unsubscribe = s.feed.subscribe(({ event }) => {
      if (event.action === 'token.revoke' && event.details.tokenId === principal.tokenId) {
        conn.close();
        return;
      }
      if (pending) pending.push(event);
      else deliver(event);
    });
    conn.onClose(unsubscribe);
    conn.onClose(s.rolloutData.subscribe((notice) => conn.send('rollout-data', JSON.stringify(notice))));

    if (after !== undefined) {
      try {
        for (const e of await s.store.eventsAfter(after, MAX_REPLAY)) deliver(e);
        for (const e of (pending ?? []).sort((a, b) => a.id - b.id)) deliver(e);
        pending = null;
      } catch (e) {
        request.log.error(e, 'stream replay failed');
        conn.close();
      }
    } else {
      conn.comment('connected');
    }
    return sent;
  });
}
