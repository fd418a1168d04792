/** /healthz, /metrics and /api/v1/openapi.json. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { serviceRoutes } from '@contract/routes';
import { buildOpenApi } from '../openapi';
import type { Services } from '../services';
import { defineRoute, json } from './route';

const packageVersion = (): string => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
};

export function systemRoutes(app: FastifyInstance, s: Services): void {
  const version = packageVersion();
  let openapi: Record<string, unknown> | null = null;

  defineRoute(app, s, serviceRoutes.health, async ({ request }) => {
    try {
      await s.store.ping();
      return json({ status: 'ok' as const, version, db: s.store.engine });
    } catch (e) {
      request.log.error(e, 'health check: database unreachable');
      return json({ status: 'degraded' as const, version, db: s.store.engine }, 503);
    }
  });

  defineRoute(app, s, serviceRoutes.metrics, async () => ({
    kind: 'text',
    status: 200,
    text: s.metrics.render(),
    contentType: 'text/plain; version=0.0.4; charset=utf-8',
  }));

  defineRoute(app, s, serviceRoutes.openapi, async () => json((openapi ??= buildOpenApi(version))));
}
