/**
 * Every /api/v1 route: method, path, who may call it, and the schemas of its parts.
 * Paths use `:param` segments (rendered as `{param}` in OpenAPI). The definitions live per area
 * (routes-registry.ts, routes-rollouts.ts, routes-insights.ts), so the dashboard's bundles carry
 * only the routes their screens call; this module assembles the whole table for the server, the
 * OpenAPI document, the mocks and the tests.
 */
import { z } from 'zod/mini';
import type { RouteDef, RouteBody, RouteParams, RouteQuery, RouteResponse } from './route-def';
import { insightRoutes } from './routes-insights';
import { nsParams, registryRoutes } from './routes-registry';
import { rolloutRoutes } from './routes-rollouts';
import * as s from './schemas';

export { buildPath, type Access, type RouteDef, type RouteBody, type RouteParams, type RouteQuery, type RouteResponse } from './route-def';

export const routes = {
  ...registryRoutes,
  // ---------- rollouts (product O1-O12) ----------
  ...rolloutRoutes,
  // ---------- insights (product I1-I3) ----------
  ...insightRoutes,
} as const satisfies Record<string, RouteDef>;

/**
 * Routes outside the JSON registry API: the live stream, the OpenAPI document itself, the
 * Konditional-compatible endpoints apps poll or watch (no authentication: they serve
 * configuration, as Konditional's file and server loaders expect), health and metrics. Listed
 * so the server registers and the OpenAPI document describes them from this one contract.
 */
export const serviceRoutes = {
  stream: {
    method: 'GET',
    path: '/api/v1/stream',
    summary:
      'Server-sent events: `event: change` with a ChangeEvent for every audit event, `id:` = the event id; ' +
      '`event: rollout-data` with a RolloutDataNotice when a reporter ingests (not replayed). ' +
      'Reconnect with Last-Event-ID (or `lastEventId`) to replay what was missed; a comment every 15 s keeps it alive',
    access: 'viewer',
    mutation: false,
    query: z.object({ lastEventId: z.optional(z.coerce.number().check(z.int(), z.minimum(0))) }),
    response: s.ChangeEventSchema,
    produces: ['text/event-stream'],
  },
  openapi: {
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'This API described as OpenAPI 3.1, generated from the contract',
    access: 'public',
    mutation: false,
    response: z.record(z.string(), z.unknown()),
  },
  appSnapshot: {
    method: 'GET',
    path: '/v1/namespaces/:ns',
    summary:
      'For apps: the active snapshot as Konditional JSON, with a strong ETag (If-None-Match -> 304) and the headers ' +
      'X-Switchyard-Version and X-Switchyard-Kill-Switch (on: every flag is served with isActive false)',
    access: 'public',
    mutation: false,
    params: nsParams,
    response: s.SnapshotSchema,
  },
  appWatch: {
    method: 'GET',
    path: '/v1/namespaces/:ns/watch',
    summary: 'For apps: server-sent events, `event: snapshot` with the whole snapshot (id = its ETag) on connect and on every change',
    access: 'public',
    mutation: false,
    params: nsParams,
    response: s.SnapshotSchema,
    produces: ['text/event-stream'],
  },
  health: {
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness and database reachability (503 when degraded)',
    access: 'public',
    mutation: false,
    response: s.HealthSchema,
  },
  metrics: {
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus text exposition',
    access: 'public',
    mutation: false,
    response: z.string(),
    produces: ['text/plain'],
  },
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

export type ResponseOf<N extends RouteName> = RouteResponse<Routes[N]>;
export type BodyOf<N extends RouteName> = RouteBody<Routes[N]>;
export type ParamsOf<N extends RouteName> = RouteParams<Routes[N]>;
export type QueryOf<N extends RouteName> = RouteQuery<Routes[N]>;
