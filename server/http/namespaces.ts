/** /api/v1/namespaces…: the registry API. */
import type { FastifyInstance } from 'fastify';
import { routes } from '@contract/routes';
import type { Principal } from '../auth/principal';
import type { MutationContext, MutationResult } from '../registry/service';
import type { Services } from '../services';
import type { IdempotencyClaim } from '../store/types';
import { defineRoute, json, result } from './route';

function mutation(ctx: { principal: Principal; ifMatch: MutationContext['ifMatch']; idempotency: IdempotencyClaim | undefined }): MutationContext {
  return {
    actor: ctx.principal.actor,
    tokenId: ctx.principal.tokenId,
    ...(ctx.ifMatch ? { ifMatch: ctx.ifMatch } : {}),
    ...(ctx.idempotency ? { idempotency: ctx.idempotency } : {}),
  };
}

const etag = (version: number) => ({ etag: `"${version}"` });
/** Mutation responses carry the new active version as ETag, ready for the next If-Match. */
const changed = (r: MutationResult) => result(r, r.status < 300 ? etag(r.body.namespace.activeVersion) : undefined);

export function namespaceRoutes(app: FastifyInstance, s: Services): void {
  const { registry } = s;

  defineRoute(app, s, routes.listNamespaces, async () => json({ items: await registry.listNamespaces() }));

  defineRoute(app, s, routes.createNamespace, async (c) => changed(await registry.createNamespace(c.body, mutation(c))));

  defineRoute(app, s, routes.getNamespace, async (c) => {
    const detail = await registry.getNamespace(c.params.ns);
    return json(detail, 200, etag(detail.activeVersion));
  });

  defineRoute(app, s, routes.putFeatures, async (c) =>
    changed(await registry.putFeatures(c.params.ns, c.body.features, c.body.reason, mutation(c))),
  );

  defineRoute(app, s, routes.listVersions, async (c) => json(await registry.listVersions(c.params.ns, c.query)));

  defineRoute(app, s, routes.getVersion, async (c) => json(await registry.getVersion(c.params.ns, c.params.version)));

  defineRoute(app, s, routes.diff, async (c) => json(await registry.diff(c.params.ns, c.query.from, c.query.to)));

  defineRoute(app, s, routes.validate, async (c) => json(await registry.validate(c.params.ns, c.body)));

  defineRoute(app, s, routes.load, async (c) => changed(await registry.load(c.params.ns, c.body.snapshot, c.body.reason, mutation(c))));

  defineRoute(app, s, routes.patch, async (c) => changed(await registry.patch(c.params.ns, c.body.patch, c.body.reason, mutation(c))));

  defineRoute(app, s, routes.rollback, async (c) =>
    changed(await registry.rollback(c.params.ns, c.body.steps, c.body.reason, mutation(c))),
  );

  defineRoute(app, s, routes.restore, async (c) =>
    changed(await registry.restore(c.params.ns, c.body.version, c.body.reason, mutation(c))),
  );

  defineRoute(app, s, routes.killSwitch, async (c) =>
    changed(await registry.killSwitch(c.params.ns, c.body.enabled, c.body.reason, mutation(c))),
  );
}
