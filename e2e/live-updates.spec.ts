import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';
import { NamespacesPage } from './pages/namespaces-page';
import { Shell } from './pages/shell';

test('a change made through the API appears on open screens without a reload', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('live');
  await api.createNamespace(ns, { fastCheckout: false });

  const detail = new NamespacePage(page, ns);
  await detail.goto();
  await expect(detail.flags(1)).toBeVisible();
  await expect(new Shell(page).connection('Live')).toBeVisible();

  const listTab = await page.context().newPage();
  const list = new NamespacesPage(listTab);
  await list.goto();
  await list.search.fill(ns);
  await expect(list.row(ns)).toContainText('v1');
  await expect(new Shell(listTab).connection('Live')).toBeVisible();

  const started = Date.now();
  await api.loadSnapshot(ns, { fastCheckout: true }, 'e2e: fast checkout on, from a script');

  await expect(detail.flags(2).getByRole('row', { name: /fastCheckout/ })).toContainText('true', { timeout: 3000 });
  console.log(`change -> visible on the open namespace page: ${Date.now() - started} ms`);
  await expect(page.getByRole('region', { name: 'Recent changes' })).toContainText('e2e: fast checkout on, from a script');
  await expect(list.row(ns)).toContainText('v2', { timeout: 3000 });
  await expect(list.row(ns)).toContainText('e2e: fast checkout on, from a script');
});
