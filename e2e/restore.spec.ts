import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';

test('restoring an earlier version writes a new version with its content', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('validation');
  await api.createNamespace(ns, { strictPostcodes: false });
  await api.loadSnapshot(ns, { strictPostcodes: true }, 'e2e: strict postcodes');
  await api.loadSnapshot(ns, { strictPostcodes: true }, 'e2e: same again');

  const nsPage = new NamespacePage(page, ns);
  await nsPage.goto();
  await nsPage.action('Restore').click();
  const guard = nsPage.dialog(`Restore a version of ${ns}`);
  await guard.getByLabel('Version to restore').selectOption('1');
  await expect(guard.getByText(`Restore the content of v1 to ${ns} as a new version, replacing v3: 1 flag changes`)).toBeVisible();
  await expect(guard.getByRole('region', { name: 'What will be live after the restore' })).toContainText('strictPostcodes');
  await nsPage.pickReason(guard, 'Restore last known good configuration');
  await guard.getByRole('button', { name: `Restore v1 to ${ns}` }).click();

  await expect(nsPage.flags(4).getByRole('row', { name: /strictPostcodes/ })).toContainText('false');
  const live = await api.namespace(ns);
  expect(live.activeVersion).toBe(4);
  expect(live.lastChange?.action).toBe('snapshot.restore');
});
