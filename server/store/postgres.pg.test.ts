/**
 * What only the PostgreSQL engine has to prove (the shared semantics are in store.contract.test.ts):
 * migrations applied once when several replicas start at once, event ids handed out in commit
 * order, NOTIFY sent exactly for committed events, a bootstrap token inserted once by racing
 * replicas.
 */
import { Client } from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgServer } from '../test/engine';
import { createDatabase, dropDatabase } from '../test/pg-cluster';
import { pgMigrations } from './postgres-migrations';
import { PostgresStore } from './postgres';
import { EVENTS_CHANNEL, insertEvent } from './postgres-rows';
import type { NamespaceChange, NewVersion, Store } from './types';

const server = pgServer();
if (!server) throw new Error('postgres.pg.test.ts runs in the pg project (npm run test:pg)');

const AT = '2026-03-01T12:00:00.000Z';
const SINCE = '2026-02-22T12:00:00.000Z';
const respond = () => ({ status: 200, body: { ok: true } });

const version = (n: number, parent: number | null): NewVersion => ({
  version: n,
  kind: n === 1 ? 'create' : 'load',
  author: 'tester',
  reason: `v${n}`,
  createdAt: AT,
  content: `{"flags":[],"n":${n}}`,
  hash: `hash-${n}`,
  meta: null,
  flagCount: 0,
  parentVersion: parent,
  sourceVersion: null,
});

const createNs = (name: string): NamespaceChange => ({
  namespace: name,
  expectedRevision: null,
  create: { description: null, createdAt: AT },
  features: [],
  version: version(1, null),
  event: { at: AT, namespace: name, actor: 'tester', action: 'namespace.create', reason: 'r', fromVersion: null, toVersion: 1, details: {} },
});

const load = (s: Store, ns: string, revision: number, n: number, onRespond: () => void = () => {}) =>
  s.commitNamespaceChange(
    {
      namespace: ns,
      expectedRevision: revision,
      version: version(n, n - 1),
      activeVersion: n,
      event: { at: AT, namespace: ns, actor: 'tester', action: 'snapshot.load', reason: 'r', fromVersion: n - 1, toVersion: n, details: {} },
    },
    () => {
      onRespond();
      return respond();
    },
    SINCE,
  );

/** Bounded polling: resolves when `check` holds, fails after `ms`. */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let db: { name: string; url: string };
const open: Store[] = [];
const clients: Client[] = [];
beforeEach(async () => {
  db = await createDatabase(server, 'sy_pg');
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const c of clients.splice(0)) await c.end();
  await dropDatabase(server, db.name);
});
const store = async () => {
  const s = await PostgresStore.open(db.url);
  open.push(s);
  return s;
};
const client = async () => {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  clients.push(c);
  return c;
};

describe('PostgreSQL engine', () => {
  it('four replicas starting at once on an empty database apply each migration once', async () => {
    await Promise.all([store(), store(), store(), store()]);
    const c = await client();
    const rows = (await c.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows;
    expect(rows.map((r) => r.version)).toEqual(pgMigrations.map((m) => m.version));
    // Starting again applies nothing.
    await store();
    expect((await c.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]).toEqual({ n: pgMigrations.length });
  });

  it('hands out event ids in commit order: a commit that drew no id yet waits for one that did', async () => {
    const a = await store();
    const b = await store();
    await a.commitNamespaceChange(createNs('one'), respond, SINCE);
    await a.commitNamespaceChange(createNs('two'), respond, SINCE);
    // A transaction of replica A appends its event, then stays open until released.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let firstId = 0;
    const first = a.db.write(async (tx) => {
      firstId = (await insertEvent(tx, { at: AT, namespace: 'one', actor: 'tester', action: 'snapshot.load', reason: 'held', fromVersion: 1, toVersion: 1, details: {} })).id;
      await held;
    });
    await until(async () => firstId > 0, 10_000, 'the first event');
    // Replica B commits a change of another namespace meanwhile: it must queue behind A's event.
    const second = load(b, 'two', 1, 2);
    const c = await client();
    await until(
      async () => ((await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rows[0]?.n ?? 0) >= 1,
      10_000,
      'the second commit to wait for the events lock',
    );
    expect((await b.eventsAfter(firstId - 1, 10)).map((e) => e.id)).toEqual([]);
    release();
    await first;
    const outcome = await second;
    if (outcome.kind !== 'committed') throw new Error(outcome.kind);
    expect(outcome.committed.event.id).toBeGreaterThan(firstId);
    expect((await b.eventsAfter(0, 10)).map((e) => e.id)).toEqual([1, 2, firstId, outcome.committed.event.id]);
  });

  it('announces each committed event with NOTIFY (payload: its id), and nothing for a change that rolled back', async () => {
    const s = await store();
    const listener = await client();
    const heard: string[] = [];
    listener.on('notification', (m) => heard.push(m.payload ?? ''));
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    const created = await s.commitNamespaceChange(createNs('ns'), respond, SINCE);
    if (created.kind !== 'committed') throw new Error(created.kind);
    await expect(
      load(s, 'ns', 1, 2, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const loaded = await load(s, 'ns', 1, 2);
    if (loaded.kind !== 'committed') throw new Error(loaded.kind);
    await until(async () => heard.length >= 2, 5_000, 'two notifications');
    expect(heard).toEqual([String(created.committed.event.id), String(loaded.committed.event.id)]);
    // The rolled-back change drew an id that never became an event.
    expect(loaded.committed.event.id).toBe(created.committed.event.id + 2);
  });

  it('two replicas bootstrapping the same admin secret at once insert one token', async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const token = (id: string) => ({ id, name: 'bootstrap-admin', role: 'admin' as const, secretHash: 'same-hash', createdAt: AT, createdBy: 'system', lastUsedAt: null, expiresAt: null, revokedAt: null });
    await Promise.all([a.insertToken(token('tok_a')), b.insertToken(token('tok_b'))]);
    const tokens = await a.listTokens();
    expect(tokens).toHaveLength(1);
    expect(await b.getTokenByHash('same-hash')).toEqual(tokens[0]);
  });

  it('orders text as bytes whatever the database locale ("C" collation), as SQLite does', async () => {
    // A database whose default collation (ICU, en-US) would sort a < A < b < B.
    const icu = await createDatabase(server, 'sy_icu', 'template0', "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
    const s = await PostgresStore.open(icu.url);
    open.push(s);
    for (const name of ['b', 'B', 'a', '_x', 'A']) await s.commitNamespaceChange(createNs(name), respond, SINCE);
    expect((await s.listNamespaces(SINCE)).map((n) => n.namespace.name)).toEqual(['A', 'B', '_x', 'a', 'b']);
    await s.close();
    open.splice(open.indexOf(s), 1);
    await dropDatabase(server, icu.name);
  });
});
