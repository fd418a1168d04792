/** /api/v1/rollouts/{id}/parity…: parity review (reports, patterns, triage, on-demand compare). */
import type { FastifyInstance } from 'fastify';
import { routes } from '@contract/routes';
import type { Services } from '../services';
import { defineRoute, json, result } from './route';

export function parityRoutes(app: FastifyInstance, s: Services): void {
  const { parity } = s;
  const actor = (c: { principal: { actor: string }; idempotency: Parameters<typeof parity.triage>[4]['idempotency'] }) => ({
    actor: c.principal.actor,
    ...(c.idempotency ? { idempotency: c.idempotency } : {}),
  });

  defineRoute(app, s, routes.parityReports, async (c) => json(await parity.reports(c.params.id, c.query)));
  defineRoute(app, s, routes.parityReport, async (c) => json(await parity.report(c.params.id, c.params.reportId)));
  defineRoute(app, s, routes.triageParityReport, async (c) =>
    result(await parity.triage(c.params.id, c.params.reportId, c.body.triage, c.body.note, actor(c))),
  );
  defineRoute(app, s, routes.parityPatterns, async (c) => json(await parity.patterns(c.params.id)));
  defineRoute(app, s, routes.triageParityPattern, async (c) =>
    result(await parity.triagePattern(c.params.id, c.body.pattern, c.body.triage, c.body.note, actor(c))),
  );
  defineRoute(app, s, routes.parityCompare, async (c) => json(await parity.compare(c.params.id, c.body.subject)));
}
