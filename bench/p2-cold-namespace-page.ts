/**
 * P2: cold load of a namespace page to usable, in headless Chromium on localhost. Each run is a
 * new browser context (empty cache) holding a session cookie, as right after signing in; it
 * navigates to /namespaces/<ns> and takes the time, from navigation start, until the frame that
 * shows the flags table with its rows and an enabled "Roll back" button has been painted.
 * Namespace: 100 flags (booleans, ramps, strings, ints with rules), 30 versions, made through the API.
 * Target: median <= 500 ms.
 * Run: npx tsx bench/p2-cold-namespace-page.ts
 */
import { BenchApi } from './lib/api';
import { armColdProbe, coldReadyAt, launchChromium, navigationTiming, resourceTiming, signedInContext } from './lib/browser';
import { figure, type Figure } from './lib/figure';
import { rawSnapshot } from './lib/snapshots';
import { ensureSpa } from './lib/spa-build';
import { startServer } from './lib/server';
import { median, round } from './lib/stats';
import { isMain, printTable } from './table';

const NS = 'checkout';
const FLAGS = 100;
const VERSIONS = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

export async function run(log: (line: string) => void = console.log): Promise<Figure[]> {
  const { dir } = ensureSpa(log);
  const server = await startServer({ staticDir: dir });
  const browser = await launchChromium();
  try {
    const api = new BenchApi(server.base, server.adminToken);
    await api.createNamespace(NS, rawSnapshot(NS, FLAGS, 0, 'v1'));
    for (let v = 2; v <= VERSIONS; v++) await api.load(NS, rawSnapshot(NS, FLAGS, v, `v${v}`));

    const samples: number[] = [];
    const api_ms: number[] = [];
    const dcl: number[] = [];
    // One warm-up run (the server's caches and JIT, as on a server that has been up a while).
    for (let i = 0; i <= RUNS; i++) {
      const context = await signedInContext(browser, server.base, server.adminToken);
      try {
        await armColdProbe(context, { selector: 'table[aria-label^="Flags in v"] tbody tr', count: FLAGS, button: 'Roll back' });
        const page = await context.newPage();
        await page.goto(`/namespaces/${NS}`, { waitUntil: 'commit' });
        const ready = await coldReadyAt(page);
        if (i === 0) continue;
        samples.push(ready);
        const nav = await navigationTiming(page);
        dcl.push(nav.domContentLoaded);
        const r = await resourceTiming(page, `/api/v1/namespaces/${NS}`);
        if (r) api_ms.push(r.duration);
      } finally {
        await context.close();
      }
    }
    return [
      figure({
        id: 'P2',
        name: 'cold load of a namespace page to usable (100 flags)',
        unit: 'ms',
        samples: samples.map((s) => round(s)),
        target: { op: '<=', value: 500, on: 'median' },
        notes: {
          runs: samples.length,
          'DOMContentLoaded median ms': round(median(dcl)),
          'GET namespace median ms': round(median(api_ms)),
        },
      }),
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (isMain(import.meta.url)) {
  for (const f of await run()) printTable(`${f.id} ${f.name}`, { median: f.median, min: f.min, max: f.max, verdict: f.verdict, ...f.notes });
}
