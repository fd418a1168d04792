import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';

test('a patch upserts one flag through validate, diff and the guard', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('search');
  await api.createNamespace(ns, { typoTolerance: true, semanticRanking: false });
  const patch = JSON.stringify(
    {
      flags: [{ key: `feature::${ns}::semanticRanking`, defaultValue: { type: 'BOOLEAN', value: true }, salt: 'v1', isActive: true, rampUpAllowlist: [], rules: [] }],
      removeKeys: [],
    },
    null,
    2,
  );

  const nsPage = new NamespacePage(page, ns);
  await nsPage.goto();
  await nsPage.action('Apply patch').click();
  const editor = nsPage.dialog(`Apply patch to ${ns}`);
  await nsPage.fillEditor(editor, 'Patch JSON', patch);
  await editor.getByRole('button', { name: 'Validate' }).click();
  await expect(editor.getByRole('region', { name: 'Diff against live v1' })).toContainText('1 flag changes (1 changed)');
  await editor.getByRole('button', { name: 'Review and confirm' }).click();

  const guard = nsPage.dialog(`Apply patch to ${ns}`);
  await expect(guard.getByText(`Patch ${ns} v1: 1 flag changes`)).toBeVisible();
  await guard.getByLabel('Reason', { exact: true }).fill('e2e: semantic ranking on for everyone');
  await guard.getByRole('button', { name: `Apply patch to ${ns}` }).click();

  await expect(nsPage.flags(2).getByRole('row', { name: /semanticRanking/ })).toContainText('true');
  await expect(nsPage.flags(2).getByRole('row', { name: /typoTolerance/ })).toContainText('true');
  const live = await api.namespace(ns);
  expect(live.activeVersion).toBe(2);
  expect(live.lastChange?.action).toBe('snapshot.patch');
});
