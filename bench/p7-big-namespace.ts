/**
 * P7: a big namespace (2,000 flags, 10,000 versions): the history page and a 2,000-flag diff,
 * each timed in Chromium from the in-app navigation (the router's history listener, as after a
 * click) to the frame that shows the rows painted: the first 10 history rows; the first 50 flag
 * cards of the diff (the view pages large diffs 50 at a time). Each run is a fresh signed-in
 * context (cold cache: the screen's code chunk, the API call and the render are all inside the
 * figure) that first opens the namespace page. The data set is written into a store file directly
 * (bench/lib/datasets.ts) and cached between runs; the namespace had 100 flags until it grew to
 * 2,000 fifty versions ago (so the file is ~0.3 GB, not 5 GB), and its last version changes every
 * flag. Target: median <= 300 ms each.
 * Run: npx tsx bench/p7-big-namespace.ts
 */
import { armColdProbe, coldReadyAt, launchChromium, resourceTiming, signedInContext, timeRouteChange } from './lib/browser';
import { cachedRegistry } from './lib/datasets';
import { figure, type Figure } from './lib/figure';
import { ensureSpa } from './lib/spa-build';
import { startServer } from './lib/server';
import { median, round } from './lib/stats';
import { isMain, printTable } from './table';

const NS = 'big';
const FLAGS = 2000;
const VERSIONS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

export async function run(log: (line: string) => void = console.log): Promise<Figure[]> {
  const { dir } = ensureSpa(log);
  const dbPath = await cachedRegistry(
    'p7-big',
    [{ name: NS, flags: FLAGS, versions: VERSIONS, lastChangesAll: true, grewFrom: { flags: 100, fromVersion: VERSIONS - 50 } }],
    log,
  );
  const server = await startServer({ dbPath, staticDir: dir });
  const browser = await launchChromium();
  try {
    const history: number[] = [];
    const diff: number[] = [];
    const namespacePage: number[] = [];
    const historyApi: number[] = [];
    const diffApi: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      for (const screen of ['history', 'diff'] as const) {
        const context = await signedInContext(browser, server.base, server.adminToken);
        try {
          // The flags table renders only the rows in view above 200 flags: ready when the table
          // counts every flag (aria-rowcount) and its first screen of rows is painted.
          await armColdProbe(context, { selector: `table[aria-label^="Flags in v"][aria-rowcount="${FLAGS + 1}"] tbody tr[aria-rowindex]`, count: 10 });
          const page = await context.newPage();
          await page.goto(`/namespaces/${NS}`, { waitUntil: 'commit' });
          const nsReady = await coldReadyAt(page, 60_000);
          const t =
            screen === 'history'
              ? await timeRouteChange(page, `/namespaces/${NS}/history`, { selector: '.history-body .history-row', count: 10 })
              : await timeRouteChange(page, `/namespaces/${NS}/diff?from=${VERSIONS - 1}&to=${VERSIONS}`, { selector: '.diff-cards table.diff-fields', count: 50 });
          if (i === 0) continue;
          (screen === 'history' ? history : diff).push(round(t));
          const api = await resourceTiming(page, screen === 'history' ? `/api/v1/namespaces/${NS}/versions?` : `/api/v1/namespaces/${NS}/diff?`);
          if (api) (screen === 'history' ? historyApi : diffApi).push(api.duration);
          namespacePage.push(nsReady);
        } finally {
          await context.close();
        }
      }
    }
    const notes = { runs: RUNS, data: `${FLAGS.toLocaleString('en')} flags, ${VERSIONS.toLocaleString('en')} versions` };
    return [
      figure({
        id: 'P7a',
        name: 'big namespace: history page render',
        unit: 'ms',
        samples: history,
        target: { op: '<=', value: 300, on: 'median' },
        notes: { ...notes, 'GET versions (200 rows) median ms': round(median(historyApi)) },
      }),
      figure({
        id: 'P7b',
        name: `big namespace: ${FLAGS.toLocaleString('en')}-flag diff render`,
        unit: 'ms',
        samples: diff,
        target: { op: '<=', value: 300, on: 'median' },
        notes: {
          ...notes,
          'GET diff median ms': round(median(diffApi)),
          'namespace page itself, cold, median ms (not a target)': round(median(namespacePage)),
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
