import { expect, test } from './fixtures';
import { booleanSnapshot, uniqueName } from './api-client';
import { InsightsPage } from './pages/insights-page';

/**
 * A scripted sequence through the API, and the numbers it must produce on /insights:
 * v2 loaded, rolled back (v2 failed); v3 and v4 loaded, v4 rolled back (failed); v2 restored as
 * v5 (a rollback of a rollback: a new change, not failed). Changes 4, failed 2, change failure
 * rate 50%, 2 manual and 0 automatic rollbacks, no kill switch.
 */
test('a scripted sequence of changes and rollbacks gives exact numbers on /insights, and a number opens the events behind it', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('insights');
  await api.createNamespace(ns, { expressPay: false, fraudCheck: false });
  await api.loadSnapshot(ns, { expressPay: true, fraudCheck: false }, 'e2e: express pay for everyone');
  await api.rollback(ns, 2, 'e2e: express pay double-charges');
  await api.loadSnapshot(ns, { expressPay: false, fraudCheck: true }, 'e2e: fraud check');
  await api.loadSnapshot(ns, { expressPay: true, fraudCheck: true }, 'e2e: express pay again');
  await api.rollback(ns, 4, 'e2e: still double-charges');
  await api.call('restore', { params: { ns }, body: { version: 2, reason: 'e2e: provider fixed, re-apply v2' }, ifMatch: 3 });

  const insights = new InsightsPage(page);
  await insights.goto();
  const row = insights.row(ns);
  await expect(insights.number(ns, `4 changes in ${ns}: show them`)).toHaveText('4');
  await expect(insights.number(ns, `2 failed changes in ${ns}: show them`)).toHaveText('2');
  await expect(insights.number(ns, new RegExp(`^Change failure rate of ${ns}, 50%`))).toHaveText('50%');
  await expect(insights.number(ns, `2 manual rollbacks in ${ns}: show them`)).toHaveText('2');
  await expect(insights.number(ns, `0 automatic rollbacks in ${ns}: show them`)).toHaveText('0');
  await expect(insights.number(ns, `0 kill-switch episodes in ${ns}: show them`)).toHaveText('0');
  await expect(row).toContainText('Medium');

  await insights.number(ns, `2 failed changes in ${ns}: show them`).click();
  await expect(page).toHaveURL(new RegExp(`/insights\\?drill=failures&dns=${ns}&dfrom=`));
  const events = insights.drawer.getByRole('list', { name: `Failed changes · ${ns}` });
  await expect(events.getByRole('listitem').filter({ hasText: 'e2e: express pay again' })).toContainText('e2e: still double-charges');
  await expect(events.getByRole('listitem').filter({ hasText: 'e2e: express pay for everyone' })).toContainText('e2e: express pay double-charges');
  await expect(insights.drawer).toContainText('2 events');

  // Each event links to its diff: the failed v4 against the v3 it was written on.
  await events.getByRole('link', { name: `Diff v3 → v4 of ${ns}` }).click();
  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns}/diff\\?from=3&to=4$`));
  await expect(page.getByRole('region', { name: 'Changes from v3 to v4' })).toBeVisible();
});

test('the timeline of a namespace shows its load and its rollback, each linking to its diff', async ({ loggedInPage: page, api }) => {
  const ns = uniqueName('timeline');
  await api.createNamespace(ns, { search: false });
  await api.call('load', { params: { ns }, body: { snapshot: booleanSnapshot(ns, { search: true }, 'v2'), reason: 'e2e: search on' }, ifMatch: 1 });
  await api.rollback(ns, 2, 'e2e: search is slow');

  await page.goto(`/timeline?namespace=${ns}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('img', { name: /^2 events on a time axis/ })).toBeVisible();
  await timeline.getByRole('link', { name: 'Diff v2 → v1: v2 rolled back to v1' }).click();
  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns}/diff\\?from=2&to=1$`));
});
