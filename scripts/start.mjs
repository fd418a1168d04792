#!/usr/bin/env node
// `npm start`: build the dashboard when the build is missing or older than its sources,
// then run the server with demo data and the traffic simulator on an embedded database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIsStale() {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = ['src', 'core', 'contract', 'index.html', 'vite.config.ts', 'public'].map((p) => join(root, p));
  return sources.some((p) => existsSync(p) && newestMtime(p) > builtAt);
}

if (buildIsStale()) {
  console.log('Building the dashboard (first start or sources changed)…');
  const build = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = {
  ...process.env,
  SWITCHYARD_DEMO: process.env.SWITCHYARD_DEMO ?? '1',
  SWITCHYARD_SIMULATOR: process.env.SWITCHYARD_SIMULATOR ?? '1',
};
const server = spawn(bin('tsx'), [join(root, 'server', 'main.ts')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
