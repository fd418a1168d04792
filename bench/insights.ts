/**
 * Insights on a busy audit log: 5 namespaces x 10,000 events each over 180 days (loads and
 * patches, rollbacks discarding what they undo, kill-switch episodes, rollout promotions and
 * automatic rollbacks), written straight into a fresh store file. Times each insight endpoint
 * in process (app.inject: the aggregation and serialisation, without the network) and the
 * namespace list (whose summaries carry the 7-day change failure rate). Figures, not a test.
 *
 *   npx tsx bench/insights.ts          (BENCH_RUNS=7, BENCH_EVENTS=10000)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { isMain, printTable } from './table';

const NAMESPACES = ['checkout', 'payments', 'search', 'validation', 'conversations'];
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DAY = 86_400_000;
const ADMIN = 'bench-insights-admin-token-0123456789';

/** mulberry32: deterministic data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writeEvents(dbPath: string, now: number): number {
  const db = new Database(dbPath);
  const insert = db.prepare(
    'INSERT INTO events (at, namespace, actor, action, reason, from_version, to_version, details, rollout_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let written = 0;
  db.transaction(() => {
    NAMESPACES.forEach((ns, n) => {
      const r = rng(n + 1);
      const step = (180 * DAY) / EVENTS;
      let version = 1;
      let killed = false;
      for (let i = 0; i < EVENTS; i++) {
        const at = new Date(now - 180 * DAY + i * step + r() * step * 0.5).toISOString();
        const u = r();
        let row: [string, string, number | null, number | null, Record<string, unknown>, string | null];
        if (killed) {
          killed = false;
          row = ['killswitch.disable', 'safe again', version, version, { enabled: false }, null];
        } else if (u < 0.1 && version > 1) {
          row = ['snapshot.rollback', 'errors after the change', version, version - 1, { steps: 1, discarded: [version] }, null];
          version -= 1;
        } else if (u < 0.11) {
          killed = true;
          row = ['killswitch.enable', 'incident', version, version, { enabled: true }, null];
        } else if (u < 0.14) {
          version += 1;
          row = ['rollout.promote', 'next step', version - 1, version, { rolloutId: `${ns}-v2` }, `${ns}-v2`];
        } else if (u < 0.15) {
          version += 1;
          const trigger = { ruleId: r() < 0.5 ? 'critical-error-rate' : 'critical-memory', label: 'guard', severity: 'critical' };
          row = ['rollout.rollback', 'Automatic rollback', version - 1, version, { rolloutId: `${ns}-v2`, automatic: true, trigger }, `${ns}-v2`];
        } else {
          version += 1;
          row = [u < 0.6 ? 'snapshot.load' : 'snapshot.patch', 'config change', version - 1, version, { noop: false }, null];
        }
        const [action, reason, from, to, details, rollout] = row;
        insert.run(at, ns, 'bench', action, reason, from, to, JSON.stringify(details), rollout);
        written++;
      }
    });
  }).immediate();
  db.close();
  return written;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export async function run(log: (line: string) => void = console.log): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-insights-'));
  const config = loadConfig({ SWITCHYARD_DB: join(dir, 'bench.db'), SWITCHYARD_ADMIN_TOKEN: ADMIN, SWITCHYARD_STATIC_DIR: '' });
  const { app, services } = await buildApp({ config, guardsIntervalMs: 0 });
  try {
    const now = Date.now();
    for (const ns of NAMESPACES) {
      await services.registry.createNamespace({ name: ns, features: [], reason: 'bench' }, { actor: 'bench', tokenId: 'bench', at: new Date(now - 181 * DAY) });
    }
    const written = writeEvents(config.dbPath, now);
    log(`wrote ${written.toLocaleString('en-US')} audit events (${EVENTS.toLocaleString('en-US')} per namespace, 180 days)`);
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    const urls: Record<string, string> = {
      'summary, 90 days (+ previous 90)': `/api/v1/insights/summary?from=${iso(now - 90 * DAY)}&to=${iso(now)}&tz=Europe/Berlin`,
      'rollbacks, 90 days by day': `/api/v1/insights/rollbacks?from=${iso(now - 90 * DAY)}&to=${iso(now)}&bucket=day&tz=Europe/Berlin`,
      'rollbacks, 30 days by hour': `/api/v1/insights/rollbacks?from=${iso(now - 30 * DAY)}&to=${iso(now)}&bucket=hour&tz=America/New_York`,
      'events behind failures, 90 days': `/api/v1/insights/events?metric=failures&from=${iso(now - 90 * DAY)}&to=${iso(now)}`,
      'timeline, 30 days (limit 5,000)': `/api/v1/timeline?from=${iso(now - 30 * DAY)}&to=${iso(now)}&limit=5000`,
      'namespace list (7-day failure rate)': '/api/v1/namespaces',
    };
    const figures: Record<string, number | string> = { 'audit events': written };
    for (const [name, url] of Object.entries(urls)) {
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i <= RUNS; i++) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${ADMIN}` } });
        const ms = performance.now() - t0;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        bytes = res.body.length;
        if (i > 0) samples.push(ms);
      }
      figures[`${name}: median ms`] = Math.round(median(samples) * 10) / 10;
      figures[`${name}: response KB`] = Math.round(bytes / 102.4) / 10;
    }
    figures['load average at the end'] = os.loadavg().map((n) => n.toFixed(2)).join(' ');
    return figures;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  run()
    .then((figures) => printTable('Insights on 5 x 10,000 audit events (in process, median of runs)', figures))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
