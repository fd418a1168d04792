/**
 * The route table as test cases: every route the contract declares (whatever object of
 * contract/routes.ts it sits in), and for each a factory of one valid request. The trust tests
 * (concurrency, idempotency, hostile input, access) are generated from these, and fail when a
 * route has no factory, so a new route cannot slip past them.
 */
import * as table from '@contract/routes';
import { buildPath, type RouteDef } from '@contract/routes';
import { ADMIN_SECRET, createNamespace, FEATURES, key, loadSeries, NS, snapshot, type Harness, type Reply } from '../test/harness';
import { insightFactories } from './insight-cases';
import { rolloutFactories } from './rollout-cases';

export interface NamedRoute {
  name: string;
  def: RouteDef;
}

const isRouteDef = (v: unknown): v is RouteDef =>
  typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'access' in v && 'mutation' in v;

/** Every route of every route table exported by contract/routes.ts, once each. */
export function allRoutes(): NamedRoute[] {
  const out = new Map<string, NamedRoute>();
  for (const exported of Object.values(table)) {
    if (typeof exported !== 'object' || exported === null) continue;
    for (const [name, def] of Object.entries(exported)) {
      if (isRouteDef(def)) out.set(`${def.method} ${def.path}`, { name, def });
    }
  }
  return [...out.values()];
}

/** Declared mutations (reason, Idempotency-Key, If-Match where the contract says). Reporter ingests are idempotent upserts without keys: S9's tests cover their repeats. */
export const mutatingRoutes = (): NamedRoute[] => allRoutes().filter(({ def }) => def.mutation);

export const isStream = (def: RouteDef): boolean => def.produces?.includes('text/event-stream') === true;

/** One concrete request. */
export interface Req {
  method: string;
  url: string;
  body?: unknown;
  headers: Record<string, string>;
}

export interface RouteFactory {
  /**
   * Puts the harness into a state in which `request` succeeds and returns a builder of valid
   * requests. `variant` gives distinct bodies for the same precondition (two operators doing
   * different things from the same view); a builder reads state (If-Match) but changes nothing.
   */
  prepare: (h: Harness) => Promise<(variant: number) => Promise<Req>>;
  /** Status of success. */
  ok: number;
  /**
   * Two simultaneous requests with the same precondition: `one-wins` (the other is refused with
   * 412, or 409 where the semantics say so), or `independent` (both apply: nothing to conflict on).
   */
  race?: 'one-wins' | 'independent';
  /** A repeated Idempotency-Key answers the first response again (default), or 409 for token creation (the secret is shown once). */
  replay?: 'identical' | 'conflict-without-secret';
}

// ---------- shared state helpers ----------

/** The registry state every factory starts from: NS with versions 1..3. */
export async function baseState(h: Harness): Promise<void> {
  await createNamespace(h);
  await loadSeries(h, 10, 20);
}

export async function activeVersion(h: Harness, ns = NS): Promise<number> {
  const r = await h.call('GET', `/api/v1/namespaces/${ns}`);
  if (r.status !== 200) throw new Error(`namespace ${ns}: ${r.body}`);
  return r.json.activeVersion as number;
}

const ifMatchVersion = async (h: Harness) => ({ 'if-match': `"${await activeVersion(h)}"` });
const ifMatchRevision = async (h: Harness) => ({ 'if-match': `"${(await h.call('GET', `/api/v1/namespaces/${NS}`)).json.revision as number}"` });

const req = (def: RouteDef, params: Record<string, string | number> = {}, body?: unknown, headers: Record<string, string> = {}, query = ''): Req => ({
  method: def.method,
  url: buildPath(def.path, params) + query,
  ...(body !== undefined ? { body } : {}),
  headers,
});

let unique = 0;
export const uniqueName = (prefix: string): string => `${prefix}-${++unique}`;

const r = table.routes;
const sr = table.serviceRoutes;

/** Namespace mutations with an If-Match on what the contract pins (version or revision): the same precondition for every variant. */
function nsMutation(def: RouteDef, body: (variant: number, h: Harness) => Promise<unknown> | unknown, setup?: (h: Harness) => Promise<void>): RouteFactory {
  const ifMatch = def.precondition === 'namespace-revision' ? ifMatchRevision : ifMatchVersion;
  return {
    prepare: async (h) => {
      await setup?.(h);
      return async (variant) => req(def, { ns: NS }, await body(variant, h), await ifMatch(h));
    },
    ok: 200,
    race: 'one-wins',
  };
}

const read = (def: RouteDef, params: Record<string, string | number> = {}, query = ''): RouteFactory => ({
  prepare: async () => async () => req(def, params, undefined, {}, query),
  ok: 200,
});

const registryFactories: Record<string, RouteFactory> = {
  listNamespaces: read(r.listNamespaces),
  createNamespace: {
    prepare: async () => {
      const name = uniqueName('created');
      const features = FEATURES.map((f) => ({ ...f, key: f.key.replace(`::${NS}::`, `::${name}::`) }));
      return async (variant) => req(r.createNamespace, {}, { name, features, description: `variant ${variant}`, reason: `create ${variant}` });
    },
    ok: 201,
    race: 'one-wins',
  },
  getNamespace: read(r.getNamespace, { ns: NS }),
  putFeatures: nsMutation(r.putFeatures, (variant) => ({
    features: FEATURES.map((f) => ({ ...f, description: `declared by variant ${variant}` })),
    reason: `features ${variant}`,
  })),
  listVersions: read(r.listVersions, { ns: NS }, '?limit=2'),
  getVersion: read(r.getVersion, { ns: NS, version: 1 }),
  diff: read(r.diff, { ns: NS }, '?from=1&to=2'),
  validate: {
    prepare: async () => async (variant) => req(r.validate, { ns: NS }, { snapshot: snapshot(30 + variant) }),
    ok: 200,
  },
  load: nsMutation(r.load, (variant) => ({ snapshot: snapshot(40 + variant, { meta: { source: `variant ${variant}` } }), reason: `load ${variant}` })),
  patch: nsMutation(r.patch, (variant) => ({
    patch: { flags: [{ key: key('variant'), defaultValue: { type: 'ENUM', value: variant % 2 ? 'CLASSIC' : 'EXPRESS', enumClassName: 'com.example.Variant' } }] },
    reason: `patch ${variant}`,
  })),
  rollback: nsMutation(r.rollback, (variant) => ({ steps: 1, reason: `rollback ${variant}` }), async (h) => {
    await loadSeries(h, 55);
  }),
  restore: nsMutation(r.restore, (variant) => ({ version: 1 + (variant % 2), reason: `restore ${variant}` })),
  killSwitch: nsMutation(r.killSwitch, async (variant, h) => {
    const on = (await h.call('GET', `/api/v1/namespaces/${NS}`)).json.killSwitch as { enabled: boolean };
    return { enabled: !on.enabled, reason: `kill switch ${variant}` };
  }),
  listEvents: read(r.listEvents, {}, '?limit=5'),
  me: read(r.me),
  createSession: {
    prepare: async () => async () => req(r.createSession, {}, { token: ADMIN_SECRET }),
    ok: 200,
  },
  deleteSession: read(r.deleteSession),
  listTokens: read(r.listTokens),
  createToken: {
    prepare: async () => async (variant) => req(r.createToken, {}, { name: uniqueName(`token-${variant}`), role: 'viewer', reason: 'trust test' }),
    ok: 201,
    race: 'independent',
    replay: 'conflict-without-secret',
  },
  revokeToken: {
    prepare: async (h) => {
      const created = await h.call('POST', '/api/v1/tokens', { body: { name: uniqueName('to-revoke'), role: 'viewer', reason: 'to revoke' } });
      const id = (created.json.token as { id: string }).id;
      return async (variant) => req(r.revokeToken, { id }, { reason: `revoke ${variant}` });
    },
    ok: 200,
    race: 'one-wins',
  },
};

const serviceFactories: Record<string, RouteFactory> = {
  stream: read(sr.stream),
  openapi: read(sr.openapi),
  appSnapshot: read(sr.appSnapshot, { ns: NS }),
  appWatch: read(sr.appWatch, { ns: NS }),
  health: read(sr.health),
  metrics: read(sr.metrics),
};

export const factories: Record<string, RouteFactory> = { ...registryFactories, ...serviceFactories, ...rolloutFactories, ...insightFactories };

export function factoryOf(route: NamedRoute): RouteFactory {
  const f = factories[route.name];
  if (!f) throw new Error(`no valid-request factory for route ${route.name} (${route.def.method} ${route.def.path}): add one to server/trust/route-cases.ts`);
  return f;
}

/** Sends a Req through the harness (admin bearer token unless `token` says otherwise). */
export function send(h: Harness, q: Req, extra: { token?: string | null; headers?: Record<string, string> } = {}): Promise<Reply> {
  return h.call(q.method, q.url, {
    ...(extra.token !== undefined ? { token: extra.token } : {}),
    ...(q.body !== undefined ? { body: q.body } : {}),
    headers: { ...q.headers, ...extra.headers },
  });
}
