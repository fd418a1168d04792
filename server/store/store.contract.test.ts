/**
 * The Store contract, run against every engine: SQLite in the `node` project, PostgreSQL in the
 * `pg` project (a fresh database on the run's throw-away cluster per test). The registry relies
 * on exactly these properties, also when two server processes share one database ("replicas":
 * two store instances here).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GATE_THRESHOLDS } from '@core/rollout/gate';
import { migratedDatabase, pgServer } from '../test/engine';
import { dropDatabase } from '../test/pg-cluster';
import { PostgresStore } from './postgres';
import type { RolloutWrite } from './rollout-types';
import { SqliteStore } from './sqlite';
import type { NamespaceChange, NewVersion, Store } from './types';

interface Engine {
  name: string;
  /** A new empty database: where it is. */
  fresh: () => Promise<string>;
  open: (where: string) => Promise<Store>;
  dispose: (where: string) => Promise<void>;
}

const sqlite: Engine = {
  name: 'sqlite',
  fresh: () => Promise.resolve(mkdtempSync(join(tmpdir(), 'switchyard-store-'))),
  open: (dir) => Promise.resolve(new SqliteStore(join(dir, 'store.db'))),
  dispose: (dir) => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
};

const postgres = (server: string): Engine => {
  const names = new Map<string, string>();
  return {
    name: 'postgres',
    fresh: async () => {
      const db = await migratedDatabase(server, 'sy_contract');
      names.set(db.url, db.name);
      return db.url;
    },
    open: (url) => PostgresStore.open(url),
    dispose: (url) => dropDatabase(server, names.get(url) ?? ''),
  };
};

const server = pgServer();
const engines: Engine[] = server ? [postgres(server)] : [sqlite];

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
  let where: string;
  let store: Store;
  /** Second store instances on the same database (other replicas). */
  let others: Store[];
  beforeEach(async () => {
    where = await engine.fresh();
    store = await engine.open(where);
    others = [];
  });
  afterEach(async () => {
    await store.close();
    for (const o of others) await o.close();
    await engine.dispose(where);
  });
  const replica = async () => {
    const o = await engine.open(where);
    others.push(o);
    return o;
  };

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
    store = await engine.open(where);
    expect((await store.getNamespace('ns', SINCE))?.namespace.activeVersion).toBe(2);
    expect((await store.listNamespaces(SINCE)).map((s) => s.namespace.name)).toEqual(['ns']);
  });

  describe('the 7-day change numbers (kept per namespace between reads)', () => {
    const numbers = (s: { changes7d: number; changeFailureRate7d: number | null; rollbacks7d: number } | null | undefined) =>
      s ? { changes: s.changes7d, rate: s.changeFailureRate7d, rollbacks: s.rollbacks7d } : null;
    /** What a store that has read nothing before says: the whole window read afresh. */
    const afresh = async (since = SINCE) => {
      const o = await replica();
      return numbers(await o.getNamespace('ns', since));
    };
    const rollback = (expectedRevision: number, from: number, to: number, discard: number[], at = AT) =>
      store.commitNamespaceChange(
        {
          namespace: 'ns',
          expectedRevision,
          activeVersion: to,
          discard,
          event: { ...event('snapshot.rollback', from, to), at, details: { discarded: discard } },
        },
        respond,
        SINCE,
      );

    it('a rollback is counted at once: in its own response, the next read and the namespace list', async () => {
      await store.commitNamespaceChange(create, respond, SINCE);
      await load(1, 2, 1);
      await load(2, 3, 2);
      expect(numbers(await store.getNamespace('ns', SINCE))).toEqual({ changes: 2, rate: 0, rollbacks: 0 });
      const rb = await rollback(3, 3, 2, [3]);
      if (rb.kind !== 'committed') throw new Error(rb.kind);
      expect(numbers(rb.committed.state)).toEqual({ changes: 2, rate: 0.5, rollbacks: 1 });
      expect(numbers(await store.getNamespace('ns', SINCE))).toEqual({ changes: 2, rate: 0.5, rollbacks: 1 });
      expect(numbers((await store.listNamespaces(SINCE))[0])).toEqual({ changes: 2, rate: 0.5, rollbacks: 1 });
      expect(await afresh()).toEqual({ changes: 2, rate: 0.5, rollbacks: 1 });
    });

    it("another replica's changes are counted by this store's next read", async () => {
      await store.commitNamespaceChange(create, respond, SINCE);
      await load(1, 2, 1);
      expect(numbers(await store.getNamespace('ns', SINCE))).toEqual({ changes: 1, rate: 0, rollbacks: 0 });
      const other = await replica();
      await other.commitNamespaceChange(
        { namespace: 'ns', expectedRevision: 2, activeVersion: 1, discard: [2], event: { ...event('snapshot.rollback', 2, 1), details: { discarded: [2] } } },
        respond,
        SINCE,
      );
      expect(numbers(await store.getNamespace('ns', SINCE))).toEqual({ changes: 1, rate: 1, rollbacks: 1 });
    });

    it('a change whose transaction rolled back is never counted, also when its event id is handed out again', async () => {
      await store.commitNamespaceChange(create, respond, SINCE);
      await load(1, 2, 1);
      expect(numbers(await store.getNamespace('ns', SINCE))).toEqual({ changes: 1, rate: 0, rollbacks: 0 });
      const boom = () => {
        throw new Error('boom');
      };
      await expect(
        store.commitNamespaceChange(
          { namespace: 'ns', expectedRevision: 2, version: version(3, 2), activeVersion: 3, event: event('snapshot.load', 2, 3) },
          boom,
          SINCE,
        ),
      ).rejects.toThrow('boom');
      expect(numbers(await store.getNamespace('ns', SINCE))).toEqual({ changes: 1, rate: 0, rollbacks: 0 });
      const rb = await rollback(2, 2, 1, [2]);
      if (rb.kind !== 'committed') throw new Error(rb.kind);
      expect(numbers(rb.committed.state)).toEqual({ changes: 1, rate: 1, rollbacks: 1 });
      expect(numbers(await store.getNamespace('ns', SINCE))).toEqual({ changes: 1, rate: 1, rollbacks: 1 });
      expect(await afresh()).toEqual({ changes: 1, rate: 1, rollbacks: 1 });
    });

    it('events leave the window as it moves on, and come back when it starts earlier again', async () => {
      await store.commitNamespaceChange(create, respond, SINCE);
      await load(1, 2, 1);
      await rollback(2, 2, 1, [2], '2026-03-01T18:00:00.000Z');
      const later = '2026-03-01T15:00:00.000Z';
      expect(numbers(await store.getNamespace('ns', SINCE))).toEqual({ changes: 1, rate: 1, rollbacks: 1 });
      // The load (at AT) is before `later`: only the rollback is left, and no change to fail.
      expect(numbers(await store.getNamespace('ns', later))).toEqual({ changes: 0, rate: null, rollbacks: 1 });
      expect(numbers(await store.getNamespace('ns', SINCE))).toEqual({ changes: 1, rate: 1, rollbacks: 1 });
      expect(await afresh(later)).toEqual({ changes: 0, rate: null, rollbacks: 1 });
    });
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

  // ---------- two replicas on one database ----------

  const rollout = (id: string): RolloutWrite => ({
    id,
    expectedRevision: null,
    create: {
      id,
      namespace: 'ns',
      flagKey: 'feature::ns::flag',
      policyKey: 'feature::ns::flagRollout',
      flagType: 'BOOLEAN',
      v1Value: false,
      v2Value: true,
      description: null,
      createdAt: AT,
      createdBy: 'tester',
      status: 'active',
      pausedReason: null,
      steps: [{ stage: 'shadow', share: 0 }, { stage: 'full', share: 100 }],
      guards: [],
      gate: { ...DEFAULT_GATE_THRESHOLDS },
      stageStartedAt: AT,
      observed: { stepIndex: 0, share: 0, canary: null, parity: null },
      countersResetAt: null,
      countersBaseline: null,
    },
  });

  it('two replicas: of two changes made from the same revision at once, exactly one commits, every time', async () => {
    await store.commitNamespaceChange(create, respond, SINCE);
    const b = await replica();
    for (let round = 1; round <= 5; round++) {
      const [x, y] = await Promise.all(
        [store, b].map((s, i) =>
          s.commitNamespaceChange(
            { namespace: 'ns', expectedRevision: round, version: { ...version(round + 1, round), reason: `r${round}-${i}` }, activeVersion: round + 1, event: event('snapshot.load', round, round + 1) },
            respond,
            SINCE,
          ),
        ),
      );
      expect([x?.kind, y?.kind].sort()).toEqual(['committed', 'conflict']);
    }
    expect((await b.getNamespace('ns', SINCE))?.namespace).toMatchObject({ revision: 6, activeVersion: 6, latestVersion: 6 });
    expect((await store.listEvents({ limit: 100 })).length).toBe(6);
  });

  it('two replicas: one Idempotency-Key at once acts once; the other replays the first response', async () => {
    await store.commitNamespaceChange(create, respond, SINCE);
    const b = await replica();
    const claim = { tokenId: 't1', key: 'same-key', fingerprint: 'f' };
    const outcomes = await Promise.all(
      [store, b].map((s, i) =>
        s.commitNamespaceChange(
          { namespace: 'ns', expectedRevision: 1, version: version(2, 1), activeVersion: 2, event: event('snapshot.load', 1, 2), idempotency: claim },
          () => ({ status: 200, body: { by: i } }),
          SINCE,
        ),
      ),
    );
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['committed', 'replay']);
    const first = outcomes.find((o) => o.kind === 'committed');
    const again = outcomes.find((o) => o.kind === 'replay');
    if (first?.kind !== 'committed' || again?.kind !== 'replay') throw new Error('unreachable');
    expect(again.record.body).toEqual(first.response.body);
    expect((await store.listEvents({ limit: 100 })).length).toBe(2);
  });

  it('two replicas: the same guard breach recorded at once is recorded once', async () => {
    await store.commitNamespaceChange(create, respond, SINCE);
    const made = await store.commitNamespaceChange(
      { namespace: 'ns', expectedRevision: 1, version: version(2, 1), activeVersion: 2, event: event('snapshot.load', 1, 2), rollout: rollout('r1') },
      respond,
      SINCE,
    );
    expect(made.kind).toBe('committed');
    const b = await replica();
    const breach = {
      breachId: 'rule-1@2026-03-01T11:50:00.000Z',
      ruleId: 'rule-1',
      severity: 'warning' as const,
      outcome: 'noted' as const,
      startedAt: AT,
      firedAt: AT,
      detectedAt: AT,
      sentence: 'error rate above 5% for 5 minutes',
      numbers: { peak: 0.4 },
    };
    const outcomes = await Promise.all(
      [store, b].map((s) => s.rollouts.commitRolloutChange({ id: 'r1', expectedRevision: 1, breach }, null, () => ({ status: 200, body: null }), undefined, SINCE)),
    );
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['breach-recorded', 'committed']);
    expect((await b.rollouts.bundle('r1', SINCE, 0))?.breaches.map((x) => x.breachId)).toEqual([breach.breachId]);
    // Acting on it (a new revision) from both at once: one acts, the other finds the row moved or the breach recorded.
    const acted = await Promise.all(
      [store, b].map((s) =>
        s.rollouts.commitRolloutChange(
          { id: 'r1', expectedRevision: 1, set: { status: 'paused', pausedReason: 'guard' }, breach: { ...breach, breachId: 'rule-1@later', outcome: 'paused' } },
          { ...event('snapshot.load', 2, 2), action: 'rollout.pause' },
          () => ({ status: 200, body: null }),
          undefined,
          SINCE,
        ),
      ),
    );
    expect(acted.filter((o) => o.kind === 'committed')).toHaveLength(1);
    expect(acted.filter((o) => o.kind !== 'committed').map((o) => o.kind)).toEqual([expect.stringMatching(/^(stale|breach-recorded)$/)]);
    expect((await store.rollouts.getRollout('r1'))?.revision).toBe(2);
    expect((await store.listEvents({ actions: ['rollout.pause'], limit: 10 })).length).toBe(1);
  });

  it('two replicas writing at once: the log read "after id" holds every event once, in id order', async () => {
    await store.commitNamespaceChange(create, respond, SINCE);
    await store.commitNamespaceChange({ ...create, namespace: 'other', event: { ...event('namespace.create', null, 1), namespace: 'other' } }, respond, SINCE);
    const b = await replica();
    const writer = async (s: Store, ns: string) => {
      for (let i = 0; i < 8; i++) {
        const state = await s.getNamespace(ns, SINCE);
        if (!state) throw new Error('missing');
        const n = state.namespace.latestVersion;
        await s.commitNamespaceChange(
          { namespace: ns, expectedRevision: state.namespace.revision, version: version(n + 1, n), activeVersion: n + 1, event: { ...event('snapshot.load', n, n + 1), namespace: ns } },
          respond,
          SINCE,
        );
      }
    };
    await Promise.all([writer(store, 'ns'), writer(b, 'other')]);
    const log = await b.eventsAfter(0, 1000);
    expect(log).toHaveLength(18);
    expect(log.map((e) => e.id)).toEqual([...log.map((e) => e.id)].sort((x, y) => x - y));
    expect(new Set(log.map((e) => e.id)).size).toBe(18);
  });
});
