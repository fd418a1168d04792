/**
 * Screens of the rollout journeys for scripts/screenshots.ts: the rollouts list, a rollout page
 * (stage track, gate, guards, V1-vs-V2 charts, counters, settings), its promote and rollback
 * guard dialogs (opened and cancelled: nothing changes), and the parity review with a report
 * open. Needs the demo rollouts (SWITCHYARD_DEMO=1; with SWITCHYARD_SIMULATOR=1 the charts reach
 * up to now).
 */
import type { Page } from 'playwright-core';
import type { Shoot } from './screenshot-guards';

interface RolloutItem {
  id: string;
  state: { status: string; stepIndex: number };
}

async function rolloutIds(page: Page): Promise<string[]> {
  const response = await page.request.get('/api/v1/rollouts');
  if (!response.ok()) return [];
  const { items } = (await response.json()) as { items: RolloutItem[] };
  // The demo rollout with a rollback in its history shows the most: it goes first.
  return items.map((r) => r.id).sort((a, b) => Number(b.startsWith('validation')) - Number(a.startsWith('validation')));
}

/** Waits until every V1-vs-V2 card has drawn its lines (or said it has no data). */
async function chartsDrawn(page: Page): Promise<void> {
  await page.getByTestId('rollout-charts').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-metric]')].every((c) => c.querySelector('.recharts-line-curve') || c.querySelector('.chart-empty')));
}

export async function rolloutScreens(page: Page, theme: string, shoot: Shoot): Promise<void> {
  await page.goto('/rollouts');
  await page.getByRole('table').or(page.getByRole('region', { name: 'No rollouts yet' })).first().waitFor();
  await shoot(page, 'rollouts', theme);

  const ids = await rolloutIds(page);
  const id = ids[0];
  if (!id) return;
  await page.goto(`/rollouts/${id}`);
  await page.getByRole('list', { name: 'Rollout steps' }).waitFor();
  await page.getByRole('list', { name: 'Gate checks' }).or(page.getByText('No-go: no reports')).first().waitFor();
  await chartsDrawn(page);
  // Scroll through once so the counter charts (drawn when near the viewport) are in the shot.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('.counters .recharts-surface, .counters .chart-empty').first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'rollout', theme);

  await page.goto(`/rollouts/${id}?range=7d`);
  await chartsDrawn(page);
  // The charts' section at the top of the viewport, under the sticky top bar.
  await page.evaluate(() => {
    const section = document.querySelector('.rollout-charts');
    if (section) window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - 60);
  });
  // A hover on the latency chart: the crosshair and the readouts follow in every chart.
  const plot = await page.locator('[data-metric] .recharts-surface').first().boundingBox();
  if (plot) await page.mouse.move(plot.x + plot.width * 0.62, plot.y + plot.height * 0.5);
  await page.locator('.chart-crosshair').first().waitFor({ state: 'attached' });
  await shoot(page, 'rollout-charts-7d', theme, { fullPage: false });

  // Each guard dialog on a rollout where its action is possible now (the simulator moves them).
  const actions = page.getByRole('group', { name: 'Rollout actions' });
  for (const buttons of [['Promote', 'Resume'], ['Roll back']] as const) {
    for (const [candidate, button] of ids.flatMap((i) => buttons.map((b) => [i, b] as const))) {
      const name = `rollout-${button.toLowerCase().replace(' ', '')}-dialog`;
      await page.goto(`/rollouts/${candidate}`);
      const b = actions.getByRole('button', { name: button, exact: true });
      if (!(await b.waitFor({ timeout: 10_000 }).then(() => true, () => false))) continue;
      // The role is read after the first paint: let the button settle.
      await page.waitForTimeout(500);
      if ((await b.getAttribute('aria-disabled')) === 'true') continue;
      await b.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('group', { name: 'Suggested reasons' }).getByRole('button').first().click();
      await page.waitForTimeout(300);
      await shoot(page, name, theme, { fullPage: false });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      break;
    }
  }

  await page.goto(`/rollouts/${id}/parity?status=mismatch`);
  const card = page.getByRole('listitem', { name: /^Report / }).first();
  await card.or(page.getByRole('region', { name: /No report/ })).first().waitFor();
  if ((await card.count()) > 0) {
    await card.getByRole('button', { expanded: false }).click();
    await card.getByRole('form').waitFor();
  }
  await shoot(page, 'parity', theme);
}
