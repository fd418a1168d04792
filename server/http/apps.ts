/**
 * The Konditional-compatible endpoints apps poll (/v1/namespaces/:ns) or watch (…/watch).
 * No authentication: like Konditional's file and server loaders, they serve configuration.
 * Bytes and ETag come from the per-namespace cache, which is replaced only after a commit.
 */
import type { FastifyInstance } from 'fastify';
import { serviceRoutes } from '@contract/routes';
import { notFound } from '../errors';
import type { ServedEntry } from '../registry/served';
import type { Services } from '../services';
import { noneMatch } from './preconditions';
import { defineRoute, sent } from './route';

const servedHeaders = (e: ServedEntry) => ({
  etag: e.etag,
  'x-switchyard-version': String(e.version),
  'x-switchyard-kill-switch': e.killSwitch ? 'on' : 'off',
  'cache-control': 'no-cache',
});

export function appRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, s, serviceRoutes.appSnapshot, async ({ params, request, reply }) => {
    const entry = await s.served.get(params.ns);
    if (!entry) throw notFound(`namespace ${params.ns}`);
    reply.headers(servedHeaders(entry));
    const header = request.headers['if-none-match'];
    if (noneMatch(Array.isArray(header) ? header.join(',') : header, entry.etag)) {
      s.metrics.snapshotPolls.inc({ status: '304' });
      s.metrics.notModified.inc();
      await reply.code(304).send();
      return sent;
    }
    s.metrics.snapshotPolls.inc({ status: '200' });
    await reply.code(200).type('application/json; charset=utf-8').send(entry.body);
    return sent;
  });

  defineRoute(app, s, serviceRoutes.appWatch, async ({ params, request, reply }) => {
    const ns = params.ns;
    let lastRevision = -1;
    let lastEtag = request.headers['last-event-id'];
    const push = (e: ServedEntry) => {
      if (e.revision <= lastRevision) return;
      lastRevision = e.revision;
      if (e.etag === lastEtag) return;
      lastEtag = e.etag;
      conn.send('snapshot', e.body.toString('utf8'), e.etag);
    };
    // Subscribe before the first read, so no change can fall between the two.
    let ready = false;
    const unsubscribe = s.feed.subscribe((n) => {
      if (!ready || n.state?.namespace.name !== ns) return;
      const current = s.served.peek(ns);
      if (current) push(current);
    });
    let entry: ServedEntry | null;
    try {
      entry = await s.served.get(ns);
    } catch (e) {
      unsubscribe();
      throw e;
    }
    if (!entry) {
      unsubscribe();
      throw notFound(`namespace ${ns}`);
    }
    const conn = s.sse.open(reply, 'watch');
    conn.onClose(unsubscribe);
    ready = true;
    push(s.served.peek(ns) ?? entry);
    return sent;
  });
}
