import { expect, test } from './fixtures';
import { RolloutPage } from './pages/rollout-page';

test('a stale revision produces a conflict explanation (who changed what) and Re-check starts over', async ({ loggedInPage: page, rollouts }) => {
  const r = await rollouts.create();
  const other = await rollouts.client('operator', 'e2e-priya');
  const rollout = new RolloutPage(page, r.id);
  await rollout.goto();

  await rollout.action('Roll back').click();
  await rollout.dialog.getByLabel('Reason', { exact: true }).fill('V2 latency regression');
  // Meanwhile another operator pauses the rollout with the revision they saw.
  const seen = await rollouts.api.call('getRollout', { params: { id: r.id } });
  await other.call('pauseRollout', { params: { id: r.id }, body: { reason: 'Change freeze for the release train' }, ifMatch: seen.revision });

  await rollout.dialog.getByRole('button', { name: `Roll back ${r.id}` }).click();
  const conflict = rollout.dialog.getByRole('region', { name: `Someone changed ${r.id} while you were deciding` });
  await expect(conflict).toContainText(`You saw revision ${seen.revision} (Shadow, active); it is now at revision ${seen.revision + 1} (Shadow, paused).`);
  const changes = conflict.getByRole('list', { name: 'Changes since you looked' });
  await expect(changes).toContainText('Paused rollout');
  await expect(changes).toContainText('e2e-priya');
  await expect(changes).toContainText('“Change freeze for the release train”');

  await conflict.getByRole('button', { name: 'Re-check' }).click();
  await expect(conflict).toBeHidden();
  await rollout.dialog.getByLabel('Reason', { exact: true }).fill('V2 latency regression');
  await rollout.dialog.getByRole('button', { name: `Roll back ${r.id}` }).click();
  await expect(rollout.dialog).toBeHidden();
  await expect(rollout.banner('Rolled back to shadow')).toContainText('V2 latency regression');
  const rollbacks = await rollouts.api.events(r.namespace, 'rollout.rollback');
  expect(rollbacks).toHaveLength(1);
});
