/** /api/v1/rollouts/{id}/ingest/…: reporters push metric windows, cumulative reports and parity comparisons. */
import type { FastifyInstance } from 'fastify';
import { routes } from '@contract/routes';
import type { Services } from '../services';
import { defineRoute, json } from './route';

export function rolloutIngestRoutes(app: FastifyInstance, s: Services): void {
  const { ingest } = s;
  defineRoute(app, s, routes.ingestMetrics, async (c) => json(await ingest.metrics(c.params.id, c.body.windows)));
  defineRoute(app, s, routes.ingestReporter, async (c) => json(await ingest.reporter(c.params.id, c.body)));
  defineRoute(app, s, routes.ingestParity, async (c) => json(await ingest.parity(c.params.id, c.body)));
}
