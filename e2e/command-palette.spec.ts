import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { Shell } from './pages/shell';

test('the command palette jumps to a namespace typed by name', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('palette');
  await api.createNamespace(ns, { darkMode: true });

  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const palette = await new Shell(page).openPalette();
  await palette.getByRole('combobox').fill(ns);
  await expect(palette.getByRole('option').first()).toContainText(ns);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns}$`));
  await expect(page.getByRole('table', { name: 'Flags in v1' })).toBeVisible();
  await expect(palette).toBeHidden();
});
