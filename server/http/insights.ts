/** /api/v1/insights/… and /api/v1/timeline: numbers and one time axis derived from the audit log. */
import type { FastifyInstance } from 'fastify';
import { routes } from '@contract/routes';
import type { Services } from '../services';
import { defineRoute, json } from './route';

export function insightRoutes(app: FastifyInstance, s: Services): void {
  defineRoute(app, s, routes.insightsSummary, async (c) => json(await s.insights.summary(c.query)));
  defineRoute(app, s, routes.insightsRollbacks, async (c) => json(await s.insights.rollbacks(c.query)));
  defineRoute(app, s, routes.insightEvents, async (c) => json(await s.insights.events(c.query)));
  defineRoute(app, s, routes.timeline, async (c) => json(await s.timeline.timeline(c.query)));
}
