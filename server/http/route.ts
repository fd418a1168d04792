/**
 * Registers a contract route once, with everything every route needs done here rather than in
 * handlers: authentication and role, the CSRF header for cookie sessions, validation of params,
 * query and body with the contract's schemas (400 with a JSON pointer), If-Match (428) and
 * Idempotency-Key (replay or 422).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod/mini';
import type { RouteDef } from '@contract/routes';
import { canonicalJson } from '@core/canonical';
import { SESSION_COOKIE } from '../auth/authenticate';
import { allows, neededRoles, type Principal } from '../auth/principal';
import { ApiError, toPointer } from '../errors';
import type { IfMatch } from '../registry/service';
import { sha256Hex } from '../registry/digest';
import { idempotencyKeyReused } from '../registry/service';
import type { Services } from '../services';
import type { IdempotencyClaim } from '../store/types';
import { readCookie } from './cookies';
import { parseIdempotencyKey, parseIfMatch, preconditionRequired } from './preconditions';

// The contract is written with zod/mini, which carries no messages unless configured: the 400s
// quote zod's English ones ("Too big: expected string to have <=1000 characters").
z.config(z.locales.en());

type Out<T> = T extends z.ZodMiniType ? z.output<T> : undefined;
type Part<D, K extends string> = D extends { [P in K]: infer S } ? Out<S> : undefined;

export interface Ctx<D extends RouteDef> {
  params: Part<D, 'params'>;
  query: Part<D, 'query'>;
  body: Part<D, 'body'>;
  principal: D['access'] extends 'public' ? Principal | null : Principal;
  /** Set on routes with a precondition (the helper answers 428 when it is missing). */
  ifMatch: IfMatch | undefined;
  idempotency: IdempotencyClaim | undefined;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type Handled<D extends RouteDef> =
  | { kind: 'json'; status: number; body: z.output<D['response']>; headers?: Record<string, string> }
  /** A response produced earlier or elsewhere (a service result, possibly an idempotent replay). */
  | { kind: 'result'; status: number; body: unknown; replayed: boolean; headers?: Record<string, string> }
  | { kind: 'text'; status: number; text: string; contentType: string; headers?: Record<string, string> }
  /** The handler already answered, or took over the socket (server-sent events). */
  | { kind: 'sent' };

export const json = <T>(body: T, status = 200, headers?: Record<string, string>) =>
  ({ kind: 'json', status, body, ...(headers ? { headers } : {}) }) as const;
export const result = (r: { status: number; body: unknown; replayed: boolean }, headers?: Record<string, string>) =>
  ({ kind: 'result', ...r, ...(headers ? { headers } : {}) }) as const;
export const sent = { kind: 'sent' } as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Resolves the caller from `Authorization: Bearer` (preferred) or the session cookie. */
export async function authenticate(request: FastifyRequest, services: Services): Promise<Principal | null> {
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m?.[1]) throw new ApiError('Unauthorized', 'the Authorization header must be "Bearer <token>"');
    return services.auth.fromBearer(m[1]);
  }
  const session = readCookie(header(request, 'cookie'), SESSION_COOKIE);
  return session ? services.auth.fromSession(session) : null;
}

/** Authentication, role and the CSRF rule, for routes registered outside the helper too (streams). */
export async function authorize(request: FastifyRequest, services: Services, access: RouteDef['access']): Promise<Principal> {
  const principal = await authenticate(request, services);
  if (!principal) {
    throw new ApiError('Unauthorized', 'sign in, or send Authorization: Bearer <token>');
  }
  if (!allows(principal.role, access)) {
    throw new ApiError('Forbidden', `this needs ${neededRoles(access)}; your token "${principal.actor}" has the ${principal.role} role`, undefined, {
      role: principal.role,
      needed: access,
    });
  }
  if (principal.via === 'cookie' && !SAFE_METHODS.has(request.method) && header(request, 'x-requested-with') !== 'switchyard') {
    throw new ApiError(
      'Forbidden',
      'requests signed in with the session cookie that change something must send the header X-Requested-With: switchyard',
    );
  }
  return principal;
}

function validate<S extends z.ZodMiniType>(schema: S, value: unknown, location: 'params' | 'query' | 'body'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw new ApiError('BadRequest', `the ${location} is not valid`);
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = toPointer([...issue.path, ...keys.slice(0, 1)]);
  const where = location === 'body' ? '' : `${location === 'params' ? 'path parameter' : 'query parameter'} `;
  const message =
    location === 'body' && value === undefined
      ? 'this request needs a JSON body (Content-Type: application/json)'
      : issue.code === 'unrecognized_keys'
        ? `${where}unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => JSON.stringify(k)).join(', ')}`
        : `${where}${path ? path.slice(1) + ': ' : ''}${issue.message}`;
  throw new ApiError('BadRequest', message, path || undefined, { location });
}

export function defineRoute<D extends RouteDef>(
  app: FastifyInstance,
  services: Services,
  def: D,
  handler: (ctx: Ctx<D>) => Promise<Handled<D>>,
): void {
  app.route({ method: def.method, url: def.path, handler: routeHandler(services, def, handler) });
}

/**
 * The Fastify handler defineRoute registers, for a route that registers itself (a hot path that
 * answers common cases directly and hands everything else to this).
 */
export function routeHandler<D extends RouteDef>(
  services: Services,
  def: D,
  handler: (ctx: Ctx<D>) => Promise<Handled<D>>,
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  return async (request, reply) => {
    const principal = def.access === 'public' ? null : await authorize(request, services, def.access);
    const params = def.params ? validate(def.params, request.params, 'params') : undefined;
    const query = def.query ? validate(def.query, request.query, 'query') : undefined;
    const body = def.body ? validate(def.body, request.body, 'body') : undefined;

    let ifMatch: IfMatch | undefined;
    if (def.precondition) {
      ifMatch = parseIfMatch(header(request, 'if-match'));
      if (!ifMatch) throw preconditionRequired(def.precondition);
    }

    let idempotency: IdempotencyClaim | undefined;
    const key = def.mutation ? parseIdempotencyKey(header(request, 'idempotency-key')) : undefined;
    if (key !== undefined && principal) {
      const fingerprint = sha256Hex(`${request.method} ${request.url.split('?')[0] ?? ''}\n${canonicalJson(request.body ?? null)}`);
      idempotency = { tokenId: principal.tokenId, key, fingerprint };
      const prior = await services.store.getIdempotency(principal.tokenId, key);
      if (prior) {
        if (prior.fingerprint !== fingerprint) throw idempotencyKeyReused();
        return send(reply, { kind: 'result', status: prior.status, body: prior.body, replayed: true });
      }
    }

    const ctx = { params, query, body, principal, ifMatch, idempotency, request, reply } as Ctx<D>;
    let out: Handled<D>;
    try {
      out = await handler(ctx);
    } catch (e) {
      // A twin with the same key (sent at once, possibly to another replica) may have committed
      // between the check above and this request's own read, which then refused (already paused,
      // stale If-Match, …): the key's first response is the answer, as for any repeat.
      const twin = idempotency ? await services.store.getIdempotency(idempotency.tokenId, idempotency.key) : null;
      if (!twin) throw e;
      if (twin.fingerprint !== idempotency?.fingerprint) throw idempotencyKeyReused();
      out = { kind: 'result', status: twin.status, body: twin.body, replayed: true };
    }
    return send(reply, out);
  };
}

function send<D extends RouteDef>(reply: FastifyReply, out: Handled<D>): FastifyReply {
  if (out.kind === 'sent') return reply;
  reply.header('cache-control', 'no-store');
  if (out.headers) reply.headers(out.headers);
  if (out.kind === 'text') return reply.code(out.status).type(out.contentType).send(out.text);
  if (out.kind === 'result' && out.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(out.status).type('application/json; charset=utf-8').send(JSON.stringify(out.body));
}
