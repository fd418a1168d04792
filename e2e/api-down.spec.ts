import { randomUUID } from 'node:crypto';
import { expect, test as base } from './fixtures';
import { booleanSnapshot, uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';
import { Shell } from './pages/shell';
import { createOwnServer, type OwnServer } from './support/own-server';

const test = base.extend<{ ownServer: OwnServer }>({
  // Playwright reads a fixture's dependencies from its destructured first argument; this one has none.
  // oxlint-disable-next-line no-empty-pattern
  ownServer: async ({}, use) => {
    const server = await createOwnServer();
    try {
      await server.start();
      await use(server);
    } finally {
      server.dispose();
    }
  },
});

test.setTimeout(120_000);

test('API down: a banner within 5 s, the data kept and actions disabled; then it recovers by itself', async ({ page, ownServer }) => {
  const { baseURL, adminToken } = ownServer;
  const call = async (url: string, data: unknown, ifMatch?: number) => {
    const response = await page.request.post(`${baseURL}${url}`, {
      headers: { Authorization: `Bearer ${adminToken}`, 'Idempotency-Key': randomUUID(), ...(ifMatch !== undefined && { 'If-Match': `"${ifMatch}"` }) },
      data,
    });
    expect(response.ok(), await response.text()).toBe(true);
  };
  const ns = uniqueName('payments');
  await call('/api/v1/namespaces', { name: ns, reason: 'e2e: arrange', adoptSnapshot: booleanSnapshot(ns, { threeDs: true }) });
  await call(`/api/v1/namespaces/${ns}/load`, { snapshot: booleanSnapshot(ns, { threeDs: false }, 'v2'), reason: 'e2e: 3DS off' }, 1);
  const session = await page.request.post(`${baseURL}/api/v1/session`, { data: { token: adminToken }, headers: { 'X-Requested-With': 'switchyard' } });
  expect(session.ok()).toBe(true);

  const shell = new Shell(page);
  const nsPage = new NamespacePage(page, ns);
  await page.goto(`${baseURL}/namespaces/${ns}`);
  await expect(nsPage.flags(2)).toBeVisible();
  await expect(shell.connection('Live')).toBeVisible();
  const rollback = nsPage.action('Roll back');
  await expect(rollback).not.toHaveAttribute('aria-disabled', 'true');

  ownServer.kill();
  const killedAt = Date.now();
  await expect(shell.degradedBanner).toBeVisible({ timeout: 5000 });
  console.log(`API down -> banner: ${Date.now() - killedAt} ms`);
  await expect(shell.degradedBanner.getByRole('alert')).toHaveText(/^Can't reach the Switchyard API since \d\d:\d\d:\d\d\.$/);
  await expect(shell.degradedBanner).toContainText('Changes are paused until the connection returns.');
  await expect(shell.connection('Offline')).toBeVisible();
  await expect(nsPage.flags(2).getByRole('row', { name: /threeDs/ })).toContainText('false');
  await expect(rollback).toHaveAttribute('aria-disabled', 'true');
  await expect(rollback).toHaveAccessibleDescription(/The API is unreachable, so changes are paused/);

  await ownServer.start();
  const restartedAt = Date.now();
  await expect(shell.degradedBanner).toBeHidden({ timeout: 10_000 });
  console.log(`API back -> banner gone: ${Date.now() - restartedAt} ms`);
  await expect(shell.connection('Live')).toBeVisible({ timeout: 10_000 });
  await expect(rollback).not.toHaveAttribute('aria-disabled', 'true');
  await expect(nsPage.flags(2)).toBeVisible();
});
