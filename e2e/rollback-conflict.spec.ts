import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';

test('a rollback by another operator while the dialog is open is explained, and nothing is overwritten', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('checkout');
  await api.createNamespace(ns, { expressPay: false });
  await api.loadSnapshot(ns, { expressPay: true }, 'e2e: express pay on');
  await api.loadSnapshot(ns, { expressPay: false }, 'e2e: express pay off again');

  const nsPage = new NamespacePage(page, ns);
  await nsPage.goto();
  await nsPage.action('Roll back').click();
  const guard = nsPage.dialog(`Roll back ${ns}`);
  await expect(guard.getByText(`Roll back ${ns} from v3 to v2: 1 flag changes`)).toBeVisible();
  await nsPage.pickReason(guard, 'Latency regression');

  // Meanwhile a colleague rolls back through the API, having seen the same v3.
  await api.rollback(ns, 3, 'e2e: colleague rolled back first');

  await guard.getByRole('button', { name: `Roll back ${ns}` }).click();
  await expect(guard.getByRole('heading', { name: `Someone changed ${ns} while you were deciding` })).toBeVisible();
  const changes = guard.getByRole('list', { name: 'Changes since you looked' });
  await expect(changes).toContainText('Rolled back');
  await expect(changes).toContainText('e2e: colleague rolled back first');
  await expect(guard.getByRole('region', { name: 'What changed from v3 to v2' })).toContainText('expressPay');
  await expect(guard.getByRole('button', { name: 'Re-check' })).toBeVisible();

  const rollbacks = await api.events(ns, 'snapshot.rollback');
  expect(rollbacks).toHaveLength(1);
  expect(rollbacks[0]?.reason).toBe('e2e: colleague rolled back first');
  expect((await api.namespace(ns)).activeVersion).toBe(2);
});
