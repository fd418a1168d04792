/**
 * S6, generated from the route table: every endpoint x {no token, bad token, expired token,
 * revoked token, viewer, reporter, operator, admin}. The expected status comes from the route's
 * `access`: 401 without valid credentials, 403 for a role too low, and the route's success for the
 * others (each call is a valid request, so only authorization can refuse it). Nothing changes on a
 * refusal. Also: cookie sessions cannot change anything without X-Requested-With (every mutating
 * route), the cookie is SameSite=Strict, and no secret is ever written to the database files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@contract/routes';
import { CreatedToken, type Role } from '@contract/schemas';
import { allows } from '../auth/principal';
import { ADMIN_SECRET, harness, type Harness } from '../test/harness';
import { dumpAllTables } from './db-dump';
import { allRoutes, baseState, factoryOf, isStream, type NamedRoute, type Req } from './route-cases';

type Credential = 'none' | 'bad' | 'expired' | 'revoked' | Role;
const CREDENTIALS: Credential[] = ['none', 'bad', 'expired', 'revoked', 'viewer', 'reporter', 'operator', 'admin'];

let h: Harness;
let base: string;
const secrets = new Map<Credential, string | null>();

beforeAll(async () => {
  h = await harness();
  await baseState(h);
  const create = async (role: Role, extra: Record<string, unknown> = {}) =>
    CreatedToken.parse((await h.call('POST', '/api/v1/tokens', { body: { name: `${role}-${secrets.size}`, role, reason: 'access matrix', ...extra } })).json);
  for (const role of ['viewer', 'reporter', 'operator'] as const) secrets.set(role, (await create(role)).secret);
  secrets.set('admin', ADMIN_SECRET);
  secrets.set('none', null);
  secrets.set('bad', 'sy_this-token-does-not-exist');
  const expiring = await create('admin', { expiresAt: new Date(h.now().getTime() + 3_600_000).toISOString() });
  secrets.set('expired', expiring.secret);
  const revoked = await create('admin');
  await h.call('POST', `/api/v1/tokens/${revoked.token.id}/revoke`, { body: { reason: 'access matrix' } });
  secrets.set('revoked', revoked.secret);
  h.advance(2 * 3_600_000);
  base = await h.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => h.close());

function expectedStatus(access: Access, credential: Credential, ok: number): number {
  if (access === 'public') return ok;
  if (credential === 'none' || credential === 'bad' || credential === 'expired' || credential === 'revoked') return 401;
  return allows(credential, access) ? ok : 403;
}

/** Streams stay open: they are requested over a real socket, and only the status is read. */
async function streamCall(q: Req, secret: string | null): Promise<{ status: number; code: string | undefined }> {
  const abort = new AbortController();
  const res = await fetch(base + q.url, { headers: secret === null ? {} : { authorization: `Bearer ${secret}` }, signal: abort.signal });
  if (res.status === 200) {
    abort.abort();
    return { status: 200, code: undefined };
  }
  return { status: res.status, code: ((await res.json()) as { error?: { code?: string } }).error?.code };
}

async function call(route: NamedRoute, q: Req, secret: string | null, headers: Record<string, string> = {}) {
  if (isStream(route.def)) return streamCall(q, secret);
  const res = await h.app.inject({
    method: q.method as 'GET',
    url: q.url,
    headers: {
      ...q.headers,
      ...(secret === null ? {} : { authorization: `Bearer ${secret}` }),
      ...(q.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(q.body !== undefined ? { payload: JSON.stringify(q.body) } : {}),
    // A distinct address per call: failed sign-ins are rate-limited per address.
    remoteAddress: `127.0.9.${(calls++ % 250) + 1}`,
  });
  let code: string | undefined;
  try {
    code = (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: res.statusCode, code };
}
let calls = 0;

describe('S6: the access matrix over every endpoint', () => {
  for (const route of allRoutes()) {
    it(`${route.name} (${route.def.access})`, async () => {
      const f = factoryOf(route);
      const rows: string[] = [];
      for (const credential of CREDENTIALS) {
        const make = await f.prepare(h);
        const q = await make(1);
        const expected = expectedStatus(route.def.access, credential, f.ok);
        const before = expected === f.ok ? null : dumpAllTables(h);
        const got = await call(route, q, secrets.get(credential) ?? null);
        const code = got.status === 401 ? 'Unauthorized' : got.status === 403 ? 'Forbidden' : '';
        if (got.status !== expected || (code && got.code !== code)) rows.push(`${credential}: expected ${expected}, got ${got.status} ${got.code ?? ''}`);
        if (before && JSON.stringify(dumpAllTables(h)) !== JSON.stringify(before)) rows.push(`${credential}: refused, yet the database changed`);
      }
      expect(rows).toEqual([]);
    });
  }
});

describe('S6: cookie sessions', () => {
  async function session() {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ token: ADMIN_SECRET }),
    });
    const setCookie = String(r.headers['set-cookie']);
    return { setCookie, cookie: setCookie.split(';')[0] ?? '' };
  }

  it('the session cookie is httpOnly, SameSite=Strict and scoped to the site', async () => {
    const { setCookie } = await session();
    expect(setCookie).toMatch(/^sy_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const secure = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      payload: JSON.stringify({ token: ADMIN_SECRET }),
    });
    expect(String(secure.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('no change is possible with the cookie alone (every non-GET route), and X-Requested-With is all it needs', async () => {
    const { cookie } = await session();
    const rows: string[] = [];
    for (const route of allRoutes().filter((x) => x.def.method !== 'GET' && x.def.access !== 'public' && x.def.access !== 'reporter')) {
      const f = factoryOf(route);
      const q = await (await f.prepare(h))(1);
      const before = dumpAllTables(h);
      const bare = await call(route, q, null, { cookie });
      if (bare.status !== 403 || JSON.stringify(dumpAllTables(h)) !== JSON.stringify(before)) rows.push(`${route.name}: cookie alone gave ${bare.status}`);
      const withHeader = await call(route, await (await f.prepare(h))(2), null, { cookie, 'x-requested-with': 'switchyard' });
      if (withHeader.status !== f.ok) rows.push(`${route.name}: cookie + X-Requested-With gave ${withHeader.status}`);
    }
    expect(rows).toEqual([]);
    // Signing out with the cookie needs the header too.
    const out = await h.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(out.statusCode).toBe(403);
  });
});

describe('S6: secrets are stored hashed', () => {
  it('no token secret, session id or login code appears anywhere in the database files', async () => {
    const created = CreatedToken.parse((await h.call('POST', '/api/v1/tokens', { body: { name: 'needle', role: 'admin', reason: 'x' } })).json);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ token: created.secret }),
    });
    const sessionId = decodeURIComponent(String(login.headers['set-cookie']).split(';')[0]?.split('=')[1] ?? '');
    const code = h.services.loginCodes.issue(created.token.id);
    const needles = [...secrets.values(), created.secret, sessionId, code].filter((s): s is string => typeof s === 'string' && s.length > 10);
    expect(needles.length).toBeGreaterThanOrEqual(7);
    const dir = dirname(h.dbPath);
    const files = readdirSync(dir).filter((f) => f.startsWith('switchyard.db'));
    expect(files).toContain('switchyard.db');
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(dir, f))));
    const found = needles.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
    expect(found).toEqual([]);
    // The hash is there (so the check above looked at the right bytes).
    const { hashSecret } = await import('../auth/secrets');
    expect(bytes.includes(Buffer.from(hashSecret(created.secret)))).toBe(true);
  });
});
