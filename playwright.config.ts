import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium against the REAL server (a fresh temporary SQLite
 * database per run, no demo data) serving the built SPA from dist/ (`npm run test:e2e` builds it).
 * Workers re-evaluate this file, so values the specs need travel through the environment.
 */
// A port per run (the main process picks it, workers inherit it) so parallel runs never collide.
process.env.SWITCHYARD_E2E_PORT ??= String(20000 + (process.pid % 20000));
const PORT = Number(process.env.SWITCHYARD_E2E_PORT);
const BASE_URL = `http://127.0.0.1:${PORT}`;

process.env.SWITCHYARD_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-e2e-'));
process.env.SWITCHYARD_E2E_ADMIN_TOKEN ??= 'sy_e2e_admin_0c6f1d2a9b8e4f7d';
process.env.SWITCHYARD_E2E_BASE_URL = BASE_URL;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'on-first-retry',
    video: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'npx tsx server/main.ts',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SWITCHYARD_DB: path.join(process.env.SWITCHYARD_E2E_DIR, 'switchyard.db'),
      SWITCHYARD_DEMO: '0',
      SWITCHYARD_ADMIN_TOKEN: process.env.SWITCHYARD_E2E_ADMIN_TOKEN,
      SWITCHYARD_STATIC_DIR: 'dist',
    },
  },
});
