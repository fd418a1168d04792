import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';

test('on call: from a deep link, roll back with a suggested reason and see the rolled-back version', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('payments');
  await api.createNamespace(ns, { newRouting: false, threeDs: true });
  await api.loadSnapshot(ns, { newRouting: true, threeDs: true }, 'e2e: route to the new provider');
  await api.loadSnapshot(ns, { newRouting: true, threeDs: false }, 'e2e: 3DS off (the bad change)');

  const nsPage = new NamespacePage(page, ns);
  const started = Date.now();
  await nsPage.goto();
  await nsPage.action('Roll back').click();
  const guard = nsPage.dialog(`Roll back ${ns}`);
  await expect(guard.getByText(`Roll back ${ns} from v3 to v2: 1 flag changes`)).toBeVisible();
  await expect(guard.getByRole('region', { name: 'What will be live after the rollback' })).toContainText('threeDs');
  await nsPage.pickReason(guard, 'Error rate spike after last change');
  await guard.getByRole('button', { name: `Roll back ${ns}` }).click();
  await expect(nsPage.flags(2)).toBeVisible();
  const elapsed = Date.now() - started;
  console.log(`on-call journey: ${elapsed} ms`);

  await expect(page.getByRole('status').filter({ hasText: `Rolled back ${ns} to v2` })).toBeVisible();
  await expect(nsPage.flags(2).getByRole('row', { name: /threeDs/ })).toContainText('true');
  const live = await api.namespace(ns);
  expect(live.activeVersion).toBe(2);
  expect(live.lastChange?.reason).toBe('Error rate spike after last change');
});
