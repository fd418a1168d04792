import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { LoginPage } from './pages/login-page';
import { NamespacesPage } from './pages/namespaces-page';

test('signing in with a token shows every namespace with its live version', async ({ page, api, adminToken }) => {
  const fresh = uniqueName('orders');
  const loaded = uniqueName('billing');
  await api.createNamespace(fresh, { newCheckout: false }, 'Order intake');
  await api.createNamespace(loaded, { invoicesV2: false, dunning: true });
  await api.loadSnapshot(loaded, { invoicesV2: true, dunning: true }, 'e2e: turn on invoices v2');

  const login = new LoginPage(page);
  await login.goto();
  await login.signInWith(adminToken);

  const namespaces = new NamespacesPage(page);
  await expect(page).toHaveURL(/\/namespaces$/);
  await expect(namespaces.heading).toBeVisible();
  await expect(namespaces.row(fresh)).toContainText('v1');
  await expect(namespaces.row(fresh)).toContainText('Order intake');
  await expect(namespaces.row(loaded)).toContainText('v2');
  await expect(namespaces.row(loaded)).toContainText('e2e: turn on invoices v2');
});

test('a deep link survives signing in', async ({ page, api, adminToken }) => {
  const ns = uniqueName('deep');
  await api.createNamespace(ns, { darkMode: true });

  await page.goto(`/namespaces/${ns}`);
  await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fnamespaces%2F${ns}$`));
  await new LoginPage(page).signInWith(adminToken);

  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ns);
  await expect(page.getByRole('table', { name: 'Flags in v1' }).getByRole('row', { name: /darkMode/ })).toContainText('true');
});
