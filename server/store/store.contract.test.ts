/**
 * The Store contract, run against every engine (only SQLite today; the PostgreSQL engine joins
 * this list). The registry relies on exactly these properties.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite';
import type { NamespaceChange, NewVersion, Store } from './types';

interface Engine {
  name: string;
  open: (dir: string) => Store;
}

const engines: Engine[] = [{ name: 'sqlite', open: (dir) => new SqliteStore(join(dir, 'store.db')) }];

const AT = '2026-03-01T12:00:00.000Z';
const SINCE = '2026-02-22T12:00:00.000Z';

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

const event = (action: 'namespace.create' | 'snapshot.load' | 'snapshot.rollback', from: number | null, to: number) => ({
  at: AT,
  namespace: 'ns',
  actor: 'tester',
  action,
  reason: 'r',
  fromVersion: from,
  toVersion: to,
  details: {},
});

const respond = () => ({ status: 200, body: { ok: true } });

const create: NamespaceChange = {
  namespace: 'ns',
  expectedRevision: null,
  create: { description: null, createdAt: AT },
  features: [],
  version: version(1, null),
  event: event('namespace.create', null, 1),
};

describe.each(engines)('Store contract: $name', (engine) => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-store-'));
    store = engine.open(dir);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const load = (expectedRevision: number, n: number, parent: number) =>
    store.commitNamespaceChange(
      { namespace: 'ns', expectedRevision, version: version(n, parent), activeVersion: n, event: event('snapshot.load', parent, n) },
      respond,
      SINCE,
    );

  it('creates once; a second create reports exists', async () => {
    expect((await store.commitNamespaceChange(create, respond, SINCE)).kind).toBe('committed');
    expect((await store.commitNamespaceChange(create, respond, SINCE)).kind).toBe('exists');
    const state = await store.getNamespace('ns', SINCE);
    expect(state?.namespace).toMatchObject({ activeVersion: 1, latestVersion: 1, revision: 1 });
    expect(state?.active.content).toBe('{"flags":[],"n":1}');
  });

  it('compare-and-set: a stale revision writes nothing', async () => {
    await store.commitNamespaceChange(create, respond, SINCE);
    expect((await load(1, 2, 1)).kind).toBe('committed');
    const stale = await load(1, 3, 1);
    expect(stale.kind).toBe('conflict');
    expect((await store.getNamespace('ns', SINCE))?.namespace).toMatchObject({ activeVersion: 2, latestVersion: 2, revision: 2 });
    expect((await store.listVersions('ns', { limit: 10 }))?.total).toBe(2);
    expect((await store.listEvents({ limit: 10 })).length).toBe(2);
    expect((await store.commitNamespaceChange({ ...create, expectedRevision: 1 }, respond, SINCE)).kind).toBe('conflict');
    expect((await load(5, 3, 2)).kind).toBe('conflict');
    expect(
      (await store.commitNamespaceChange({ ...create, namespace: 'missing', expectedRevision: 1, create: undefined }, respond, SINCE)).kind,
    ).toBe('missing');
  });

  it('a failure inside the transaction (the response builder throws) rolls everything back', async () => {
    await store.commitNamespaceChange(create, respond, SINCE);
    const boom = () => {
      throw new Error('boom');
    };
    await expect(
      store.commitNamespaceChange(
        { namespace: 'ns', expectedRevision: 1, version: version(2, 1), activeVersion: 2, event: event('snapshot.load', 1, 2) },
        boom,
        SINCE,
      ),
    ).rejects.toThrow('boom');
    expect((await store.getNamespace('ns', SINCE))?.namespace.revision).toBe(1);
    expect((await store.listVersions('ns', { limit: 10 }))?.total).toBe(1);
    expect((await store.listEvents({ limit: 10 })).length).toBe(1);
  });

  it('records the idempotent response in the same transaction and replays it', async () => {
    const claim = { tokenId: 't1', key: 'k', fingerprint: 'f' };
    await store.commitNamespaceChange({ ...create, idempotency: claim }, () => ({ status: 201, body: { first: true } }), SINCE);
    expect(await store.getIdempotency('t1', 'k')).toMatchObject({ status: 201, body: { first: true }, fingerprint: 'f' });
    const again = await store.commitNamespaceChange(
      { namespace: 'ns', expectedRevision: 1, version: version(2, 1), activeVersion: 2, event: event('snapshot.load', 1, 2), idempotency: claim },
      respond,
      SINCE,
    );
    expect(again.kind).toBe('replay');
    expect((await store.getNamespace('ns', SINCE))?.namespace.revision).toBe(1);
    expect(await store.getIdempotency('t2', 'k')).toBeNull();
  });

  it('rollback: moves the pointer, marks discarded versions by the event, walks the active chain', async () => {
    await store.commitNamespaceChange(create, respond, SINCE);
    await load(1, 2, 1);
    await load(2, 3, 2);
    expect((await store.activeChain('ns', 3, 10)).map((v) => v.version)).toEqual([3, 2, 1]);
    expect((await store.activeChain('ns', 3, 2)).map((v) => v.version)).toEqual([3, 2]);
    const rb = await store.commitNamespaceChange(
      { namespace: 'ns', expectedRevision: 3, activeVersion: 1, discard: [3, 2], event: event('snapshot.rollback', 3, 1) },
      respond,
      SINCE,
    );
    if (rb.kind !== 'committed') throw new Error(rb.kind);
    expect(rb.committed.state.namespace).toMatchObject({ activeVersion: 1, latestVersion: 3 });
    expect(rb.committed.state.rollbacks7d).toBe(1);
    const page = await store.listVersions('ns', { limit: 10 });
    expect(page?.activeVersion).toBe(1);
    expect(page?.items.map((v) => v.discardedBy?.eventId ?? null)).toEqual([rb.committed.event.id, rb.committed.event.id, null]);
    expect(await store.lastEventReaching('ns', 1)).toBe(rb.committed.event.id);
    expect(await store.lastEventReaching('ns', 3)).toBe(3);
  });

  it('keeps acknowledged writes across close and reopen, and migrates once', async () => {
    await store.commitNamespaceChange(create, respond, SINCE);
    await load(1, 2, 1);
    await store.close();
    store = engine.open(dir);
    expect((await store.getNamespace('ns', SINCE))?.namespace.activeVersion).toBe(2);
    expect((await store.listNamespaces(SINCE)).map((s) => s.namespace.name)).toEqual(['ns']);
  });

  it('tokens, sessions and meta', async () => {
    const token = { id: 'tok_1', name: 'n', role: 'viewer' as const, secretHash: 'h', createdAt: AT, createdBy: 'me', lastUsedAt: null, expiresAt: null, revokedAt: null };
    await store.insertToken(token);
    expect(await store.getTokenByHash('h')).toEqual(token);
    await store.createSession({ idHash: 's', tokenId: 'tok_1', createdAt: AT, expiresAt: '2026-03-02T00:00:00.000Z' });
    expect((await store.getSession('s'))?.tokenId).toBe('tok_1');
    expect(await store.purgeSessions('2026-03-03T00:00:00.000Z')).toBe(1);
    expect(await store.getSession('s')).toBeNull();
    await store.setMeta('k', 'v1');
    await store.setMeta('k', 'v2');
    expect(await store.getMeta('k')).toBe('v2');
  });
});

describe('SQLite engine specifics', () => {
  it('runs in WAL mode with synchronous=FULL and records migrations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-store-'));
    const store = new SqliteStore(join(dir, 's.db'));
    await store.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dir, 's.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version)).toEqual([1, 2]);
    db.close();
    const reopened = new SqliteStore(join(dir, 's.db'));
    await reopened.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
