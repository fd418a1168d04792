/**
 * Test harness: a real app on a real SQLite file in a temporary directory (or, in the `pg` project,
 * a fresh database on the run's throw-away PostgreSQL cluster), with a movable clock.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@contract/schemas';
import { Client, escapeIdentifier } from 'pg';
import { buildApp, type BuiltApp } from '../app';
import type { Config } from '../config';
import { leaseDatabase, pgServer } from './engine';

export const ADMIN_SECRET = 'test-admin-secret-0123456789';
export const FIXTURES = new URL('../../../shared/fixtures/konditional/', import.meta.url);

export const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  // Tests read loosely shaped JSON; each assertion says what it expects.
  json: Record<string, unknown> & { error?: { code: string; message: string; path?: string; details?: Record<string, unknown> } };
}

export interface Call {
  token?: string | null;
  body?: unknown;
  /** Sent as is (not JSON-encoded). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface Harness extends BuiltApp {
  dir: string;
  dbPath: string;
  /** The PostgreSQL database of this app (`pg` project), or null (SQLite at dbPath). */
  databaseUrl: string | null;
  now: () => Date;
  advance: (ms: number) => void;
  call: (method: string, url: string, c?: Call) => Promise<Reply>;
  /** A token with this role, created through the API. */
  token: (role: Role, name?: string) => Promise<string>;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  heartbeatMs?: number;
  guardsIntervalMs?: number;
  /** PostgreSQL: the safety poll of the event log (5 s); 0 turns it off. */
  replicationPollMs?: number;
}

const logger = () => (process.env.SWITCHYARD_TEST_LOG ? { level: 'warn' } : false);

function buildOptions(options: HarnessOptions) {
  return {
    logger: logger(),
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.replicationPollMs !== undefined ? { replicationPollMs: options.replicationPollMs } : {}),
    // The guards timer is off unless a test asks for it; tests call services.guards.tick() instead.
    guardsIntervalMs: options.guardsIntervalMs ?? 0,
  };
}

export async function harness(overrides: Partial<Config> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-test-'));
  const server = pgServer();
  const database = server ? await leaseDatabase(server, 'sy_test') : null;
  let now = new Date('2026-03-01T12:00:00.000Z');
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'data', 'switchyard.db'),
    databaseUrl: database?.url ?? null,
    demo: false,
    adminToken: ADMIN_SECRET,
    staticDir: join(dir, 'no-dist'),
    bodyLimit: 256 * 1024,
    simulator: false,
    simSpeed: 0.5,
    ...overrides,
  };
  const built = await buildApp({ config, clock: () => now, ...buildOptions(options) });
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
  return harnessOf(built, config, dir, clock, async () => {
    await built.app.close();
    rmSync(dir, { recursive: true, force: true });
    await database?.release();
  });
}

/**
 * Another server on the same PostgreSQL database and the same clock: a second replica in this
 * process (the `pg` project). Close it before the harness it was made from.
 */
export async function replicaOf(h: Harness, options: HarnessOptions = {}): Promise<Harness> {
  if (h.databaseUrl === null) throw new Error('replicas share a PostgreSQL database: run in the pg project');
  const config = h.services.config;
  const built = await buildApp({ config, clock: h.now, ...buildOptions(options) });
  return harnessOf(built, config, h.dir, { now: h.now, advance: h.advance }, () => built.app.close());
}

function harnessOf(built: BuiltApp, config: Config, dir: string, clock: Pick<Harness, 'now' | 'advance'>, close: () => Promise<void>): Harness {
  const call = async (method: string, url: string, c: Call = {}): Promise<Reply> => {
    const headers: Record<string, string> = { ...c.headers };
    const token = c.token === undefined ? ADMIN_SECRET : c.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (c.raw !== undefined) payload = c.raw;
    else if (c.body !== undefined) payload = JSON.stringify(c.body);
    if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const res = await built.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
    let json: Reply['json'] = {};
    try {
      json = JSON.parse(res.body) as Reply['json'];
    } catch {
      // not JSON (CSV, metrics, 304)
    }
    return { status: res.statusCode, headers: res.headers, body: res.body, json };
  };
  let n = 0;
  return {
    ...built,
    dir,
    dbPath: config.dbPath,
    databaseUrl: config.databaseUrl ?? null,
    now: clock.now,
    advance: clock.advance,
    call,
    token: async (role, name) => {
      const r = await call('POST', '/api/v1/tokens', { body: { name: name ?? `${role}-${++n}`, role, reason: 'test' } });
      if (r.status !== 201) throw new Error(`token creation failed: ${r.body}`);
      return r.json.secret as string;
    },
    close,
  };
}

// ---------- snapshots for tests ----------

export const NS = 'checkout';
export const key = (name: string, ns = NS) => `feature::${ns}::${name}`;

export const FEATURES = [
  { key: key('darkMode'), type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: false } },
  { key: key('apiEndpoint'), type: 'STRING', defaultValue: { type: 'STRING', value: 'https://api.example.com' } },
  {
    key: key('variant'),
    type: 'ENUM',
    enumValues: ['CLASSIC', 'EXPRESS'],
    defaultValue: { type: 'ENUM', value: 'CLASSIC', enumClassName: 'com.example.Variant' },
  },
];

export const boolFlag = (name: string, value: boolean, rampUp = 100) => ({
  key: key(name),
  defaultValue: { type: 'BOOLEAN', value: false },
  rules: [{ value: { type: 'BOOLEAN', value }, rampUp }],
});

/** A valid snapshot for FEATURES whose darkMode rule ramps to `rampUp`. */
export const snapshot = (rampUp: number, extra: Record<string, unknown> = {}) => ({
  ...extra,
  flags: [
    boolFlag('darkMode', true, rampUp),
    { key: key('apiEndpoint'), defaultValue: { type: 'STRING', value: 'https://api.example.com' } },
  ],
});

export async function createNamespace(h: Harness, name = NS): Promise<Reply> {
  const features = name === NS ? FEATURES : FEATURES.map((f) => ({ ...f, key: f.key.replace(`::${NS}::`, `::${name}::`) }));
  const r = await h.call('POST', '/api/v1/namespaces', { body: { name, features, reason: 'set up' } });
  if (r.status !== 201) throw new Error(`namespace creation failed: ${r.body}`);
  return r;
}

/** POST a mutation with If-Match. */
export const mutate = (h: Harness, action: string, body: unknown, ifMatch: string | number, extra: Call = {}) =>
  h.call('POST', `/api/v1/namespaces/${NS}/${action}`, {
    ...extra,
    body,
    headers: { 'if-match': typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch, ...extra.headers },
  });

/** Loads snapshots with rampUps r1, r2, …; returns the last response. */
export async function loadSeries(h: Harness, ...rampUps: number[]): Promise<Reply> {
  let last: Reply | undefined;
  for (const r of rampUps) {
    last = await mutate(h, 'load', { snapshot: snapshot(r), reason: `ramp to ${r}` }, '*');
    if (last.status !== 200) throw new Error(`load failed: ${last.body}`);
  }
  if (!last) throw new Error('no loads');
  return last;
}

/** Every row of every registry table, read through a separate connection: "nothing changed" means this is equal. */
export async function dumpDb(h: Harness): Promise<Record<string, unknown[]>> {
  if (h.databaseUrl !== null) return dumpPg(h.databaseUrl, ['namespaces', 'versions', 'events', 'idempotency', 'tokens']);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(h.dbPath, { readonly: true });
  try {
    const tables = ['namespaces', 'versions', 'events', 'idempotency', 'tokens'];
    // last_used_at is usage bookkeeping that every authenticated request may touch, not state.
    const rows = (t: string) =>
      (db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[]).map(({ last_used_at: _u, ...r }) => r);
    return Object.fromEntries(tables.map((t) => [t, rows(t)]));
  } finally {
    db.close();
  }
}

/** The PostgreSQL version of a dump: the rows of `tables` (ordered by content), through a separate connection. */
export async function dumpPg(url: string, tables: readonly string[]): Promise<Record<string, unknown[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const rows = (await client.query<Record<string, unknown>>(`SELECT * FROM ${escapeIdentifier(t)}`)).rows.map(({ last_used_at: _u, ...r }) => r);
      out[t] = rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    }
    return out;
  } finally {
    await client.end();
  }
}
