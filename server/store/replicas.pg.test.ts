/**
 * Two server processes (`tsx server/main.ts`, the way they are deployed) on one PostgreSQL
 * database, started at the same moment on an empty database (so both race to migrate):
 * - a change made through replica A is on replica B's SSE streams (the audit stream and the app
 *   watch stream) and B's app endpoint serves it with a new ETag, each within a second of A's
 *   answer;
 * - two rollbacks with the same If-Match sent to A and B at once: exactly one applies, every time;
 * - SIGKILL of A during a write storm through both: every write either replica acknowledged is
 *   in the database exactly once, and B keeps serving reads, writes and streams.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventPage, MutationResponse } from '@contract/schemas';
import { pgServer } from '../test/engine';
import { FEATURES, NS, snapshot } from '../test/harness';
import { createDatabase, dropDatabase } from '../test/pg-cluster';
import { openSse } from '../test/sse-client';
import { startServer, type ChildServer } from '../trust/child-server';

const server = pgServer();
if (!server) throw new Error('replicas.pg.test.ts runs in the pg project (npm run test:pg)');

const ADMIN = 'replicas-test-admin-secret-0042';
const auth = { authorization: `Bearer ${ADMIN}` };

let dir: string;
let database: { name: string; url: string };
let a: ChildServer;
let b: ChildServer;

const start = () =>
  startServer({
    dbPath: join(dir, 'unused.db'),
    adminToken: ADMIN,
    staticDir: join(dir, 'no-dist'),
    env: { DATABASE_URL: database.url, SWITCHYARD_SIMULATOR: '0' },
    startTimeoutMs: 90_000,
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchyard-replicas-'));
  database = await createDatabase(server, 'sy_replicas');
  [a, b] = await Promise.all([start(), start()]);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await dropDatabase(server, database.name);
  rmSync(dir, { recursive: true, force: true });
});

const api = (base: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(base + path, {
    method: init.method ?? 'GET',
    headers: { ...auth, 'content-type': 'application/json', ...init.headers },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });

const etagOf = async (base: string) => (await fetch(`${base}/v1/namespaces/${NS}`)).headers.get('etag');
const active = async (base: string) => Number((await fetch(`${base}/v1/namespaces/${NS}`)).headers.get('x-switchyard-version'));

async function load(base: string, rampUp: number, reason: string, ifMatch = '*'): Promise<Response> {
  return api(base, `/api/v1/namespaces/${NS}/load`, { method: 'POST', body: { snapshot: snapshot(rampUp), reason }, headers: { 'if-match': ifMatch } });
}

/** Bounded polling: resolves when `check` holds, fails after `ms`. */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function allEvents(base: string): Promise<{ id: number; action: string; reason: string }[]> {
  const out: { id: number; action: string; reason: string }[] = [];
  let before: number | null = null;
  do {
    const page = EventPage.parse(await (await api(base, `/api/v1/events?limit=1000${before ? `&before=${before}` : ''}`)).json());
    out.push(...page.items);
    before = page.nextBefore;
  } while (before !== null);
  return out;
}

describe('two server processes on one PostgreSQL database', () => {
  it('a change through A is on B\'s audit stream, B\'s watch stream and B\'s app endpoint (new ETag) within a second', async () => {
    const created = await api(a.base, '/api/v1/namespaces', { method: 'POST', body: { name: NS, features: FEATURES, reason: 'set up' } });
    expect(created.status).toBe(201);
    await until(async () => (await etagOf(b.base)) !== null, 5_000, 'the namespace on B');
    const stream = await openSse(`${b.base}/api/v1/stream`, auth);
    const watch = await openSse(`${b.base}/v1/namespaces/${NS}/watch`);
    try {
      const first = await watch.next((f) => f.event === 'snapshot');
      const before = await etagOf(b.base);
      expect(first.id).toBe(before);
      const loaded = await load(a.base, 25, 'through A');
      expect(loaded.status).toBe(200);
      const acknowledged = Date.now();
      const { event } = MutationResponse.parse(await loaded.json());
      // Each of these within a second of A's answer.
      const onStream = await stream.next((f) => f.event === 'change' && f.id === String(event.id), 1_000);
      expect(JSON.parse(onStream.data ?? '{}')).toMatchObject({ eventId: event.id, namespace: NS, activeVersion: 2 });
      const pushed = await watch.next((f) => f.event === 'snapshot', Math.max(1, 1_000 - (Date.now() - acknowledged)));
      expect(pushed.id).not.toBe(before);
      await until(async () => (await etagOf(b.base)) === pushed.id, Math.max(1, 1_000 - (Date.now() - acknowledged)), "B's app endpoint to serve the new ETag");
      expect(await active(b.base)).toBe(2);
    } finally {
      stream.close();
      watch.close();
    }
  });

  it('two rollbacks with the same If-Match sent to A and B at once: exactly one applies, every time', async () => {
    for (let round = 0; round < 4; round++) {
      expect((await load(a.base, 30 + round, `before round ${round}`)).status).toBe(200);
      const latest = await load(b.base, 60 + round, `before round ${round}, again`);
      expect(latest.status).toBe(200);
      const seen = MutationResponse.parse(await latest.json()).namespace.activeVersion;
      await until(async () => (await active(a.base)) === seen && (await active(b.base)) === seen, 5_000, 'both replicas to serve the latest version');
      const reason = `conflict round ${round}`;
      const replies = await Promise.all(
        [a, b].map((r) =>
          api(r.base, `/api/v1/namespaces/${NS}/rollback`, { method: 'POST', body: { steps: 1, reason }, headers: { 'if-match': `"${seen}"` } }),
        ),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([200, 412]);
      const rollbacks = (await allEvents(b.base)).filter((e) => e.action === 'snapshot.rollback' && e.reason === reason);
      expect(rollbacks).toHaveLength(1);
    }
  });

  it('SIGKILL of A during a write storm through both loses nothing acknowledged; B keeps serving', async () => {
    const acknowledged = new Map<string, number>();
    const failedOnB: string[] = [];
    let killed = false;
    const writer = async (replica: ChildServer, name: string, stopWhen: () => boolean) => {
      for (let i = 0; !stopWhen(); i++) {
        const reason = `storm ${name} ${i}`;
        try {
          const r = await load(replica.base, i % 100, reason);
          if (r.status === 200) acknowledged.set(reason, MutationResponse.parse(await r.json()).event.id);
          // 409: the namespace kept changing under `*` (a clean refusal that wrote nothing).
          else if (replica === b && r.status !== 409) failedOnB.push(`${reason}: ${r.status}`);
        } catch (e) {
          // A connection to the killed replica fails; nothing it did not answer counts.
          if (replica === b) failedOnB.push(`${reason}: ${String(e)}`);
        }
      }
    };
    let doneOnA = 0;
    const onA = [1, 2].map((n) => writer(a, `a${n}`, () => killed));
    const onB = [1].map((n) => writer(b, `b${n}`, () => killed && doneOnA >= 8));
    await until(async () => acknowledged.size >= 12, 60_000, 'a dozen acknowledged writes');
    await a.kill9();
    killed = true;
    await Promise.all(onA);
    // B goes on taking writes after the kill.
    const afterKill = async () => {
      for (; doneOnA < 8; doneOnA++) {
        const reason = `after the kill ${doneOnA}`;
        let r = await load(b.base, doneOnA, reason);
        // 409: B's other writer kept winning the race for `*` eight times; nothing was written.
        while (r.status === 409) r = await load(b.base, doneOnA, reason);
        expect(r.status).toBe(200);
        acknowledged.set(reason, MutationResponse.parse(await r.json()).event.id);
      }
    };
    await Promise.all([afterKill(), ...onB]);
    expect(failedOnB).toEqual([]);

    // Every acknowledged write is there, exactly once, with the id it was acknowledged with.
    const events = await allEvents(b.base);
    const byReason = new Map<string, number[]>();
    for (const e of events) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e.id]);
    const problems = [...acknowledged].filter(([reason, id]) => JSON.stringify(byReason.get(reason)) !== JSON.stringify([id]));
    expect(problems).toEqual([]);
    // B serves: health, the app endpoint, the API, the stream.
    expect((await fetch(`${b.base}/healthz`)).status).toBe(200);
    const stream = await openSse(`${b.base}/api/v1/stream`, auth);
    try {
      const r = await load(b.base, 99, 'still serving');
      expect(r.status).toBe(200);
      const { event } = MutationResponse.parse(await r.json());
      await stream.next((f) => f.event === 'change' && f.id === String(event.id), 5_000);
      expect(await active(b.base)).toBe(event.toVersion);
    } finally {
      stream.close();
    }
    // A comes back on the same database and serves the same state.
    a = await start();
    expect(await active(a.base)).toBe(await active(b.base));
  });
});
