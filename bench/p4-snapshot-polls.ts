/**
 * P4: snapshot polls by apps at 50 connections, req/s, against a bare node:http server returning
 * the same bytes (same headers, same body, same 304 rule), measured in the same run.
 * The real server (server/main.ts), the reference (bench/lib/bare-server.ts) and the load
 * generator (autocannon, in this process) are three processes on loopback; the two servers are
 * loaded one at a time, alternating, in rounds, so machine load hits both alike.
 * Two figures: `If-None-Match` matching (304, what a polling app mostly gets) and a full 200.
 * Namespace: 100 flags (~25 kB of JSON). Target: ratio >= 0.6 of the reference.
 * Run: npx tsx bench/p4-snapshot-polls.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BenchApi } from './lib/api';
import { figure, type Figure } from './lib/figure';
import { ROOT, startServer } from './lib/server';
import { rawSnapshot } from './lib/snapshots';
import { round } from './lib/stats';
import { isMain, printTable } from './table';

const NS = 'payments';
const FLAGS = 100;
const CONNECTIONS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

interface Bare {
  base: string;
  pid: number;
  stop: () => Promise<void>;
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command: state is [0], utime [11], stime [12].
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startBare(specFile: string): Promise<Bare> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/lib/bare-server.ts'), specFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  proc.stdout.resume();
  if (proc.pid === undefined) throw new Error('the bare server has no pid');
  return {
    base: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

interface Load {
  rps: number;
  requests: number;
  status: { '2xx': number; '3xx': number; other: number; errors: number };
  p99: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Load> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    rps: r.requests.average,
    requests: r['2xx'] + r['3xx'],
    status: { '2xx': r['2xx'], '3xx': r['3xx'], other: r['1xx'] + r['4xx'] + r['5xx'], errors: r.errors },
    p99: r.latency.p99,
  };
}

const SKIP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

export async function run(log: (line: string) => void = console.log): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-p4-'));
  const server = await startServer();
  let bare: Bare | null = null;
  try {
    const api = new BenchApi(server.base, server.adminToken);
    await api.createNamespace(NS, rawSnapshot(NS, FLAGS, 0, 'v1'));
    await api.load(NS, rawSnapshot(NS, FLAGS, 1, 'v2'));
    const path = `/v1/namespaces/${NS}`;
    const res = await fetch(`${server.base}${path}`);
    const body = Buffer.from(await res.arrayBuffer());
    const etag = res.headers.get('etag') ?? '';
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!SKIP_HEADERS.has(k)) headers[k] = v;
    });
    const specFile = join(dir, 'spec.json');
    writeFileSync(specFile, JSON.stringify({ path, etag, headers, bodyBase64: body.toString('base64') }));
    bare = await startBare(specFile);
    const check = await fetch(`${bare.base}${path}`);
    if (!Buffer.from(await check.arrayBuffer()).equals(body)) throw new Error('the reference does not serve the same bytes');

    const targets = { switchyard: `${server.base}${path}`, bare: `${bare.base}${path}` };
    const modes: { id: string; name: string; headers: Record<string, string>; expect: '2xx' | '3xx' }[] = [
      { id: 'P4a', name: 'snapshot polls, If-None-Match -> 304, 50 connections', headers: { 'if-none-match': etag }, expect: '3xx' },
      { id: 'P4b', name: `snapshot polls, full 200 (${round(body.length / 1000)} kB), 50 connections`, headers: {}, expect: '2xx' },
    ];
    log('  warming up both servers…');
    for (const url of Object.values(targets)) {
      await load(url, {}, 1);
      await load(url, { 'if-none-match': etag }, 1);
    }
    const figures: Figure[] = [];
    for (const mode of modes) {
      const ours: number[] = [];
      const ref: number[] = [];
      const p99: number[] = [];
      const cpu = { switchyard: { ms: 0, requests: 0 }, bare: { ms: 0, requests: 0 } };
      const pids = { switchyard: server.pid, bare: bare.pid };
      for (let r = 0; r < ROUNDS; r++) {
        // Alternate who goes first, so a load spike does not always hit the same one.
        const order = r % 2 === 0 ? (['switchyard', 'bare'] as const) : (['bare', 'switchyard'] as const);
        for (const who of order) {
          const cpuBefore = cpuMs(pids[who]);
          const l = await load(targets[who], mode.headers, SECONDS);
          cpu[who].ms += cpuMs(pids[who]) - cpuBefore;
          cpu[who].requests += l.requests;
          const total = l.status['2xx'] + l.status['3xx'] + l.status.other;
          if (l.status[mode.expect] !== total || l.status.errors > 0) {
            throw new Error(`${mode.id} ${who}: expected only ${mode.expect}, got ${JSON.stringify(l.status)}`);
          }
          (who === 'switchyard' ? ours : ref).push(Math.round(l.rps));
          if (who === 'switchyard') p99.push(l.p99);
        }
      }
      figures.push(
        figure({
          id: mode.id,
          name: mode.name,
          unit: 'req/s',
          samples: ours,
          reference: { name: 'bare node:http, same bytes', samples: ref },
          target: { op: '>=', value: 0.6, on: 'ratio' },
          notes: {
            rounds: ROUNDS,
            'seconds per round': SECONDS,
            'switchyard p99 ms (max of rounds)': Math.max(...p99),
            // CPU time per request is far less sensitive to other load on the machine than req/s.
            'switchyard CPU µs/request': round((cpu.switchyard.ms * 1000) / cpu.switchyard.requests, 1),
            'bare CPU µs/request': round((cpu.bare.ms * 1000) / cpu.bare.requests, 1),
          },
        }),
      );
    }
    return figures;
  } finally {
    await bare?.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  for (const f of await run()) {
    printTable(`${f.id} ${f.name}`, {
      'median req/s': f.median,
      'reference median req/s': f.reference?.median ?? '',
      ratio: round(f.ratio ?? Number.NaN, 2),
      verdict: f.verdict,
      ...f.notes,
    });
  }
}
