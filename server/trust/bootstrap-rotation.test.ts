/**
 * S6: rotating the bootstrap admin token, by the documented procedure (README, "Security"):
 * create a new admin token, revoke the bootstrap one. The old secret and its sessions stop at
 * once, and a restart never brings the old secret back, even if it is still in the environment.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CreatedToken } from '@contract/schemas';
import { buildApp, type BuiltApp } from '../app';
import type { Config } from '../config';
import { ADMIN_SECRET, harness, type Harness } from '../test/harness';

let h: Harness;
const extra: BuiltApp[] = [];
afterEach(async () => {
  for (const b of extra.splice(0)) await b.app.close();
  rmSync(dirname(dirname(h.dbPath)), { recursive: true, force: true });
});

const as = (app: BuiltApp['app'], secret: string, url = '/api/v1/me') => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });

async function restart(adminToken: string | null): Promise<BuiltApp> {
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dbPath: h.dbPath,
    demo: false,
    adminToken,
    staticDir: '/nonexistent',
    bodyLimit: 256 * 1024,
  };
  const built = await buildApp({ config, clock: h.now });
  extra.push(built);
  return built;
}

describe('rotating the bootstrap admin token', () => {
  it('create a new admin token, revoke the bootstrap one: the old secret and its sessions stop, and stay stopped', async () => {
    h = await harness();
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ token: ADMIN_SECRET }) });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';

    const created = CreatedToken.parse((await h.call('POST', '/api/v1/tokens', { body: { name: 'admin-2026', role: 'admin', reason: 'rotate the bootstrap token' } })).json);
    const revoke = await h.call('POST', `/api/v1/tokens/${h.bootstrap.tokenId}/revoke`, { token: created.secret, body: { reason: 'rotated' } });
    expect(revoke.status).toBe(200);

    expect((await as(h.app, ADMIN_SECRET)).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await as(h.app, created.secret)).json()).toMatchObject({ actor: 'admin-2026', role: 'admin' });
    await h.app.close();

    // Restarted with the old secret still in SWITCHYARD_ADMIN_TOKEN: it stays revoked, and says so.
    const stale = await restart(ADMIN_SECRET);
    expect(stale.bootstrap.unusable).toBe(true);
    expect((await as(stale.app, ADMIN_SECRET)).statusCode).toBe(401);
    expect((await as(stale.app, created.secret)).statusCode).toBe(200);
    await stale.app.close();
    extra.pop();

    // Restarted with the new secret in SWITCHYARD_ADMIN_TOKEN: it is the bootstrap token now, no new token is made.
    const fresh = await restart(created.secret);
    expect([fresh.bootstrap.tokenId, fresh.bootstrap.unusable]).toEqual([created.token.id, false]);
    const tokens = (await as(fresh.app, created.secret, '/api/v1/tokens')).json() as { items: { name: string; role: string; revokedAt: string | null }[] };
    expect(tokens.items.filter((t) => t.role === 'admin' && t.revokedAt === null).map((t) => t.name)).toEqual(['admin-2026']);
    // A one-time login link for the bootstrap token works again.
    const code = fresh.services.loginCodes.issue(fresh.bootstrap.tokenId);
    const byCode = await fresh.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ code }) });
    expect(byCode.statusCode).toBe(200);
  });
});
