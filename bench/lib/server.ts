/**
 * The real server (`server/main.ts`) as a child process on a free loopback port, on a database
 * file of the bench's choosing, with a known admin token: what apps and browsers talk to in
 * production, not an in-process app. Keeping its CPU apart from the load generator matters on 2
 * cores.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH_ADMIN = 'sy_bench_admin_4f1c9e2b7a6d3e80';

export interface BenchServer {
  base: string;
  pid: number;
  adminToken: string;
  dbPath: string;
  /** Asks the server for a full GC (needs `gc: true`); resolves once it is done. */
  gc: () => Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
  stop: () => Promise<void>;
}

export interface ServerOptions {
  /** Database file; a fresh one in a temporary directory when absent (removed on stop). */
  dbPath?: string;
  adminToken?: string;
  /** The built dashboard to serve (absent: none). */
  staticDir?: string;
  env?: Record<string, string>;
  /** Start node with --expose-gc and the SIGUSR2 -> gc() preload. */
  gc?: boolean;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  startTimeoutMs?: number;
}

function ended(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

export async function startServer(options: ServerOptions = {}): Promise<BenchServer> {
  const tempDir = options.dbPath ? null : mkdtempSync(join(tmpdir(), 'switchyard-bench-'));
  const dbPath = options.dbPath ?? join(tempDir ?? '', 'bench.db');
  const adminToken = options.adminToken ?? BENCH_ADMIN;
  const args = [
    '--import',
    'tsx',
    ...(options.gc ? ['--expose-gc', '--import', join(ROOT, 'bench/lib/gc-on-signal.ts')] : []),
    ...(options.nodeArgs ?? []),
    'server/main.ts',
  ];
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SWITCHYARD_DB: dbPath,
      SWITCHYARD_ADMIN_TOKEN: adminToken,
      SWITCHYARD_STATIC_DIR: options.staticDir ?? join(ROOT, 'bench/.no-dist'),
      SWITCHYARD_DEMO: '0',
      SWITCHYARD_SIMULATOR: '0',
      LOG_LEVEL: 'error',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const gcWaiters: (() => void)[] = [];
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not start: ${out}`));
    }, options.startTimeoutMs ?? 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready: ${out}`));
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (!m?.[1]) return;
      clearTimeout(timer);
      proc.off('exit', onExit);
      resolve(m[1]);
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', onExit);
  });
  // Keep draining both pipes (a chatty server must never block), and watch for gc-done.
  proc.stdout?.removeAllListeners('data');
  proc.stderr?.removeAllListeners('data');
  proc.stdout?.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('gc-done')) for (const w of gcWaiters.splice(0)) w();
  });
  proc.stderr?.resume();
  const pid = proc.pid;
  if (pid === undefined) throw new Error('the server has no pid');
  return {
    base,
    pid,
    adminToken,
    dbPath,
    gc: () =>
      new Promise<void>((resolve, reject) => {
        if (!options.gc) return reject(new Error('start the server with gc: true'));
        const timer = setTimeout(() => reject(new Error('no gc-done from the server')), 30_000);
        gcWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
        proc.kill('SIGUSR2');
      }),
    stop: async () => {
      await ended(proc);
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** VmRSS of a process in MB (Linux /proc). */
export async function rssMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m?.[1]) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) / 1024;
}
