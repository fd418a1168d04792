/**
 * Screenshots of the registry screens around the namespace page: history (with versions discarded
 * by a rollback), one version, a diff, the audit log, the degraded-mode banner, the command
 * palette and the shortcut help. Called by screenshots.ts with a signed-in page.
 */
import type { Page } from 'playwright-core';

type Shoot = (page: Page, name: string, theme: string, options?: { fullPage?: boolean }) => Promise<void>;

interface Summary {
  name: string;
  activeVersion: number;
  latestVersion: number;
}

/** A namespace with a rollback in its history shows the most: discarded versions. */
async function pickNamespace(page: Page): Promise<Summary | null> {
  const response = await page.request.get('/api/v1/namespaces');
  if (!response.ok()) return null;
  const { items } = (await response.json()) as { items: Summary[] };
  return items.find((n) => n.activeVersion < n.latestVersion) ?? items.find((n) => n.latestVersion > 1) ?? items[0] ?? null;
}

export async function registryScreens(page: Page, theme: string, shoot: Shoot): Promise<void> {
  const ns = await pickNamespace(page);
  if (!ns) return;
  const base = `/namespaces/${encodeURIComponent(ns.name)}`;
  const older = Math.max(1, ns.activeVersion - 3);

  await page.goto(`${base}/history?compare=${older},${ns.activeVersion}`);
  await page.getByRole('table', { name: `Versions of ${ns.name}` }).waitFor();
  await shoot(page, 'history', theme, { fullPage: false });

  await page.goto(`${base}/versions/${ns.activeVersion}`);
  await page.getByRole('table', { name: `Flags in v${ns.activeVersion}` }).waitFor();
  await shoot(page, 'version', theme);
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByLabel(`Konditional JSON of v${ns.activeVersion}`).waitFor();
  await shoot(page, 'version-json', theme, { fullPage: false });

  await page.goto(`${base}/diff?from=${older}&to=${ns.activeVersion}`);
  await page.getByRole('region', { name: `Changes from v${older} to v${ns.activeVersion}` }).waitFor();
  await shoot(page, 'diff', theme);

  await page.goto('/audit');
  await page.getByRole('table', { name: 'Audit log' }).waitFor();
  await shoot(page, 'audit', theme, { fullPage: false });

  await page.goto(base);
  await page.getByRole('status', { name: 'Connection: Live' }).waitFor();
  await shoot(page, 'namespace-live', theme, { fullPage: false });
  // The API "goes down": every request fails as if the server were gone.
  await page.route(/\/(api|healthz)/, (route) => route.abort('connectionrefused'));
  // The open stream would notice a dead server at once; an intercepted one does not, so the tab
  // is "hidden" and shown again: it reconnects and re-reads everything, and both fail.
  await page.evaluate(`for (const state of ['hidden', 'visible']) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }`);
  await page.getByRole('region', { name: 'API unreachable' }).waitFor({ timeout: 15_000 });
  await page.waitForTimeout(2500);
  await shoot(page, 'degraded', theme, { fullPage: false });
  await page.unroute(/\/(api|healthz)/);
  await page.getByRole('status', { name: 'Connection: Live' }).waitFor({ timeout: 15_000 });

  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
  await page.getByRole('combobox', { name: 'Jump to a namespace or screen' }).pressSequentially(ns.name.slice(0, 3));
  await shoot(page, 'palette', theme, { fullPage: false });
  await page.keyboard.press('Escape');

  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await shoot(page, 'shortcuts', theme, { fullPage: false });
  await page.keyboard.press('Escape');
}
