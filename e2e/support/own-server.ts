/**
 * A Switchyard server of the spec's own (not the shared one from playwright.config.ts), on a free
 * port and a temporary database, that the spec may kill with SIGKILL and start again on the same
 * database: for the "API down" behaviour. Started through npx/tsx in its own process group, so
 * the kill takes the whole tree and nothing is left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

export interface OwnServer {
  baseURL: string;
  adminToken: string;
  /** Starts the server (again) and resolves once /healthz answers. */
  start(): Promise<void>;
  /** SIGKILL, as a crash would; resolves at once (the browser is left to notice). */
  kill(): void;
  /** Kills it if running and removes its database. */
  dispose(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function healthy(baseURL: string): Promise<boolean> {
  try {
    return (await fetch(`${baseURL}/healthz`)).ok;
  } catch {
    return false;
  }
}

export async function createOwnServer(): Promise<OwnServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-e2e-own-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const adminToken = `sy_e2e_own_${port}_7c1e0b3a9d`;
  const log = fs.openSync(path.join(dir, 'server.log'), 'a');
  let child: ChildProcess | null = null;

  const kill = () => {
    if (child?.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    child = null;
  };

  return {
    baseURL,
    adminToken,
    async start() {
      child = spawn('npx', ['tsx', 'server/main.ts'], {
        detached: true,
        stdio: ['ignore', log, log],
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          SWITCHYARD_DB: path.join(dir, 'switchyard.db'),
          SWITCHYARD_DEMO: '0',
          SWITCHYARD_STATIC_DIR: 'dist',
          SWITCHYARD_ADMIN_TOKEN: adminToken,
        },
      });
      await expect.poll(() => healthy(baseURL), { timeout: 60_000, intervals: [200] }).toBe(true);
    },
    kill,
    dispose() {
      kill();
      fs.closeSync(log);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
