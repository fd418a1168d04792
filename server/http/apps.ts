/**
 * The Konditional-compatible endpoints apps poll (/v1/namespaces/:ns) or watch (…/watch).
 * No authentication: like Konditional's file and server loaders, they serve configuration.
 * Bytes and ETag come from the per-namespace cache, which is replaced only after a commit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serviceRoutes } from '@contract/routes';
import { notFound } from '../errors';
import type { ServedEntry } from '../registry/served';
import type { Services } from '../services';
import { noneMatch } from './preconditions';
import { defineRoute, routeHandler, sent } from './route';

/** Response headers per served entry, built once per version (entries are replaced, never changed). */
const headerCache = new WeakMap<ServedEntry, { full: Record<string, string>; notModified: Record<string, string> }>();

function headersOf(e: ServedEntry) {
  let h = headerCache.get(e);
  if (!h) {
    const notModified = {
      etag: e.etag,
      'x-switchyard-version': String(e.version),
      'x-switchyard-kill-switch': e.killSwitch ? 'on' : 'off',
      'cache-control': 'no-cache',
    };
    h = { notModified, full: { ...notModified, 'content-type': 'application/json; charset=utf-8' } };
    headerCache.set(e, h);
  }
  return h;
}

const POLL_200 = Object.freeze({ status: '200' });
const POLL_304 = Object.freeze({ status: '304' });

function sendSnapshot(s: Services, entry: ServedEntry, request: FastifyRequest, reply: FastifyReply): void {
  const h = headersOf(entry);
  const header = request.headers['if-none-match'];
  if (header !== undefined && noneMatch(Array.isArray(header) ? header.join(',') : header, entry.etag)) {
    s.metrics.snapshotPolls.inc(POLL_304);
    s.metrics.notModified.inc();
    reply.code(304).headers(h.notModified).send();
    return;
  }
  s.metrics.snapshotPolls.inc(POLL_200);
  reply.code(200).headers(h.full).send(entry.body);
}

export function appRoutes(app: FastifyInstance, s: Services): void {
  const def = serviceRoutes.appSnapshot;
  // Everything the registrar does (parameter validation, the 404), for a namespace not yet cached.
  const uncached = routeHandler(s, def, async ({ params, request, reply }) => {
    const entry = await s.served.get(params.ns);
    if (!entry) throw notFound(`namespace ${params.ns}`);
    sendSnapshot(s, entry, request, reply);
    return sent;
  });
  // The path apps poll all day: a cached namespace (only valid, existing ids are ever cached) is
  // answered synchronously from its cached bytes, ETag and headers, without the registrar's async
  // steps. The cache is replaced only after a commit, so body and ETag are one version.
  app.route({
    method: def.method,
    url: def.path,
    handler: (request, reply) => {
      const entry = s.served.peek((request.params as { ns: string }).ns);
      if (entry === undefined) return uncached(request, reply);
      sendSnapshot(s, entry, request, reply);
      return undefined;
    },
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
