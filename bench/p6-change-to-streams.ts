/**
 * P6: change -> visible in 200 connected live streams, p95. 200 clients hold /api/v1/stream (the
 * dashboard's change stream, admin token) on their own sockets; the bench makes 30 changes (loads
 * of a 100-flag snapshot, one at a time, each once every client saw the previous one) and times,
 * for every client and change, from the moment the change's request was sent to the moment that
 * client's socket delivered the event (matched by the audit event id the response carries).
 * Clients and timer share this process and its clock. Target: p95 <= 250 ms.
 * Run: npx tsx bench/p6-change-to-streams.ts
 */
import http from 'node:http';
import { BenchApi } from './lib/api';
import { figure, type Figure } from './lib/figure';
import { startServer } from './lib/server';
import { rawSnapshot } from './lib/snapshots';
import { median, quantile, round } from './lib/stats';
import { isMain, printTable } from './table';

const NS = 'inventory';
const CLIENTS = 200;
const CHANGES = Number(process.env.BENCH_CHANGES ?? 30);

interface Stream {
  /** Event id -> performance.now() when its frame arrived. */
  seen: Map<number, number>;
  close: () => void;
}

function openStream(base: string, token: string, onEvent: () => void): Promise<Stream> {
  const url = new URL('/api/v1/stream', base);
  return new Promise((resolve, reject) => {
    const seen = new Map<number, number>();
    const req = http.get(
      { host: url.hostname, port: url.port, path: url.pathname, agent: false, headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          const now = performance.now();
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const m = /^event: change\nid: (\d+)$/m.exec(frame);
            if (m?.[1]) {
              seen.set(Number(m[1]), now);
              onEvent();
            }
          }
        });
        res.on('error', () => undefined);
        resolve({ seen, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
  });
}

export async function run(log: (line: string) => void = console.log): Promise<Figure[]> {
  const server = await startServer();
  const streams: Stream[] = [];
  try {
    const api = new BenchApi(server.base, server.adminToken);
    await api.createNamespace(NS, rawSnapshot(NS, 100, 0, 'v1'));
    let arrived = 0;
    const arrivedSoFar = () => arrived;
    let waiter: (() => void) | null = null;
    const onEvent = () => {
      arrived++;
      waiter?.();
    };
    for (let i = 0; i < CLIENTS; i++) streams.push(await openStream(server.base, server.adminToken, onEvent));
    log(`  ${CLIENTS} streams open; making ${CHANGES} changes…`);
    const fromRequest: number[] = [];
    const fromResponse: number[] = [];
    let missed = 0;
    for (let i = 1; i <= CHANGES; i++) {
      const target = arrived + CLIENTS;
      const sent = performance.now();
      const r = await api.call('POST', `/api/v1/namespaces/${NS}/load`, { body: { snapshot: rawSnapshot(NS, 100, i, `v${i + 1}`), reason: 'bench: change' }, ifMatch: '*' });
      const answered = performance.now();
      const id = (r.json as { event?: { id?: unknown } }).event?.id;
      if (typeof id !== 'number') throw new Error('the load response has no event id');
      const deadline = Date.now() + 5_000;
      while (arrivedSoFar() < target && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiter = resolve;
          setTimeout(resolve, 100);
        });
      }
      waiter = null;
      for (const s of streams) {
        const at = s.seen.get(id);
        if (at === undefined) {
          missed++;
          continue;
        }
        fromRequest.push(at - sent);
        fromResponse.push(at - answered);
      }
      await new Promise((r2) => setTimeout(r2, 50));
    }
    const f = figure({
        id: 'P6',
        name: `change -> visible in ${CLIENTS} live streams, p95`,
        unit: 'ms',
        samples: [round(quantile(fromRequest, 0.95), 1)],
        target: { op: '<=', value: 250, on: 'median' },
        notes: {
          deliveries: `${fromRequest.length} (${CHANGES} changes x ${CLIENTS} streams), ${missed} missed`,
          'median ms (from request)': round(median(fromRequest), 1),
          'p99 ms (from request)': round(quantile(fromRequest, 0.99), 1),
          'p95 ms from the response': round(quantile(fromResponse, 0.95), 1),
        },
      });
    // A change a stream never delivered is a miss whatever the percentiles say.
    if (missed > 0) f.verdict = 'missed';
    return [f];
  } finally {
    for (const s of streams) s.close();
    await server.stop();
  }
}

if (isMain(import.meta.url)) {
  for (const f of await run()) printTable(`${f.id} ${f.name}`, { 'p95 ms': f.median, verdict: f.verdict, ...f.notes });
}
