import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';

test('an invalid snapshot shows the error path and the offending line, and changes nothing', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('orders');
  await api.createNamespace(ns, { fastLane: false, giftWrap: true });
  const bad = JSON.stringify(
    {
      flags: [
        { key: `feature::${ns}::fastLane`, defaultValue: { type: 'BOOLEAN', value: false } },
        { key: `feature::${ns}::giftWrap`, defaultValue: { type: 'BOOLEAN', value: 'yes' } },
      ],
    },
    null,
    2,
  );

  const line = bad.split('\n').findIndex((l) => l.includes('"yes"')) + 1;

  const nsPage = new NamespacePage(page, ns);
  await nsPage.goto();
  await nsPage.action('Load snapshot').click();
  const dialog = nsPage.dialog(`Load snapshot into ${ns}`);
  await nsPage.fillEditor(dialog, 'Snapshot JSON', bad);
  await dialog.getByRole('button', { name: 'Validate' }).click();

  const problem = dialog.getByRole('alert');
  await expect(problem).toContainText('This snapshot was rejected; nothing was changed.');
  await expect(problem).toContainText('/flags/1/defaultValue/value');
  await expect(problem).toContainText(`line ${line}, column`);
  await expect(problem.getByLabel(`Line ${line} of the snapshot`).locator('mark')).toContainText('"value": "yes"');
  await expect(dialog.getByLabel('Snapshot JSON')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Review and confirm' })).toBeDisabled();

  const live = await api.namespace(ns);
  expect(live.activeVersion).toBe(1);
  expect(await api.events(ns, 'snapshot.load')).toHaveLength(0);
});
