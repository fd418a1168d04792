import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';

test('a double click on confirm rolls back once', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('search');
  await api.createNamespace(ns, { semanticRanking: false });
  await api.loadSnapshot(ns, { semanticRanking: true }, 'e2e: semantic ranking on');
  await api.loadSnapshot(ns, { semanticRanking: false }, 'e2e: semantic ranking off');

  const nsPage = new NamespacePage(page, ns);
  await nsPage.goto();
  await nsPage.action('Roll back').click();
  const guard = nsPage.dialog(`Roll back ${ns}`);
  await expect(guard.getByText(`Roll back ${ns} from v3 to v2: 1 flag changes`)).toBeVisible();
  await nsPage.pickReason(guard, 'Bad value shipped');
  await guard.getByRole('button', { name: `Roll back ${ns}` }).dblclick();
  await expect(nsPage.flags(2)).toBeVisible();

  expect(await api.events(ns, 'snapshot.rollback')).toHaveLength(1);
  expect((await api.namespace(ns)).activeVersion).toBe(2);
});
