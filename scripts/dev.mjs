#!/usr/bin/env node
// `npm run dev`: the server (restarting on change) and Vite's dev server with hot reload.
// Vite proxies /api and /v1 to the server (see vite.config.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, SWITCHYARD_DEMO: process.env.SWITCHYARD_DEMO ?? '1', SWITCHYARD_STATIC_DIR: '' };

const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', join(root, 'server', 'main.ts')], { cwd: root, env, stdio: 'inherit' }),
  spawn(bin('vite'), [], { cwd: root, env, stdio: 'inherit' }),
];
const stop = (signal) => children.forEach((c) => c.kill(signal));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
for (const c of children) c.on('exit', (code) => { stop('SIGTERM'); process.exit(code ?? 0); });
