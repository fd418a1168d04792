import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { NamespacePage } from './pages/namespace-page';

test('a viewer sees every action disabled, with the reason', async ({ viewerPage: page, api }) => {
  const ns = uniqueName('checkout');
  await api.createNamespace(ns, { expressPay: false });
  await api.loadSnapshot(ns, { expressPay: true });

  const nsPage = new NamespacePage(page, ns);
  await nsPage.goto();
  await expect(nsPage.flags(2)).toBeVisible();
  const rollback = nsPage.action('Roll back');
  await expect(rollback).toHaveAttribute('aria-disabled', 'true');
  await expect(rollback).toHaveAccessibleDescription('Your role is viewer: ask an operator to roll back.');
  for (const name of ['Restore', 'Load snapshot', 'Apply patch', 'Kill switch'] as const) {
    await expect(nsPage.action(name)).toHaveAttribute('aria-disabled', 'true');
  }
  await rollback.hover();
  await expect(page.getByRole('tooltip')).toHaveText('Your role is viewer: ask an operator to roll back.');
  await rollback.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await api.namespace(ns)).activeVersion).toBe(2);
});
