/** /api/v1/tokens: API token management for admins. */
import type { FastifyInstance } from 'fastify';
import { routes } from '@contract/routes';
import type { Services } from '../services';
import { defineRoute, json, result } from './route';

export function tokenRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, s, routes.listTokens, async () => json({ items: await s.tokens.list() }));

  defineRoute(app, s, routes.createToken, async (c) =>
    result(
      await s.tokens.create(
        { name: c.body.name, role: c.body.role, reason: c.body.reason, ...(c.body.expiresAt ? { expiresAt: c.body.expiresAt } : {}) },
        { actor: c.principal.actor, ...(c.idempotency ? { idempotency: c.idempotency } : {}) },
      ),
    ),
  );

  defineRoute(app, s, routes.revokeToken, async (c) =>
    result(
      await s.tokens.revoke(c.params.id, c.body.reason, {
        actor: c.principal.actor,
        ...(c.idempotency ? { idempotency: c.idempotency } : {}),
      }),
    ),
  );
}
