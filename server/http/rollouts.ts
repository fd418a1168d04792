/** /api/v1/rollouts…: rollouts, stage control and settings, and the rollout page's reads. */
import type { FastifyInstance } from 'fastify';
import { routes } from '@contract/routes';
import type { Principal } from '../auth/principal';
import type { IfMatch } from '../registry/service';
import type { RolloutCtx, RolloutResult } from '../rollouts/service';
import type { Services } from '../services';
import type { IdempotencyClaim } from '../store/types';
import { rolloutIngestRoutes } from './rollouts-ingest';
import { parityRoutes } from './rollouts-parity';
import { defineRoute, json, result } from './route';

export function rolloutCtx(c: { principal: Principal; ifMatch: IfMatch | undefined; idempotency: IdempotencyClaim | undefined }): RolloutCtx {
  return {
    actor: c.principal.actor,
    tokenId: c.principal.tokenId,
    role: c.principal.role,
    ...(c.ifMatch ? { ifMatch: c.ifMatch } : {}),
    ...(c.idempotency ? { idempotency: c.idempotency } : {}),
  };
}

/** Mutation responses carry the rollout's new revision as ETag, ready for the next If-Match. */
const changed = (r: RolloutResult) => result(r, r.status < 300 ? { etag: `"${r.body.rollout.revision}"` } : undefined);

export function rolloutRoutes(app: FastifyInstance, s: Services): void {
  const { rollouts, rolloutReads } = s;

  defineRoute(app, s, routes.listRollouts, async (c) => json({ items: await rollouts.list(c.query.namespace) }));
  defineRoute(app, s, routes.createRollout, async (c) => changed(await rollouts.create(c.body, rolloutCtx(c))));
  defineRoute(app, s, routes.getRollout, async (c) => {
    const detail = await rollouts.get(c.params.id);
    return json(detail, 200, { etag: `"${detail.revision}"` });
  });
  defineRoute(app, s, routes.promoteRollout, async (c) => changed(await rollouts.promote(c.params.id, c.body.reason, c.body.override, rolloutCtx(c))));
  defineRoute(app, s, routes.pauseRollout, async (c) => changed(await rollouts.pause(c.params.id, c.body.reason, rolloutCtx(c))));
  defineRoute(app, s, routes.resumeRollout, async (c) => changed(await rollouts.resume(c.params.id, c.body.reason, rolloutCtx(c))));
  defineRoute(app, s, routes.rollbackRollout, async (c) => changed(await rollouts.rollback(c.params.id, c.body.reason, rolloutCtx(c))));
  defineRoute(app, s, routes.rolloutSettings, async (c) => changed(await rollouts.settings(c.params.id, c.body, rolloutCtx(c))));
  defineRoute(app, s, routes.resetRolloutCounters, async (c) => changed(await rollouts.resetCounters(c.params.id, c.body.reason, rolloutCtx(c))));

  defineRoute(app, s, routes.rolloutMetrics, async (c) => json(await rolloutReads.metrics(c.params.id, c.query)));
  defineRoute(app, s, routes.rolloutGate, async (c) => json(await rolloutReads.gate(c.params.id)));
  defineRoute(app, s, routes.rolloutCounters, async (c) => json(await rolloutReads.counters(c.params.id, c.query)));

  parityRoutes(app, s);
  rolloutIngestRoutes(app, s);
}
