import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { HistoryPage } from './pages/history-page';

test('history keeps versions discarded by a rollback, and comparing two picked versions opens their diff', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('search');
  await api.createNamespace(ns, { semanticRanking: false, typoTolerance: true });
  await api.loadSnapshot(ns, { semanticRanking: true, typoTolerance: true }, 'e2e: semantic ranking on');
  await api.loadSnapshot(ns, { semanticRanking: true, typoTolerance: false }, 'e2e: typo tolerance off');
  await api.rollback(ns, 3, 'e2e: zero-result searches doubled');

  const history = new HistoryPage(page, ns);
  await history.goto();
  await expect(history.row(3)).toContainText('Discarded by rollback by');
  await expect(history.row(3)).toContainText('e2e: zero-result searches doubled');
  await expect(history.row(3)).toContainText('e2e: typo tolerance off');
  await expect(history.row(2)).toContainText('Live');
  await expect(history.row(1)).toContainText('Created');

  await history.pick(3).check();
  await history.pick(1).check();
  await page.getByRole('link', { name: 'Compare v1 → v3' }).click();

  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns}/diff\\?from=1&to=3$`));
  const diff = page.getByRole('region', { name: 'Changes from v1 to v3' });
  await expect(diff.getByRole('article', { name: /semanticRanking/ })).toContainText('true');
  await expect(diff.getByRole('article', { name: /typoTolerance/ })).toContainText('false');
  await expect(page.getByText('Going from v1 to v3 changes semanticRanking and typoTolerance.')).toBeVisible();
});
