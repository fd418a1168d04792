import { expect, test } from './fixtures';
import { RolloutPage } from './pages/rollout-page';

test('promote through the steps with the gate: shadow -> 1% -> 10%, each after two accepts', async ({ loggedInPage: page, rollouts }) => {
  test.setTimeout(90_000);
  const r = await rollouts.create({ type: 'ENUM' });
  const reporter = await rollouts.client('reporter');
  const rollout = new RolloutPage(page, r.id);
  await rollout.goto();
  await expect(rollout.currentStep).toContainText('Shadow');
  // No report yet: the gate has nothing to read, so promotion is a no-go.
  await expect(rollout.gate).toContainText('No-go: no reports');

  for (const [target, share] of [
    ['Canary 1%', '1%'],
    ['Ramp 10%', '10%'],
  ] as const) {
    await rollouts.acceptTwice(reporter, r.id);
    // The page polls the gate; no reload.
    await expect(rollout.gate).toContainText(`Go: promote to ${target}`, { timeout: 20_000 });
    await expect(rollout.gate).toContainText('2 accepts in a row');
    await rollout.action('Promote').click();
    await expect(rollout.dialog).toContainText(`to ${target}: V2 serves ${share.replace('%', '')}% of traffic`);
    await rollout.dialog.getByRole('button', { name: 'Next step of the rollout plan' }).click();
    await rollout.dialog.getByRole('button', { name: `Promote ${r.id}` }).click();
    await expect(rollout.dialog).toBeHidden();
    await expect(rollout.currentStep).toContainText(share);
    await expect(rollout.currentStep).toContainText(`Promoted to ${target}`);
    // The stage began again: the streak restarts and the gate waits for new accepts.
    await expect(rollout.gate).not.toContainText('Go: promote');
  }

  const events = await rollouts.api.events(r.namespace, 'rollout.promote');
  expect(events.map((e) => e.reason)).toEqual(['Next step of the rollout plan', 'Next step of the rollout plan']);
  const live = await rollouts.api.call('getRollout', { params: { id: r.id } });
  expect(live.state).toMatchObject({ stepIndex: 2, share: 10, status: 'active' });
});
