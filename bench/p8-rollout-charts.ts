/**
 * P8: the rollout charts over 7 days of 1-minute windows (V1 and V2, requests/errors/latency/
 * resources: 4 metric cards) render. A rollout gets 7 days of per-minute windows for both variants
 * (20,160 windows) through the real ingest API; the server downsamples to the ~200 points a chart
 * asks for. Each run is a fresh signed-in context that opens the rollouts list, then navigates in
 * the app to /rollouts/<id>?range=7d and takes the time to the frame that shows both variants'
 * lines drawn in all 4 charts (the chart library's own chunk is loaded inside the figure).
 * Target: median <= 500 ms.
 * Run: npx tsx bench/p8-rollout-charts.ts
 */
import { BenchApi } from './lib/api';
import { armColdProbe, coldReadyAt, launchChromium, resourceTiming, signedInContext, timeRouteChange } from './lib/browser';
import { figure, type Figure } from './lib/figure';
import { ensureSpa } from './lib/spa-build';
import { startServer } from './lib/server';
import { median, round } from './lib/stats';
import { isMain, printTable } from './table';

const NS = 'checkout';
const RID = 'checkout-v2';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MIN = 60_000;
const DAYS = 7;

function windows(endMs: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const count = DAYS * 24 * 60;
  for (let i = count; i >= 1; i--) {
    const start = endMs - i * MIN;
    // A daily traffic curve, V2 a touch slower; no guard ever breaches.
    const load = 0.6 + 0.4 * Math.sin((start / (24 * 60 * MIN)) * 2 * Math.PI);
    for (const variant of ['v1', 'v2'] as const) {
      const requests = Math.round(2000 * load) + (i % 17);
      out.push({
        variant,
        start,
        seconds: 60,
        requests,
        errors: Math.round(requests * 0.002) + (i % 3),
        latencyP50Ms: 80 + 20 * load + (variant === 'v2' ? 4 : 0),
        latencyP95Ms: 220 + 60 * load + (variant === 'v2' ? 9 : 0),
        latencyP99Ms: 480 + 120 * load + (i % 23),
        memoryMb: 600 + (variant === 'v2' ? 40 : 0) + (i % 11),
        cpuPct: 30 + 25 * load,
      });
    }
  }
  return out;
}

export async function run(log: (line: string) => void = console.log): Promise<Figure[]> {
  const { dir } = ensureSpa(log);
  const server = await startServer({ staticDir: dir });
  const browser = await launchChromium();
  try {
    const api = new BenchApi(server.base, server.adminToken);
    await api.call('POST', '/api/v1/namespaces', {
      body: {
        name: NS,
        features: [{ key: `feature::${NS}::newCheckout`, type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: false } }],
        reason: 'bench: arrange',
      },
    });
    await api.call('POST', '/api/v1/rollouts', { body: { id: RID, namespace: NS, flag: 'newCheckout', v1Value: false, v2Value: true, reason: 'bench: start' } });
    const all = windows(Math.floor(Date.now() / MIN) * MIN);
    for (let i = 0; i < all.length; i += 5000) {
      await api.call('POST', `/api/v1/rollouts/${RID}/ingest/metrics`, { body: { windows: all.slice(i, i + 5000) } });
    }
    log(`  ingested ${all.length.toLocaleString('en')} windows`);

    const samples: number[] = [];
    const apiMs: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const context = await signedInContext(browser, server.base, server.adminToken);
      try {
        await armColdProbe(context, { selector: `a[href="/rollouts/${RID}"]` });
        const page = await context.newPage();
        await page.goto('/rollouts', { waitUntil: 'commit' });
        await coldReadyAt(page);
        const t = await timeRouteChange(page, `/rollouts/${RID}?range=7d`, { selector: '.chart-plot svg .recharts-line-curve', count: 8 });
        if (i === 0) continue;
        samples.push(round(t));
        const r = await resourceTiming(page, `/api/v1/rollouts/${RID}/metrics`);
        if (r) apiMs.push(r.duration);
      } finally {
        await context.close();
      }
    }
    return [
      figure({
        id: 'P8',
        name: 'rollout charts, 7 days of 1-minute windows (2 variants x 4 metrics)',
        unit: 'ms',
        samples,
        target: { op: '<=', value: 500, on: 'median' },
        notes: { runs: samples.length, windows: all.length, 'GET metrics (downsampled) median ms': round(median(apiMs)) },
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
