/**
 * P5: latency of loads and rollbacks (the operator's POSTs, timed by the client) while 200 apps
 * poll the same namespace, p99, against the p99 of the same operations with nobody polling,
 * measured in the same run. The pollers are their own process (bench/lib/poller.ts: 200
 * keep-alive clients, each polling with the ETag it last got every ~100 ms, ~2,000 polls/s, so
 * every change reaches them as a full 200). Operations alternate: load a 100-flag snapshot, roll
 * back one step. Embedded SQLite store (synchronous=FULL: every acknowledged write is on disk).
 * Target: p99 <= 10 ms.
 * Run: npx tsx bench/p5-mutation-latency-under-polling.ts
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BenchApi } from './lib/api';
import { figure, type Figure } from './lib/figure';
import { ROOT, startServer, type BenchServer } from './lib/server';
import { rawSnapshot } from './lib/snapshots';
import { median, quantile, round } from './lib/stats';
import { isMain, printTable } from './table';

const NS = 'orders';
const FLAGS = 100;
const OPS = Number(process.env.BENCH_OPS ?? 200);
const POLLERS = 200;
const POLL_MS = 100;

/** `OPS` operations, alternating a load and a one-step rollback; returns each one's latency in ms. */
async function operate(api: BenchApi, from: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < OPS; i++) {
    const load = i % 2 === 0;
    const started = performance.now();
    if (load) await api.load(NS, rawSnapshot(NS, FLAGS, from + i, `op-${from + i}`), 'bench: load');
    else await api.call('POST', `/api/v1/namespaces/${NS}/rollback`, { body: { steps: 1, reason: 'bench: roll back' }, ifMatch: '*' });
    out.push(performance.now() - started);
  }
  return out;
}

async function startPollers(server: BenchServer): Promise<{ stop: () => Promise<string> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/lib/poller.ts'), `${server.base}/v1/namespaces/${NS}`, String(POLLERS), String(POLL_MS)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`poller exited (${code})`)));
  });
  return {
    stop: () =>
      new Promise<string>((resolve) => {
        proc.removeAllListeners('exit');
        proc.once('exit', () => resolve(out.trim().split('\n').at(-1) ?? ''));
        proc.kill('SIGTERM');
      }),
  };
}

export async function run(log: (line: string) => void = console.log): Promise<Figure[]> {
  const server = await startServer();
  try {
    const api = new BenchApi(server.base, server.adminToken);
    await api.createNamespace(NS, rawSnapshot(NS, FLAGS, 0, 'v1'));
    // Warm-up: JIT, statement cache, the file's pages.
    await operate(api, 1_000_000);
    const idle = await operate(api, 0);
    log(`  idle: p99 ${round(quantile(idle, 0.99))} ms; starting ${POLLERS} pollers…`);
    const pollers = await startPollers(server);
    let busy: number[];
    let polled: string;
    try {
      await new Promise((r) => setTimeout(r, 1000));
      busy = await operate(api, OPS);
    } finally {
      polled = await pollers.stop();
    }
    const [, polls = '0', ok = '0', notModified = '0', errors = '0'] = polled.split(' ');
    return [
      figure({
        id: 'P5',
        name: `load/rollback latency p99 while ${POLLERS} clients poll`,
        unit: 'ms',
        samples: [round(quantile(busy, 0.99), 2)],
        reference: { name: 'idle p99', samples: [round(quantile(idle, 0.99), 2)] },
        target: { op: '<=', value: 10, on: 'median' },
        notes: {
          operations: `${OPS} idle + ${OPS} polled (loads and 1-step rollbacks alternating)`,
          'polled median ms': round(median(busy), 2),
          'idle median ms': round(median(idle), 2),
          polls: `${Number(polls).toLocaleString('en')} (${ok} x 200, ${notModified} x 304, ${errors} errors)`,
        },
      }),
    ];
  } finally {
    await server.stop();
  }
}

if (isMain(import.meta.url)) {
  for (const f of await run()) {
    printTable(`${f.id} ${f.name}`, { 'p99 ms': f.median, 'idle p99 ms': f.reference?.median ?? '', ratio: round(f.ratio ?? Number.NaN, 2), verdict: f.verdict, ...f.notes });
  }
}
