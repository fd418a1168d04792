import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacesPage } from './pages/namespaces-page';

test('a namespace row opens its live version and flags', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('search');
  await api.createNamespace(ns, { semanticRanking: false, typoTolerance: true });
  await api.loadSnapshot(ns, { semanticRanking: true, typoTolerance: true }, 'e2e: semantic ranking on');

  const namespaces = new NamespacesPage(page);
  await namespaces.goto();
  await namespaces.search.fill(ns);
  await namespaces.row(ns).getByRole('link', { name: ns }).click();

  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns}$`));
  const flags = page.getByRole('table', { name: 'Flags in v2' });
  await expect(flags.getByRole('row', { name: /semanticRanking/ })).toContainText('true');
  await expect(flags.getByRole('row', { name: /typoTolerance/ })).toContainText('BOOLEAN');
  await expect(page.getByRole('region', { name: 'Recent changes' })).toContainText('e2e: semantic ranking on');
});
