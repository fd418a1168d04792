/**
 * Screenshots of every screen in light and dark, for looking at before a change is called done.
 *
 *   npx tsx scripts/screenshots.ts [--url http://127.0.0.1:8080] [--token <admin token>] [--out screenshots]
 *
 * Needs a running server (e.g. `npm start`, which has demo data) and a token that can sign in
 * (SWITCHYARD_TOKEN or --token). Uses Debian's Chromium (CHROMIUM_PATH to override).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { guardScreens, readOnlyScreen } from './screenshot-guards';
import { registryScreens } from './screenshot-registry';
import { rolloutScreens } from './screenshot-rollouts';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.SWITCHYARD_URL ?? 'http://127.0.0.1:8080' },
    token: { type: 'string', default: process.env.SWITCHYARD_TOKEN ?? '' },
    out: { type: 'string', default: 'screenshots' },
    width: { type: 'string', default: '1440' },
    height: { type: 'string', default: '900' },
    /** Comma-separated groups to shoot besides the basics, e.g. `guards`; all when absent. */
    only: { type: 'string' },
  },
});

const only = values.only?.split(',');

const baseUrl = values.url.replace(/\/$/, '');
const outDir = path.resolve(values.out);
const viewport = { width: Number(values.width), height: Number(values.height) };

async function shoot(page: Page, name: string, theme: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(outDir, `${name}-${theme}.png`);
  // Dialogs sit in the top layer over the viewport: shoot those with fullPage: false.
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled' });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

async function screens(browser: Browser, theme: 'light' | 'dark'): Promise<void> {
  const context = await browser.newContext({ colorScheme: theme, viewport, baseURL: baseUrl });
  const page = await context.newPage();

  await page.goto('/login');
  await page.getByLabel('API token').waitFor();
  await shoot(page, 'login', theme);

  await page.getByLabel('API token').fill('sy_not_a_real_token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  await shoot(page, 'login-error', theme);

  await page.getByLabel('API token').fill(values.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Namespaces' }).waitFor();
  await page.getByRole('table').or(page.getByRole('region', { name: 'No namespaces yet' })).first().waitFor();
  await shoot(page, 'namespaces', theme);

  const rows = page.getByRole('table').getByRole('rowheader').getByRole('link');
  if ((await rows.count()) > 0) {
    await page.getByRole('searchbox', { name: 'Search namespaces' }).fill('zzz-no-such-namespace');
    await shoot(page, 'namespaces-no-match', theme);
    await page.getByRole('button', { name: 'Clear search' }).click();

    const killed = page.locator('tr[data-killed]').getByRole('rowheader').getByRole('link');
    const target = (await killed.count()) > 0 ? killed.first() : rows.first();
    await target.click();
    await page.getByRole('table', { name: /^Flags in v/ }).or(page.getByText('This snapshot has no flags.')).first().waitFor();
    await shoot(page, 'namespace', theme);
  }
  if (!only || only.includes('registry')) await registryScreens(page, theme, shoot);
  if (!only || only.includes('rollouts')) await rolloutScreens(page, theme, shoot);
  if (!only || only.includes('guards')) {
    await guardScreens(page, theme, shoot);
    await readOnlyScreen(page, theme, shoot);
  }
  await context.close();
}

async function main(): Promise<void> {
  if (!values.token) {
    console.error('Give a token that can sign in: --token <secret> or SWITCHYARD_TOKEN=<secret>.');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    for (const theme of ['light', 'dark'] as const) await screens(browser, theme);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
