import fs from 'node:fs';
import { expect, test } from './fixtures';
import { uniqueName } from './api-client';

test('audit entries appear with who, what and why, and each links to its diff', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('checkout');
  await api.createNamespace(ns, { expressPay: false });
  await api.loadSnapshot(ns, { expressPay: true }, 'e2e: express pay for everyone');
  await api.rollback(ns, 2, 'e2e: express pay double-charges');

  await page.goto(`/audit?namespace=${ns}`);
  const log = page.getByRole('table', { name: 'Audit log' });
  const rollback = log.getByRole('row').filter({ hasText: 'Rolled back' });
  await expect(rollback).toContainText('e2e: express pay double-charges');
  await expect(log.getByRole('row').filter({ hasText: 'Loaded snapshot' })).toContainText('e2e: express pay for everyone');
  await expect(log.getByRole('row')).toHaveCount(4);

  await rollback.getByRole('link', { name: `Diff of ${ns} from v2 to v1` }).click();
  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns}/diff\\?from=2&to=1$`));
  await expect(page.getByRole('region', { name: 'Changes from v2 to v1' }).getByRole('article', { name: /expressPay/ })).toContainText('false');
});

test('audit filters live in the URL, and the CSV export respects them', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('billing');
  await api.createNamespace(ns, { dunning: false });
  await api.loadSnapshot(ns, { dunning: true }, 'e2e: dunning on');

  await page.goto('/audit');
  await page.getByRole('textbox', { name: 'Namespace' }).fill(ns);
  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Loaded snapshot' });
  await expect(page).toHaveURL(new RegExp(`/audit\\?namespace=${ns}&action=snapshot.load$`));
  await expect(page.getByRole('table', { name: 'Audit log' }).getByRole('row')).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toBe('id,at,namespace,actor,action,reason,fromVersion,toVersion,details');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('e2e: dunning on');
});
