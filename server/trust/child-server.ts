/**
 * The real server as a child process on loopback (port 0), for tests and soaks that must kill it
 * (SIGKILL) or keep its CPU apart from the clients measuring it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  base: string;
  /** SIGKILL; resolves once the process is gone. */
  kill9: () => Promise<void>;
  /** SIGTERM (graceful close); resolves once the process is gone. */
  stop: () => Promise<void>;
}

export interface ChildOptions {
  dbPath: string;
  adminToken: string;
  staticDir: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

function ended(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill(signal);
  });
}

export function startServer(options: ChildOptions): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SWITCHYARD_DB: options.dbPath,
      SWITCHYARD_ADMIN_TOKEN: options.adminToken,
      SWITCHYARD_STATIC_DIR: options.staticDir,
      SWITCHYARD_DEMO: '0',
      LOG_LEVEL: 'error',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void ended(proc, 'SIGKILL');
      reject(new Error(`server did not start: ${out}`));
    }, options.startTimeoutMs ?? 30_000);
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
      proc.stdout?.off('data', onData);
      proc.stderr?.off('data', onData);
      // Keep draining the pipes so a chatty server never blocks on a full buffer.
      proc.stdout?.resume();
      proc.stderr?.resume();
      resolve({ base: m[1], kill9: () => ended(proc, 'SIGKILL'), stop: () => ended(proc, 'SIGTERM') });
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', onExit);
  });
}
