/**
 * Two replicas in one process on one PostgreSQL database (the `pg` project): what one commits
 * reaches the other's change feed and served snapshots through LISTEN/NOTIFY; a dropped LISTEN
 * connection is re-established and what was committed meanwhile is delivered (read from the
 * log, not from a poll); rollout-data notices cross replicas; and a guard breach that both
 * replicas evaluate at once is acted on once.
 * (Separate server processes, SSE over sockets and SIGKILL: server/store/replicas.pg.test.ts.)
 */
import { Client } from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServedSnapshots } from '../registry/served';
import { PostgresStore } from '../store/postgres';
import type { ChangeNotice } from './change-feed';
import { Replication } from './replication';
import { RolloutDataFeed } from './rollout-data';
import { createNamespace, harness, mutate, NS, replicaOf, snapshot, type Harness } from '../test/harness';
import { act, createRollout, createRolloutNamespace, eventsOf, ingestWindows, MIN, RID, revision, windows } from '../test/rollouts';

/** Bounded polling: resolves when `check` holds, fails after `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let a: Harness;
let b: Harness;
beforeEach(async () => {
  a = await harness();
  // B follows the log only through LISTEN/NOTIFY (no safety poll), so these tests see that path.
  b = await replicaOf(a, { replicationPollMs: 0 });
});
afterEach(async () => {
  await b.close();
  await a.close();
});

const etagOn = async (h: Harness) => (await h.call('GET', `/v1/namespaces/${NS}`, { token: null })).headers.etag;

describe('replicas on one PostgreSQL database', () => {
  it("a change through A reaches B's change feed and B's app endpoint (a new ETag) within a second", async () => {
    await createNamespace(a);
    await until(async () => (await etagOn(b)) !== undefined, 1_000, 'the namespace on B');
    const before = await etagOn(b);
    const heard: ChangeNotice[] = [];
    const unsubscribe = b.services.feed.subscribe((n) => heard.push(n));
    const loaded = await mutate(a, 'load', { snapshot: snapshot(40), reason: 'ramp' }, '*');
    expect(loaded.status).toBe(200);
    const eventId = (loaded.json.event as { id: number }).id;
    await until(() => heard.some((n) => n.event.id === eventId), 1_000, "the change on B's feed");
    await until(async () => (await etagOn(b)) !== before, 1_000, 'a new ETag on B');
    unsubscribe();
    const notice = heard.find((n) => n.event.id === eventId);
    expect(notice?.state?.namespace.activeVersion).toBe(2);
    expect((await b.call('GET', `/v1/namespaces/${NS}`, { token: null })).headers['x-switchyard-version']).toBe('2');
  });

  it("B's feed delivers every replica's events once, in id order, its own included", async () => {
    const created = ((await createNamespace(a)).json.event as { id: number }).id;
    await until(() => (b.replication?.feed.lastDelivered ?? 0) >= created, 1_000, 'the creation on B');
    const ids: number[] = [];
    const unsubscribe = b.services.feed.subscribe((n) => ids.push(n.event.id));
    const replies = await Promise.all([
      ...[10, 20, 30].map((r) => mutate(a, 'load', { snapshot: snapshot(r), reason: `a ${r}` }, '*')),
      ...[40, 50, 60].map((r) => mutate(b, 'load', { snapshot: snapshot(r), reason: `b ${r}` }, '*')),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const written = replies.map((r) => (r.json.event as { id: number }).id).sort((x, y) => x - y);
    await until(() => ids.length >= 6, 2_000, 'six events on B');
    unsubscribe();
    expect(ids).toEqual(written);
  });

  it('a dropped LISTEN connection is re-established, and what was committed while nobody listened is delivered', async () => {
    await createNamespace(a);
    const store = a.services.store;
    if (!(store instanceof PostgresStore) || a.databaseUrl === null) throw new Error('the pg project runs on PostgreSQL');
    // A follower that waits 3 s before reconnecting and never polls: only the re-sync after the
    // reconnect can deliver a change committed in between.
    const since = () => '2026-02-22T12:00:00.000Z';
    const follower = await Replication.start({
      store,
      url: a.databaseUrl,
      served: new ServedSnapshots(store, since),
      since,
      rolloutData: new RolloutDataFeed(a.now),
      onError: () => {},
      pollMs: 0,
      minRetryMs: 3_000,
    });
    try {
      const heard: number[] = [];
      follower.feed.subscribe((n) => heard.push(n.event.id));
      const admin = new Client({ connectionString: a.databaseUrl });
      await admin.connect();
      try {
        const ended = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'switchyard-listen' AND datname = current_database()");
        expect(ended.rowCount).toBeGreaterThanOrEqual(3);
      } finally {
        await admin.end();
      }
      await until(() => !follower.listener.listening, 5_000, 'the follower to notice the dropped connection');
      const loaded = await mutate(a, 'load', { snapshot: snapshot(70), reason: 'while nobody listened' }, '*');
      expect(loaded.status).toBe(200);
      const eventId = (loaded.json.event as { id: number }).id;
      expect(follower.listener.listening).toBe(false);
      await until(() => heard.includes(eventId), 10_000, 'the event after the listener reconnected');
      expect(follower.listener.reconnections).toBe(1);
      expect(follower.listener.listening).toBe(true);
      // B (the app replica) reconnected too, and serves the new version.
      await until(async () => (await b.call('GET', `/v1/namespaces/${NS}`, { token: null })).headers['x-switchyard-version'] === '2', 10_000, 'v2 on B');
    } finally {
      await follower.close();
    }
  });

  it('ingested-data notices (event: rollout-data) reach the other replica', async () => {
    await createRolloutNamespace(a);
    await createRollout(a);
    const reporter = await a.token('reporter');
    const seen: string[] = [];
    const unsubscribe = b.services.rolloutData.subscribe((n) => seen.push(`${n.rolloutId}:${n.kind}`));
    expect((await ingestWindows(a, windows(Math.floor(a.now().getTime() / MIN) * MIN - 5 * MIN, 3), reporter)).status).toBe(200);
    await until(() => seen.includes(`${RID}:metrics`), 1_000, 'the rollout-data notice on B');
    unsubscribe();
  });

  it('a breach that both replicas see at once (parallel ingests and timer ticks on each) rolls back once', async () => {
    await createRolloutNamespace(a);
    await createRollout(a, {
      guards: [
        { id: 'critical-error-rate', label: 'V2 error rate above 5% for 5 minutes', severity: 'critical', metric: 'error_rate', comparison: { kind: 'absolute', op: '>', value: 0.05 }, forMinutes: 5, action: 'rollback' },
      ],
    });
    const reporter = await a.token('reporter');
    expect((await act(a, 'promote', { reason: 'to canary', override: true }, await revision(a))).status).toBe(200);
    const t0 = a.now().getTime();
    a.advance(10 * MIN);
    const bad = windows(t0 + MIN, 7, { errors: 40 });
    const replies = await Promise.all([
      ...[a, b, a, b, a, b].map((h, i) => ingestWindows(h, i % 2 === 0 ? bad : bad.slice(2), reporter)),
      a.services.guards.tick(),
      b.services.guards.tick(),
    ]);
    expect(replies.slice(0, 6).map((r) => (r as { status: number }).status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await eventsOf(a, 'rollout.rollback')).toHaveLength(1);
    expect(((await b.call('GET', `/api/v1/rollouts/${RID}`)).json.state as { status: string }).status).toBe('rolled_back');
    // Both evaluate again: nothing more happens.
    await Promise.all([a.services.guards.tick(), b.services.guards.tick()]);
    expect(await eventsOf(b, 'rollout.rollback')).toHaveLength(1);
  });
});
