/** Authentication, roles, CSRF for cookie sessions, sessions and tokens. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes, serviceRoutes, buildPath, type RouteDef } from '@contract/routes';
import { CreatedToken, MeSchema, TokenSchema } from '@contract/schemas';
import { createNamespace, dumpDb, FEATURES, harness, loadSeries, mutate, NS, snapshot, type Harness } from '../test/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createNamespace(h);
  await loadSeries(h, 10);
});
afterEach(async () => h.close());

/** A valid body for each route that takes one, so a refusal can only come from authorization. */
const VALID_BODIES: Record<string, unknown> = {
  createNamespace: { name: 'other', features: [], reason: 'x' },
  putFeatures: { features: FEATURES, reason: 'x' },
  validate: { snapshot: snapshot(20) },
  load: { snapshot: snapshot(20), reason: 'x' },
  patch: { patch: { flags: [] }, reason: 'x' },
  rollback: { steps: 1, reason: 'x' },
  restore: { version: 1, reason: 'x' },
  killSwitch: { enabled: true, reason: 'x' },
  createToken: { name: 'x', role: 'admin', reason: 'x' },
  revokeToken: { reason: 'x' },
};

const protectedRoutes = (): [string, RouteDef][] =>
  [...Object.entries(routes), ...Object.entries(serviceRoutes)].filter(([, d]) => d.access !== 'public');

async function callRoute(name: string, def: RouteDef, token: string | null, extraHeaders: Record<string, string> = {}) {
  const url = buildPath(def.path, { ns: NS, version: 1, id: def.path.startsWith('/api/v1/rollouts') ? 'r1' : h.bootstrap.tokenId, reportId: 1 });
  return h.call(def.method, url, {
    token,
    ...(VALID_BODIES[name] !== undefined ? { body: VALID_BODIES[name] } : {}),
    headers: { 'if-match': '*', ...extraHeaders },
  });
}

describe('the auth matrix (every protected endpoint)', () => {
  it('401 without a token or with a bad one, 403 for roles too low; nothing changes', async () => {
    const viewer = await h.token('viewer');
    const operator = await h.token('operator');
    const reporter = await h.token('reporter');
    const before = await dumpDb(h);
    for (const [name, def] of protectedRoutes()) {
      const none = await callRoute(name, def, null);
      expect([name, none.status, none.json.error?.code]).toEqual([name, 401, 'Unauthorized']);
      const bad = await callRoute(name, def, 'sy_not-a-real-token');
      expect([name, bad.status]).toEqual([name, 401]);
      // Reporters may only ingest: every other route refuses them.
      if (def.access === 'reporter') continue;
      const rep = await callRoute(name, def, reporter);
      expect([name, rep.status, rep.json.error?.code]).toEqual([name, 403, 'Forbidden']);
    }
    const forOperators = protectedRoutes().filter(([, d]) => d.access === 'operator' || d.access === 'admin');
    expect(forOperators.length).toBeGreaterThan(8);
    for (const [name, def] of forOperators) {
      expect([name, (await callRoute(name, def, viewer)).status]).toEqual([name, 403]);
    }
    for (const [name, def] of protectedRoutes().filter(([, d]) => d.access === 'admin')) {
      expect([name, (await callRoute(name, def, operator)).status]).toEqual([name, 403]);
    }
    expect(await dumpDb(h)).toEqual(before);
  });

  it('a 403 says which role is needed and which the caller has', async () => {
    const viewer = await h.token('viewer');
    const r = await mutate(h, 'rollback', { steps: 1, reason: 'x' }, '*', { token: viewer });
    expect(r.json.error?.message).toBe('this needs the operator or admin role; your token "viewer-1" has the viewer role');
    const t = await h.call('GET', '/api/v1/tokens', { token: viewer });
    expect(t.json.error?.message).toContain('needs the admin role');
  });

  it('an operator may load, roll back and flip the kill switch, but not manage namespaces or tokens', async () => {
    const operator = await h.token('operator');
    expect((await mutate(h, 'load', { snapshot: snapshot(30), reason: 'x' }, '*', { token: operator })).status).toBe(200);
    expect((await mutate(h, 'rollback', { steps: 1, reason: 'x' }, '*', { token: operator })).status).toBe(200);
    expect((await mutate(h, 'kill-switch', { enabled: true, reason: 'x' }, '*', { token: operator })).status).toBe(200);
    expect((await h.call('GET', '/api/v1/tokens', { token: operator })).status).toBe(403);
    const event = (await h.call('GET', '/api/v1/events?limit=1')).json.items as { actor: string }[];
    expect(event[0]?.actor).toMatch(/^operator-/);
  });

  it('a viewer may read', async () => {
    const viewer = await h.token('viewer');
    for (const url of [`/api/v1/namespaces`, `/api/v1/namespaces/${NS}`, `/api/v1/namespaces/${NS}/versions`, '/api/v1/events', '/api/v1/me']) {
      expect([url, (await h.call('GET', url, { token: viewer })).status]).toEqual([url, 200]);
    }
    expect((await h.call('POST', `/api/v1/namespaces/${NS}/validate`, { token: viewer, body: { snapshot: snapshot(1) } })).status).toBe(200);
  });

  it('401 for a revoked or an expired token; the scheme must be Bearer', async () => {
    const created = CreatedToken.parse(
      (await h.call('POST', '/api/v1/tokens', { body: { name: 'ci', role: 'viewer', expiresAt: '2026-03-02T12:00:00Z', reason: 'ci' } })).json,
    );
    expect((await h.call('GET', '/api/v1/me', { token: created.secret })).status).toBe(200);
    h.advance(25 * 3_600_000);
    const expired = await h.call('GET', '/api/v1/me', { token: created.secret });
    expect(expired.status).toBe(401);
    expect(expired.json.error?.message).toContain('expired');

    const other = await h.token('viewer', 'to-revoke');
    const id = (routes.listTokens.response.parse((await h.call('GET', '/api/v1/tokens')).json).items.find((t) => t.name === 'to-revoke'))?.id;
    expect((await h.call('POST', `/api/v1/tokens/${id}/revoke`, { body: { reason: 'leaked' } })).status).toBe(200);
    const revoked = await h.call('GET', '/api/v1/me', { token: other });
    expect(revoked.status).toBe(401);
    expect(revoked.json.error?.message).toContain('revoked');

    expect((await h.call('GET', '/api/v1/me', { token: null, headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });
});

describe('browser sessions', () => {
  async function login(body: unknown) {
    const r = await h.call('POST', '/api/v1/session', { token: null, body });
    const setCookie = String(r.headers['set-cookie'] ?? '');
    return { r, setCookie, cookie: setCookie.split(';')[0] ?? '' };
  }

  it('exchanges a token for an httpOnly SameSite=Strict cookie that authenticates', async () => {
    const { r, setCookie, cookie } = await login({ token: 'test-admin-secret-0123456789' });
    expect(r.status).toBe(200);
    expect(MeSchema.parse(r.json)).toMatchObject({ actor: 'bootstrap-admin', role: 'admin' });
    expect(setCookie).toMatch(/^sy_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const me = await h.call('GET', '/api/v1/me', { token: null, headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ actor: 'bootstrap-admin' });
  });

  it('cookie-authenticated changes need X-Requested-With: switchyard', async () => {
    const { cookie } = await login({ token: 'test-admin-secret-0123456789' });
    const before = await dumpDb(h);
    const bare = await mutate(h, 'rollback', { steps: 1, reason: 'csrf?' }, '*', { token: null, headers: { cookie } });
    expect(bare.status).toBe(403);
    expect(bare.json.error?.message).toContain('X-Requested-With: switchyard');
    expect(await dumpDb(h)).toEqual(before);
    const ok = await mutate(h, 'rollback', { steps: 1, reason: 'ok' }, '*', {
      token: null,
      headers: { cookie, 'x-requested-with': 'switchyard' },
    });
    expect(ok.status).toBe(200);
    // Bearer requests do not need it.
    expect((await mutate(h, 'load', { snapshot: snapshot(3), reason: 'x' }, '*')).status).toBe(200);
  });

  it('logs out, and sessions expire after 12 hours', async () => {
    const a = await login({ token: 'test-admin-secret-0123456789' });
    const out = await h.call('DELETE', '/api/v1/session', { token: null, headers: { cookie: a.cookie, 'x-requested-with': 'switchyard' } });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await h.call('GET', '/api/v1/me', { token: null, headers: { cookie: a.cookie } })).status).toBe(401);

    const b = await login({ token: 'test-admin-secret-0123456789' });
    h.advance(12 * 3_600_000 + 1000);
    const late = await h.call('GET', '/api/v1/me', { token: null, headers: { cookie: b.cookie } });
    expect(late.status).toBe(401);
    expect(late.json.error?.message).toContain('expired');
  });

  it('logs in once with a one-time code', async () => {
    const code = h.services.loginCodes.issue(h.bootstrap.tokenId);
    const first = await login({ code });
    expect(first.r.status).toBe(200);
    expect(first.cookie).toMatch(/^sy_session=/);
    const again = await login({ code });
    expect(again.r.status).toBe(401);
    const stale = h.services.loginCodes.issue(h.bootstrap.tokenId);
    h.advance(16 * 60_000);
    expect((await login({ code: stale })).r.status).toBe(401);
  });

  it('refuses bad tokens, both or neither credential, and reporter tokens', async () => {
    expect((await login({ token: 'nope' })).r.status).toBe(401);
    expect((await login({})).r.status).toBe(400);
    expect((await login({ token: 'a', code: 'b' })).r.status).toBe(400);
    const reporter = await h.token('reporter');
    expect((await login({ token: reporter })).r.status).toBe(403);
  });
});

describe('token management', () => {
  it('creates a token whose secret is shown once and never listed', async () => {
    const r = await h.call('POST', '/api/v1/tokens', { body: { name: 'deploy bot', role: 'operator', reason: 'pipeline' } });
    expect(r.status).toBe(201);
    const created = CreatedToken.parse(r.json);
    expect(created.secret).toMatch(/^sy_/);
    const list = await h.call('GET', '/api/v1/tokens');
    expect(list.body).not.toContain(created.secret);
    expect(list.body).not.toContain('secret');
    const items = routes.listTokens.response.parse(list.json).items;
    expect(items.find((t) => t.id === created.token.id)).toMatchObject({ name: 'deploy bot', role: 'operator', createdBy: 'bootstrap-admin' });
    expect((await h.call('GET', '/api/v1/me', { token: created.secret })).json).toMatchObject({ role: 'operator', actor: 'deploy bot' });
    const events = (await h.call('GET', '/api/v1/events?action=token.create')).json.items as { details: Record<string, unknown> }[];
    expect(events[0]?.details).toMatchObject({ tokenId: created.token.id, role: 'operator' });
  });

  it('refuses an expiry in the past', async () => {
    const r = await h.call('POST', '/api/v1/tokens', { body: { name: 'x', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z', reason: 'x' } });
    expect(r.status).toBe(400);
    expect(r.json.error?.path).toBe('/expiresAt');
  });

  it('a repeated create with one Idempotency-Key creates one token and does not reveal the secret again', async () => {
    const send = () =>
      h.call('POST', '/api/v1/tokens', { body: { name: 'once', role: 'viewer', reason: 'x' }, headers: { 'idempotency-key': 'tok-1' } });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).not.toContain(String(first.json.secret));
    expect(second.json.error?.message).toContain('shown only once');
    const items = routes.listTokens.response.parse((await h.call('GET', '/api/v1/tokens')).json).items;
    expect(items.filter((t) => t.name === 'once')).toHaveLength(1);
  });

  it('revokes once; revoking again is 409, an unknown id 404', async () => {
    const created = CreatedToken.parse((await h.call('POST', '/api/v1/tokens', { body: { name: 'r', role: 'viewer', reason: 'x' } })).json);
    const r = await h.call('POST', `/api/v1/tokens/${created.token.id}/revoke`, { body: { reason: 'done' } });
    expect(r.status).toBe(200);
    expect(TokenSchema.parse(r.json).revokedAt).toBe(h.now().toISOString());
    expect((await h.call('POST', `/api/v1/tokens/${created.token.id}/revoke`, { body: { reason: 'again' } })).status).toBe(409);
    expect((await h.call('POST', '/api/v1/tokens/tok_nope/revoke', { body: { reason: 'x' } })).status).toBe(404);
    expect((await h.call('POST', '/api/v1/tokens/bad%20id/revoke', { body: { reason: 'x' } })).status).toBe(400);
  });
});
