/**
 * Screenshots of the insight screens in light and dark: /insights (and the events behind a
 * number), /timeline, and the timelines embedded on a namespace page and a rollout page.
 *
 *   npx tsx scripts/screenshot-insights.ts --url http://127.0.0.1:8080 --token <admin token> [--out screenshots]
 *
 * Needs a running server with demo data (`npm start`) and Debian's Chromium (CHROMIUM_PATH to override).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Locator, type Page } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.SWITCHYARD_URL ?? 'http://127.0.0.1:8080' },
    token: { type: 'string', default: process.env.SWITCHYARD_TOKEN ?? '' },
    out: { type: 'string', default: 'screenshots' },
    namespace: { type: 'string', default: 'validation' },
    rollout: { type: 'string', default: 'validation-orchestrator-v2' },
  },
});

const outDir = path.resolve(values.out);
const file = (name: string, theme: string) => path.join(outDir, `${name}-${theme}.png`);

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
}

async function shoot(page: Page, name: string, theme: string, target?: Locator): Promise<void> {
  await settle(page);
  if (target) await target.screenshot({ path: file(name, theme), animations: 'disabled' });
  else await page.screenshot({ path: file(name, theme), fullPage: true, animations: 'disabled' });
  console.log(`wrote ${path.relative(process.cwd(), file(name, theme))}`);
}

async function run(theme: 'light' | 'dark'): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1440, height: 900 }, baseURL: values.url, timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    const session = await page.request.post('/api/v1/session', { data: { token: values.token }, headers: { 'X-Requested-With': 'switchyard' } });
    if (!session.ok()) throw new Error(`sign-in failed: ${session.status()} ${await session.text()}`);

    await page.goto('/insights');
    await page.getByRole('region', { name: 'All namespaces' }).waitFor();
    await page.locator('.ins-chart .recharts-bar-rectangle').first().waitFor();
    await shoot(page, 'insights', theme);

    const table = page.getByRole('table', { name: 'Namespaces by risk, riskiest first' });
    await table.getByRole('link', { name: /Change failure rate of/ }).first().click();
    await page.getByRole('dialog').getByRole('list').waitFor();
    await settle(page);
    await page.screenshot({ path: file('insights-events', theme), animations: 'disabled' });
    console.log(`wrote ${path.relative(process.cwd(), file('insights-events', theme))}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    await table.getByRole('button', { name: 'How risk is computed' }).focus();
    await page.screenshot({ path: file('insights-risk-tooltip', theme), clip: { x: 200, y: 300, width: 1240, height: 420 }, animations: 'disabled' });

    await page.goto('/timeline');
    await page.getByRole('img', { name: /events on a time axis/ }).waitFor();
    await shoot(page, 'timeline', theme);

    await page.goto(`/namespaces/${encodeURIComponent(values.namespace)}`);
    const nsTimeline = page.getByRole('region', { name: 'Timeline' });
    await nsTimeline.getByRole('img', { name: /events on a time axis/ }).waitFor();
    await nsTimeline.scrollIntoViewIfNeeded();
    await shoot(page, 'namespace-timeline', theme, nsTimeline);

    await page.goto(`/rollouts/${encodeURIComponent(values.rollout)}`);
    const rolloutTimeline = page.getByRole('region', { name: 'Timeline' });
    if (await rolloutTimeline.getByRole('img', { name: /events on a time axis/ }).waitFor({ timeout: 15_000 }).then(() => true, () => false)) {
      await rolloutTimeline.scrollIntoViewIfNeeded();
      await shoot(page, 'rollout-timeline', theme, rolloutTimeline);
    }
    await context.close();
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (!values.token) {
    console.error('Give a token that can sign in: --token <secret> or SWITCHYARD_TOKEN=<secret>.');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  for (const theme of ['light', 'dark'] as const) await run(theme);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
