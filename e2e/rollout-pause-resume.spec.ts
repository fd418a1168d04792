import { expect, test } from './fixtures';
import { RolloutPage } from './pages/rollout-page';

test('pause holds promotion with a reason; resume lets it continue', async ({ loggedInPage: page, rollouts }) => {
  const r = await rollouts.create();
  const rollout = new RolloutPage(page, r.id);
  await rollout.goto();

  await rollout.act('Pause', 'Investigating p95 on EU tenants', `Pause ${r.id}`);
  const banner = rollout.banner('Paused');
  await expect(banner).toContainText('Investigating p95 on EU tenants');
  await expect(rollout.action('Promote')).toHaveAccessibleDescription('The rollout is paused: resume it first.');
  await expect(rollout.currentStep).toContainText('Paused at Shadow');

  await rollout.act('Resume', 'p95 back within 5% of V1', `Resume ${r.id}`);
  await expect(banner).toBeHidden();
  await expect(rollout.action('Pause')).toBeVisible();
  await expect(rollout.currentStep).toContainText('Resumed at Shadow');

  const live = await rollouts.api.call('getRollout', { params: { id: r.id } });
  expect(live.state.status).toBe('active');
  expect(live.events.slice(0, 2).map((e) => [e.action, e.reason])).toEqual([
    ['rollout.resume', 'p95 back within 5% of V1'],
    ['rollout.pause', 'Investigating p95 on EU tenants'],
  ]);
});
