/**
 * S2: kill -9 the server during a write storm, restart, repeat. Every acknowledged write must
 * survive, the store must open, and history must stay contiguous.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { VersionPage } from '@contract/schemas';
import { FEATURES, NS, snapshot } from './test/harness';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ADMIN = 'crash-test-admin-secret-42';
const ROUNDS = Number(process.env.SWITCHYARD_CRASH_ROUNDS ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'switchyard-crash-'));
const dbPath = join(dir, 'crash.db');
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function start(): Promise<string> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SWITCHYARD_DB: dbPath,
      SWITCHYARD_ADMIN_TOKEN: ADMIN,
      SWITCHYARD_STATIC_DIR: join(dir, 'no-dist'),
      SWITCHYARD_DEMO: '0',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

function kill9(): Promise<void> {
  const proc = child;
  child = null;
  if (!proc || proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.on('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

const api = (base: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(base + path, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...init.headers },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });

async function allVersions(base: string) {
  const page = VersionPage.parse(await (await api(base, `/api/v1/namespaces/${NS}/versions?limit=1000`)).json());
  const items = [...page.items];
  let before = page.nextBefore;
  while (before !== null) {
    const next = VersionPage.parse(await (await api(base, `/api/v1/namespaces/${NS}/versions?limit=1000&before=${before}`)).json());
    items.push(...next.items);
    before = next.nextBefore;
  }
  return items;
}

describe('crash safety (kill -9 during a write storm)', () => {
  it(`loses no acknowledged write over ${ROUNDS} crashes`, { timeout: 60_000 + ROUNDS * 15_000 }, async () => {
    const acked = new Map<number, string>();
    let base = await start();
    const created = await api(base, '/api/v1/namespaces', { method: 'POST', body: { name: NS, features: FEATURES, reason: 'crash test' } });
    expect(created.status).toBe(201);

    for (let round = 0; round < ROUNDS; round++) {
      const storming = new AbortController();
      const worker = async (w: number) => {
        for (let n = 0; !storming.signal.aborted; n++) {
          try {
            const r = await api(base, `/api/v1/namespaces/${NS}/load`, {
              method: 'POST',
              headers: { 'if-match': '*' },
              body: { snapshot: snapshot(((round * 7 + w * 13 + n) % 1000) / 10, { meta: { source: `r${round}-w${w}-n${n}` } }), reason: 'storm' },
            });
            if (r.status === 200) {
              const body = (await r.json()) as { version: { version: number; hash: string } };
              acked.set(body.version.version, body.version.hash);
            }
          } catch {
            return; // the server was killed mid-request: not acknowledged
          }
        }
      };
      const storm = Promise.all([0, 1, 2, 3].map(worker));
      await new Promise((r) => setTimeout(r, 150 + ((round * 37) % 200)));
      await kill9();
      storming.abort();
      await storm;

      base = await start();
      const versions = await allVersions(base);
      const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      const byNumber = new Map(versions.map((v) => [v.version, v]));
      for (const [v, hash] of acked) expect([v, byNumber.get(v)?.hash]).toEqual([v, hash]);
      for (const v of versions) expect(v.parentVersion === null || v.parentVersion < v.version).toBe(true);
      const detail = (await (await api(base, `/api/v1/namespaces/${NS}`)).json()) as { activeVersion: number; latestVersion: number };
      expect(detail.latestVersion).toBe(numbers.length);
      expect(byNumber.has(detail.activeVersion)).toBe(true);
    }
    expect(acked.size).toBeGreaterThan(ROUNDS);
    await kill9();
  });
});
