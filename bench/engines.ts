/**
 * Engines benchmark (a benchmark, not a test): the same server process on each engine, measured
 * on loopback from this process.
 * - snapshot polls: GET /v1/namespaces/{ns} with autocannon (32 connections), with the current
 *   ETag in If-None-Match (304) and without (200): requests per second and latency;
 * - write latency: POST …/load one after another (one writer), then 8 writers at once on 8
 *   namespaces (no precondition conflicts: what the engine's transactions cost when they overlap).
 * SQLite: a file in a temporary directory. PostgreSQL: a throw-away cluster from Debian's package
 * with its durable defaults (fsync, synchronous_commit on), one database, one server process; and
 * the same with two server processes (replicas) on that database, the writes spread over both.
 *
 * Every phase runs BENCH_REPEAT times (3): poll figures of the median run, write latencies pooled.
 *
 * Run: npx tsx bench/engines.ts   (BENCH_SECONDS=10 per poll phase, BENCH_WRITES=200 sequential
 * loads, BENCH_WRITER_SECONDS=10 of 8 parallel writers, BENCH_REPEAT=3)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { FEATURES, NS, snapshot } from '../server/test/harness';
import { createDatabase, startPgCluster, type PgCluster } from '../server/test/pg-cluster';
import { startServer, type ChildServer } from '../server/trust/child-server';
import { LoopbackClient } from '../server/trust/loopback-http';
import { isMain, printTable } from './table';

const ADMIN = 'bench-engines-admin-secret-0001';
const auth = { authorization: `Bearer ${ADMIN}` };

export interface EngineFigures {
  engine: string;
  'polls 304 req/s': number;
  'polls 304 p50 ms': number;
  'polls 304 p99 ms': number;
  'polls 200 req/s': number;
  'polls 200 p50 ms': number;
  'polls 200 p99 ms': number;
  'load, 1 writer, p50 ms': number;
  'load, 1 writer, p99 ms': number;
  'loads, 8 writers, per s': number;
  'loads, 8 writers, p50 ms': number;
  'loads, 8 writers, p99 ms': number;
  errors: number;
}

export interface BenchOptions {
  /** Runs of every phase (median / pooled). */
  repeat?: number;
  pollSeconds?: number;
  writes?: number;
  writerSeconds?: number;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function polls(base: string, etag: string | null, seconds: number): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const r = await autocannon({
    url: `${base}/v1/namespaces/${NS}`,
    connections: 32,
    duration: seconds,
    ...(etag !== null ? { headers: { 'if-none-match': etag } } : {}),
  });
  const expected = etag !== null ? r['3xx'] : r['2xx'];
  const unexpected = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'] - expected + r.errors;
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: unexpected };
}

/** Loads one after another on one namespace; latency of each acknowledged load, ms. */
async function loads(clients: LoopbackClient[], ns: string, count: number, tag: string, stopAt = Number.POSITIVE_INFINITY): Promise<{ ms: number[]; errors: number }> {
  const ms: number[] = [];
  let errors = 0;
  for (let i = 0; i < count && Date.now() < stopAt; i++) {
    const client = clients[i % clients.length];
    if (!client) throw new Error('no client');
    const body = JSON.stringify({ snapshot: snapshot(i % 100, {}), reason: `${tag} ${i}` }).replaceAll(`::${NS}::`, `::${ns}::`);
    const started = process.hrtime.bigint();
    const r = await client.request('POST', `/api/v1/namespaces/${ns}/load`, { ...auth, 'if-match': '*' }, body);
    if (r.status === 200) ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    else errors++;
  }
  return { ms, errors };
}

/** The ETag every replica serves once they agree (a replica follows another's writes within milliseconds). */
async function sameEverywhere(clients: LoopbackClient[]): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const tags = await Promise.all(clients.map(async (c) => (await c.request('GET', `/v1/namespaces/${NS}`)).headers.etag));
    const [first] = tags;
    if (typeof first === 'string' && tags.every((t) => t === first)) return first;
    if (Date.now() > deadline) throw new Error(`the replicas serve different snapshots: ${tags.join(', ')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function createNamespaces(client: LoopbackClient, names: string[]): Promise<void> {
  for (const name of names) {
    const features = FEATURES.map((f) => ({ ...f, key: f.key.replace(`::${NS}::`, `::${name}::`) }));
    const r = await client.request('POST', '/api/v1/namespaces', auth, JSON.stringify({ name, features, reason: 'bench' }));
    if (r.status !== 201) throw new Error(`namespace ${name}: ${r.status} ${r.body.toString()}`);
  }
}

async function measure(engine: string, replicas: ChildServer[], options: Required<BenchOptions>): Promise<EngineFigures> {
  const [first] = replicas;
  if (!first) throw new Error('no server');
  const clients = replicas.map((r) => new LoopbackClient(r.base, 16));
  const [main] = clients;
  if (!main) throw new Error('no client');
  try {
    const writers = Array.from({ length: 8 }, (_, i) => `bench${i}`);
    await createNamespaces(main, [NS, ...writers]);
    // Each phase `repeat` times (this machine is shared): poll figures from the median run,
    // write latencies pooled over the runs, write throughput the median.
    const seqMs: number[] = [];
    const p304runs: Awaited<ReturnType<typeof polls>>[] = [];
    const p200runs: Awaited<ReturnType<typeof polls>>[] = [];
    const parMs: number[] = [];
    const perSecond: number[] = [];
    let errors = 0;
    for (let pass = 0; pass < options.repeat; pass++) {
      const seq = await loads(clients, NS, options.writes, `sequential ${pass}`);
      seqMs.push(...seq.ms);
      const etag = await sameEverywhere(clients);
      p304runs.push(await polls(first.base, etag, options.pollSeconds));
      p200runs.push(await polls(first.base, null, options.pollSeconds));
      const stopAt = Date.now() + options.writerSeconds * 1000;
      const started = Date.now();
      const parallel = await Promise.all(writers.map((ns, i) => loads([clients[i % clients.length] ?? main], ns, Number.MAX_SAFE_INTEGER, `parallel ${pass}`, stopAt)));
      const ms = parallel.flatMap((p) => p.ms);
      parMs.push(...ms);
      perSecond.push(ms.length / ((Date.now() - started) / 1000));
      errors += seq.errors + parallel.reduce((n, p) => n + p.errors, 0);
    }
    const median = <T>(xs: T[], by: (x: T) => number): T => {
      const sorted = [...xs].sort((a, b) => by(a) - by(b));
      const m = sorted[Math.floor(sorted.length / 2)];
      if (m === undefined) throw new Error('no runs');
      return m;
    };
    const p304 = median(p304runs, (r) => r.rps);
    const p200 = median(p200runs, (r) => r.rps);
    seqMs.sort((a, b) => a - b);
    parMs.sort((a, b) => a - b);
    errors += [...p304runs, ...p200runs].reduce((n, r) => n + r.errors, 0);
    return {
      engine,
      'polls 304 req/s': Math.round(p304.rps),
      'polls 304 p50 ms': p304.p50,
      'polls 304 p99 ms': p304.p99,
      'polls 200 req/s': Math.round(p200.rps),
      'polls 200 p50 ms': p200.p50,
      'polls 200 p99 ms': p200.p99,
      'load, 1 writer, p50 ms': round(percentile(seqMs, 50)),
      'load, 1 writer, p99 ms': round(percentile(seqMs, 99)),
      'loads, 8 writers, per s': Math.round(median(perSecond, (x) => x)),
      'loads, 8 writers, p50 ms': round(percentile(parMs, 50)),
      'loads, 8 writers, p99 ms': round(percentile(parMs, 99)),
      errors,
    };
  } finally {
    for (const c of clients) c.close();
  }
}

const start = (dir: string, env: Record<string, string> = {}) =>
  startServer({ dbPath: join(dir, 'bench.db'), adminToken: ADMIN, staticDir: join(dir, 'no-dist'), env: { SWITCHYARD_SIMULATOR: '0', ...env }, startTimeoutMs: 120_000 });

export async function run(opts: BenchOptions = {}): Promise<EngineFigures[]> {
  const options: Required<BenchOptions> = {
    repeat: opts.repeat ?? Number(process.env.BENCH_REPEAT ?? 3),
    pollSeconds: opts.pollSeconds ?? Number(process.env.BENCH_SECONDS ?? 10),
    writes: opts.writes ?? Number(process.env.BENCH_WRITES ?? 200),
    writerSeconds: opts.writerSeconds ?? Number(process.env.BENCH_WRITER_SECONDS ?? 10),
  };
  const out: EngineFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-engines-'));
  let cluster: PgCluster | null = null;
  try {
    const sqlite = await start(dir);
    try {
      out.push(await measure('sqlite', [sqlite], options));
    } finally {
      await sqlite.stop();
    }

    cluster = await startPgCluster({ durable: true });
    const one = await createDatabase(cluster.url, 'bench_one');
    const pg = await start(dir, { DATABASE_URL: one.url });
    try {
      out.push(await measure('postgres', [pg], options));
    } finally {
      await pg.stop();
    }

    const two = await createDatabase(cluster.url, 'bench_two');
    const replicas = await Promise.all([start(dir, { DATABASE_URL: two.url }), start(dir, { DATABASE_URL: two.url })]);
    try {
      out.push(await measure('postgres, 2 replicas', replicas, options));
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
    }
  } finally {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (isMain(import.meta.url)) {
  const figures = await run();
  for (const f of figures) {
    const { engine, ...rest } = f;
    printTable(`engine: ${engine}`, rest);
  }
  const errors = figures.reduce((n, f) => n + f.errors, 0);
  if (errors > 0) process.exitCode = 1;
}
