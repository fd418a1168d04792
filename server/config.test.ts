import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_BODY_LIMIT, loadConfig } from './config';
import { ensureBootstrapAdmin } from './auth/bootstrap';
import { hashSecret } from './auth/secrets';
import { SqliteStore } from './store/sqlite';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dbPath: resolve('./data/switchyard.db'),
      databaseUrl: null,
      pgPoolSize: 10,
      demo: false,
      adminToken: null,
      staticDir: resolve('./dist'),
      bodyLimit: DEFAULT_BODY_LIMIT,
      simulator: false,
      simSpeed: 0.5,
    });
  });

  it('reads the environment', () => {
    const c = loadConfig({ PORT: '9000', HOST: '0.0.0.0', SWITCHYARD_DEMO: '1', SWITCHYARD_BODY_LIMIT: '2048', SWITCHYARD_ADMIN_TOKEN: 'a-long-admin-secret' });
    expect(c).toMatchObject({ port: 9000, host: '0.0.0.0', demo: true, bodyLimit: 2048, adminToken: 'a-long-admin-secret' });
    expect(loadConfig({ SWITCHYARD_SIMULATOR: '1', SWITCHYARD_SIM_SPEED: '2.5' })).toMatchObject({ simulator: true, simSpeed: 2.5 });
  });

  it('DATABASE_URL chooses the PostgreSQL engine (with its pool size); anything but a PostgreSQL URL is refused clearly', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: null, pgPoolSize: 10 });
    expect(loadConfig({ DATABASE_URL: ' postgres://sy@db:5432/switchyard ', SWITCHYARD_PG_POOL: '25' })).toMatchObject({
      databaseUrl: 'postgres://sy@db:5432/switchyard',
      pgPoolSize: 25,
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/sy' }).databaseUrl).toBe('postgresql://db/sy');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/sy' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: './data/switchyard.db' })).toThrow(/PostgreSQL connection URL/);
    expect(() => loadConfig({ SWITCHYARD_PG_POOL: '0' })).toThrow(/SWITCHYARD_PG_POOL/);
  });

  it('refuses nonsense', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ SWITCHYARD_DEMO: 'maybe' })).toThrow(/SWITCHYARD_DEMO/);
    expect(() => loadConfig({ SWITCHYARD_ADMIN_TOKEN: 'short' })).toThrow(/at least 16/);
    expect(() => loadConfig({ SWITCHYARD_SIM_SPEED: '0' })).toThrow(/SWITCHYARD_SIM_SPEED/);
    expect(() => loadConfig({ SWITCHYARD_SIMULATOR: 'sometimes' })).toThrow(/SWITCHYARD_SIMULATOR/);
  });
});

describe('bootstrap admin', () => {
  const clock = () => new Date('2026-03-01T12:00:00.000Z');

  it('generates a secret on first start, writes it with mode 0600 and stores only its hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-boot-'));
    const dbPath = join(dir, 'db.sqlite');
    const store = new SqliteStore(dbPath);
    const first = await ensureBootstrapAdmin(store, clock, { adminToken: null, dbPath });
    expect(first.generatedSecret).toMatch(/^sy_/);
    expect(first.secretFile).toBe(`${dbPath}.admin-token`);
    expect(readFileSync(`${dbPath}.admin-token`, 'utf8').trim()).toBe(first.generatedSecret);
    expect(statSync(`${dbPath}.admin-token`).mode & 0o777).toBe(0o600);
    const token = await store.getToken(first.tokenId);
    expect(token).toMatchObject({ role: 'admin', name: 'bootstrap-admin', secretHash: hashSecret(first.generatedSecret ?? '') });
    const raw = readFileSync(dbPath);
    expect(raw.includes(Buffer.from(first.generatedSecret ?? ''))).toBe(false);

    const second = await ensureBootstrapAdmin(store, clock, { adminToken: null, dbPath });
    expect(second).toMatchObject({ tokenId: first.tokenId, generatedSecret: null, secretFile: `${dbPath}.admin-token` });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses SWITCHYARD_ADMIN_TOKEN when set, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-boot-'));
    const dbPath = join(dir, 'db.sqlite');
    const store = new SqliteStore(dbPath);
    const a = await ensureBootstrapAdmin(store, clock, { adminToken: 'env-admin-secret-123', dbPath });
    const b = await ensureBootstrapAdmin(store, clock, { adminToken: 'env-admin-secret-123', dbPath });
    expect(b.tokenId).toBe(a.tokenId);
    expect((await store.getTokenByHash(hashSecret('env-admin-secret-123')))?.role).toBe('admin');
    expect(existsSync(`${dbPath}.admin-token`)).toBe(false);
    expect((await store.listTokens()).length).toBe(1);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
