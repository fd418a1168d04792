/** /api/v1/rollouts…: the rollout API (stage control, settings, reads, parity review) and reporter ingest. */
import type { FastifyInstance } from 'fastify';
import { routes } from '@contract/routes';
import { notFound } from '../errors';
import type { Services } from '../services';
import { defineRoute, json } from './route';

export function rolloutRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, s, routes.listRollouts, async () => json({ items: [] }));
  const missing = async (c: { params: { id: string } }): Promise<never> => {
    throw notFound(`rollout ${c.params.id}`);
  };
  defineRoute(app, s, routes.createRollout, async (c) => {
    throw notFound(`namespace ${c.body.namespace}`);
  });
  defineRoute(app, s, routes.getRollout, missing);
  defineRoute(app, s, routes.promoteRollout, missing);
  defineRoute(app, s, routes.pauseRollout, missing);
  defineRoute(app, s, routes.resumeRollout, missing);
  defineRoute(app, s, routes.rollbackRollout, missing);
  defineRoute(app, s, routes.rolloutSettings, missing);
  defineRoute(app, s, routes.resetRolloutCounters, missing);
  defineRoute(app, s, routes.rolloutMetrics, missing);
  defineRoute(app, s, routes.rolloutGate, missing);
  defineRoute(app, s, routes.rolloutCounters, missing);
  defineRoute(app, s, routes.parityReports, missing);
  defineRoute(app, s, routes.parityReport, missing);
  defineRoute(app, s, routes.triageParityReport, missing);
  defineRoute(app, s, routes.parityPatterns, missing);
  defineRoute(app, s, routes.triageParityPattern, missing);
  defineRoute(app, s, routes.parityCompare, missing);
  defineRoute(app, s, routes.ingestMetrics, missing);
  defineRoute(app, s, routes.ingestReporter, missing);
  defineRoute(app, s, routes.ingestParity, missing);
}
