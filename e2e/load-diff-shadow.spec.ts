import { expect, test } from './fixtures';
import { booleanSnapshot, uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';

test('a valid snapshot shows its diff against live and the shadow check before the guarded load', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('billing');
  await api.createNamespace(ns, { invoicesV2: false, dunning: true });

  const nsPage = new NamespacePage(page, ns);
  await nsPage.goto();
  await nsPage.action('Load snapshot').click();
  const editor = nsPage.dialog(`Load snapshot into ${ns}`);
  await nsPage.fillEditor(editor, 'Snapshot JSON', JSON.stringify(booleanSnapshot(ns, { invoicesV2: true, dunning: true }, 'v2'), null, 2));
  await editor.getByRole('button', { name: 'Validate' }).click();

  const diff = editor.getByRole('region', { name: 'Diff against live v1' });
  await expect(diff).toContainText('1 flag changes (1 changed)');
  await expect(diff.getByRole('article', { name: /invoicesV2/ }).getByRole('row', { name: /default value/ })).toContainText('false');
  const shadow = editor.getByRole('table', { name: 'Shadow check per flag' });
  await expect(shadow.getByRole('row', { name: /invoicesV2/ })).toContainText('100%');
  await editor.getByRole('button', { name: 'Review and confirm' }).click();

  const guard = nsPage.dialog(`Load snapshot into ${ns}`);
  await expect(guard.getByText(`Load a new snapshot into ${ns}, replacing v1: 1 flag changes`)).toBeVisible();
  await nsPage.pickReason(guard, 'Scheduled configuration release');
  await guard.getByRole('button', { name: `Load snapshot into ${ns}` }).click();
  await expect(nsPage.flags(2).getByRole('row', { name: /invoicesV2/ })).toContainText('true');
  expect((await api.namespace(ns)).activeVersion).toBe(2);
});

test('an equivalent snapshot shows 0% in the shadow check', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('billing');
  await api.createNamespace(ns, { invoicesV2: false });

  const nsPage = new NamespacePage(page, ns);
  await nsPage.goto();
  await nsPage.action('Load snapshot').click();
  const editor = nsPage.dialog(`Load snapshot into ${ns}`);
  await editor.getByRole('button', { name: 'Validate' }).click();
  await expect(editor.getByText(/^0% — equivalent: none of the [\d,]+ contexts checked would get a different value\.$/)).toBeVisible();
  await expect(editor.getByRole('region', { name: 'Diff against live v1' })).toContainText('No flag changes');
});
