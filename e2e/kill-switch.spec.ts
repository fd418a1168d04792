import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';

test('the kill switch goes on and off with the typed name, and the banner follows', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('payments');
  await api.createNamespace(ns, { newRouting: true, threeDs: false });

  const nsPage = new NamespacePage(page, ns);
  await nsPage.goto();
  await expect(nsPage.flags(1)).toBeVisible();
  await expect(nsPage.killBanner).toBeHidden();

  await nsPage.action('Kill switch').click();
  const on = nsPage.dialog(`Turn kill switch on for ${ns}`);
  await expect(on.getByText(`Turn the kill switch on for ${ns}: 2 flags fall back to the declared default`)).toBeVisible();
  await expect(on.getByRole('table', { name: 'Flags that fall back to their declared default' }).getByRole('row')).toHaveCount(3);
  await nsPage.pickReason(on, 'Provider outage: serve declared defaults');
  const confirmOn = on.getByRole('button', { name: `Turn kill switch on for ${ns}` });
  await expect(confirmOn).toBeDisabled();
  await on.getByLabel('Type the namespace name to confirm').fill(ns);
  await confirmOn.click();
  await expect(nsPage.killBanner).toBeVisible();
  expect((await api.namespace(ns)).killSwitch.enabled).toBe(true);

  await nsPage.action('Kill switch').click();
  const off = nsPage.dialog(`Turn kill switch off for ${ns}`);
  await nsPage.pickReason(off, 'Incident resolved');
  await off.getByLabel('Type the namespace name to confirm').fill(ns);
  await off.getByRole('button', { name: `Turn kill switch off for ${ns}` }).click();
  await expect(nsPage.killBanner).toBeHidden();
  expect((await api.namespace(ns)).killSwitch.enabled).toBe(false);
});
