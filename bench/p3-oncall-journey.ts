/**
 * P3: the on-call journey, scripted as e2e/oncall-rollback.spec.ts does it: open a namespace deep
 * link in a fresh signed-in browser context, "Roll back", pick the suggested reason "Error rate
 * spike after last change", confirm, until the flags table of the rolled-back version (v2) is
 * visible. Timed in the bench process (Playwright's round trips included, a human's reading time
 * not). Each run has its own namespace with three versions (made through the API).
 * Target: median <= 1.5 s (seed 004 asks for rollback within 2 minutes).
 * Run: npx tsx bench/p3-oncall-journey.ts
 */
import { BenchApi } from './lib/api';
import { launchChromium, signedInContext } from './lib/browser';
import { figure, type Figure } from './lib/figure';
import { rawSnapshot } from './lib/snapshots';
import { ensureSpa } from './lib/spa-build';
import { startServer } from './lib/server';
import { round } from './lib/stats';
import { isMain, printTable } from './table';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const FLAGS = 40;
const REASON = 'Error rate spike after last change';

export async function run(log: (line: string) => void = console.log): Promise<Figure[]> {
  const { dir } = ensureSpa(log);
  const server = await startServer({ staticDir: dir });
  const browser = await launchChromium();
  try {
    const api = new BenchApi(server.base, server.adminToken);
    const samples: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const ns = `payments-${i}`;
      await api.createNamespace(ns, rawSnapshot(ns, FLAGS, 0, 'v1'));
      await api.load(ns, rawSnapshot(ns, FLAGS, 1, 'v2'), 'bench: route to the new provider');
      await api.load(ns, rawSnapshot(ns, FLAGS, 2, 'v3'), 'bench: the bad change');
      const context = await signedInContext(browser, server.base, server.adminToken);
      try {
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(`/namespaces/${ns}`);
        await page.getByRole('button', { name: 'Roll back', exact: true }).click();
        const guard = page.getByRole('dialog', { name: `Roll back ${ns}` });
        await guard.getByRole('group', { name: 'Suggested reasons' }).getByRole('button', { name: REASON }).click();
        await guard.getByRole('button', { name: `Roll back ${ns}` }).click();
        await page.getByRole('table', { name: 'Flags in v2' }).waitFor({ state: 'visible' });
        const elapsed = performance.now() - started;
        if (i > 0) samples.push(round(elapsed));
        if ((await api.activeVersion(ns)) !== 2) throw new Error(`${ns}: the rollback did not land on v2`);
      } finally {
        await context.close();
      }
    }
    return [
      figure({
        id: 'P3',
        name: 'on-call journey: deep link -> roll back 1 step through the guard -> new version visible',
        unit: 'ms',
        samples,
        target: { op: '<=', value: 1500, on: 'median' },
        notes: { runs: samples.length, 'seed 004 asks for': '< 120,000 ms' },
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
