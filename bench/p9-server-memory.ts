/**
 * P9: server memory with 100 namespaces x 1,000 versions x 100 flags (100,000 versions, written
 * into a store file directly and cached between runs; three flags in four plain booleans). The
 * real server starts on that file; every namespace is touched the way the dashboard and apps
 * touch it: the namespace list, each namespace's detail, its first history page, and its app
 * snapshot (200, then 304); then a full GC and VmRSS from /proc/<pid>/status.
 * Target: <= 200 MB RSS.
 * Run: npx tsx bench/p9-server-memory.ts
 */
import { BenchApi } from './lib/api';
import { cachedRegistry, type NamespaceSpec } from './lib/datasets';
import { figure, type Figure } from './lib/figure';
import { rssMb, startServer } from './lib/server';
import { round } from './lib/stats';
import { isMain, printTable } from './table';

const NAMESPACES = 100;
const VERSIONS = 1000;
const FLAGS = 100;

export async function run(log: (line: string) => void = console.log): Promise<Figure[]> {
  const specs: NamespaceSpec[] = Array.from({ length: NAMESPACES }, (_, i) => ({
    name: `service-${String(i).padStart(3, '0')}`,
    flags: FLAGS,
    versions: VERSIONS,
    lean: true,
  }));
  const dbPath = await cachedRegistry('p9-fleet', specs, log);
  const server = await startServer({ dbPath, gc: true });
  try {
    const api = new BenchApi(server.base, server.adminToken);
    const atStart = await rssMb(server.pid);
    // Twice over, so every cache is as full as it gets.
    for (let pass = 0; pass < 2; pass++) {
      await api.call('GET', '/api/v1/namespaces');
      for (const { name } of specs) {
        await api.call('GET', `/api/v1/namespaces/${name}`);
        await api.call('GET', `/api/v1/namespaces/${name}/versions?limit=200`);
        const app = await fetch(`${server.base}/v1/namespaces/${name}`);
        await app.arrayBuffer();
        const again = await fetch(`${server.base}/v1/namespaces/${name}`, { headers: { 'if-none-match': app.headers.get('etag') ?? '' } });
        if (again.status !== 304) throw new Error(`${name}: expected 304, got ${again.status}`);
      }
    }
    const peak = await rssMb(server.pid);
    await server.gc();
    await new Promise((r) => setTimeout(r, 500));
    const afterGc = await rssMb(server.pid);
    return [
      figure({
        id: 'P9',
        name: `server RSS, ${NAMESPACES} namespaces x ${VERSIONS.toLocaleString('en')} versions x ${FLAGS} flags, all touched`,
        unit: 'MB',
        samples: [round(afterGc, 1)],
        target: { op: '<=', value: 200, on: 'median' },
        notes: { 'RSS at start MB': round(atStart, 1), 'RSS before GC MB': round(peak, 1), 'versions stored': NAMESPACES * VERSIONS },
      }),
    ];
  } finally {
    await server.stop();
  }
}

if (isMain(import.meta.url)) {
  for (const f of await run()) printTable(`${f.id} ${f.name}`, { 'RSS MB': f.median, verdict: f.verdict, ...f.notes });
}
