/**
 * S1 soak: 4 writers load distinct snapshots (writer 0 also rolls back now and then) while 32
 * readers poll the app endpoint (with and without If-None-Match) and the API's GET namespace, and 4
 * clients watch the app's server-sent events,
 * against the real server in a child process on loopback. The checker is
 * server/trust/whole-snapshots.ts. Bounded: 100,000 reads or 15 minutes, whichever comes first.
 * Run: npx tsx bench/soak-snapshots.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/trust/child-server';
import { wholeSnapshotSoak } from '../server/trust/whole-snapshots';
import { isMain, printTable } from './table';

const ADMIN = 'soak-snapshots-admin-secret';

export async function run(): Promise<Record<string, number | string>> {
  const reads = Number(process.env.SWITCHYARD_SOAK_READS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-soak-s1-'));
  const server = await startServer({ dbPath: join(dir, 'soak.db'), adminToken: ADMIN, staticDir: join(dir, 'no-dist') });
  try {
    const r = await wholeSnapshotSoak({
      base: server.base,
      adminToken: ADMIN,
      namespace: 'soak',
      writers: 4,
      readers: 32,
      watchers: 4,
      reads,
      maxMs: 15 * 60_000,
      rollbackEvery: 10,
      readsPerWrite: 60,
    });
    return {
      reads: r.reads,
      'app reads (200)': r.appReads - r.notModified,
      'app reads (304)': r.notModified,
      'API reads': r.apiReads,
      'watch events (4 SSE clients)': r.watchEvents,
      torn: r.torn,
      unknown: r.unknown,
      backwards: r.backwards,
      'failed reads': r.errors,
      'writes (loads)': r.writes,
      rollbacks: r.rollbacks,
      'versions seen': r.versionsSeen,
      'duration s': Math.round(r.durationMs / 100) / 10,
      'reads/s': Math.round(r.reads / (r.durationMs / 1000)),
      ...(r.examples.length > 0 ? { 'first problem': r.examples[0] ?? '' } : {}),
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const figures = await run();
  printTable('S1 whole snapshots (4 writers, 32 readers)', figures);
  const bad = ['torn', 'unknown', 'backwards', 'failed reads'].some((k) => figures[k] !== 0);
  if (bad || Number(figures.reads) < 100_000) process.exitCode = 1;
}
