/**
 * The production build of the dashboard the browser figures load, built by the bench into its
 * own folder (never dist/, which other runs serve) with a manifest, and rebuilt only when a
 * source is newer than it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from './datasets';
import { ROOT } from './server';

export const SPA_DIR = join(CACHE_DIR, 'dist');
const SOURCES = ['src', 'core', 'contract', 'index.html', 'vite.config.ts', 'public', 'package-lock.json'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function spaIsStale(dir = SPA_DIR): boolean {
  const stamp = join(dir, '.vite', 'manifest.json');
  if (!existsSync(stamp)) return true;
  const builtAt = statSync(stamp).mtimeMs;
  return SOURCES.map((p) => join(ROOT, p)).some((p) => existsSync(p) && newestMtime(p) > builtAt);
}

/** Builds when stale; returns the folder and whether it built now (and how long that took). */
export function ensureSpa(log: (line: string) => void, dir = SPA_DIR): { dir: string; builtMs: number | null } {
  if (!spaIsStale(dir)) return { dir, builtMs: null };
  log(`  building the dashboard into ${dir} (vite build --manifest)…`);
  const started = performance.now();
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', dir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status})`);
  return { dir, builtMs: performance.now() - started };
}
