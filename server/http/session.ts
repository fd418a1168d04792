/** Browser sign-in: POST/DELETE /api/v1/session (httpOnly SameSite=Strict cookie) and GET /api/v1/me. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routes } from '@contract/routes';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/authenticate';
import { ApiError } from '../errors';
import type { Services } from '../services';
import { clearedSessionCookie, readCookie, sessionCookie } from './cookies';
import { defineRoute, json } from './route';

/** `Secure` only where the browser reached us over HTTPS (directly or through a proxy). */
const isHttps = (r: FastifyRequest) => r.protocol === 'https' || r.headers['x-forwarded-proto'] === 'https';

export function sessionRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, s, routes.createSession, async (c) => {
    const address = c.request.ip;
    s.loginLimiter.check(address);
    let login: Awaited<ReturnType<typeof s.auth.login>>;
    try {
      login = await s.auth.login(c.body);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) s.loginLimiter.fail(address);
      throw e;
    }
    const { me, sessionId } = login;
    return json(me, 200, { 'set-cookie': sessionCookie(sessionId, SESSION_TTL_MS / 1000, isHttps(c.request)) });
  });

  defineRoute(app, s, routes.deleteSession, async (c) => {
    const session = readCookie(c.request.headers.cookie, SESSION_COOKIE);
    if (session !== null) {
      if (c.request.headers['x-requested-with'] !== 'switchyard') {
        throw new ApiError('Forbidden', 'signing out with the session cookie needs the header X-Requested-With: switchyard');
      }
      await s.auth.logout(session);
    }
    return json({ ok: true } as const, 200, { 'set-cookie': clearedSessionCookie(isHttps(c.request)) });
  });

  defineRoute(app, s, routes.me, async (c) =>
    json({ actor: c.principal.actor, role: c.principal.role, tokenId: c.principal.tokenId }),
  );
}
