import { expect, test } from './fixtures';
import { FAST_CRITICAL_ERROR_RATE, window } from './support/rollout-kit';
import { RolloutPage } from './pages/rollout-page';

test('a critical breach pushed through the ingest API rolls back, and the open page shows it with its reason without reload', async ({ loggedInPage: page, rollouts }) => {
  test.setTimeout(60_000);
  const r = await rollouts.create({ guards: [FAST_CRITICAL_ERROR_RATE] });
  const reporter = await rollouts.client('reporter');
  await rollouts.acceptTwice(reporter, r.id);
  await rollouts.promote(r.id, 'e2e: canary');
  const rollout = new RolloutPage(page, r.id);
  await rollout.goto();
  await expect(rollout.currentStep).toContainText('1%');
  let reloaded = false;
  page.on('load', () => (reloaded = true));

  // One minute where V2 fails 20% of its requests (critical above 5%), after the stage began.
  await page.waitForTimeout(1100);
  const start = Date.now() - 500;
  const ingest = await reporter.call('ingestMetrics', {
    params: { id: r.id },
    body: { windows: [window('v1', start, { requests: 900, errors: 2 }), window('v2', start, { requests: 100, errors: 20 })] },
  });
  expect(ingest.guards).toEqual([expect.objectContaining({ ruleId: 'critical-error-rate', outcome: 'rolled_back' })]);

  const banner = rollout.banner('Rolled back automatically to shadow');
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText('By the guards engine');
  await expect(banner).toContainText('V2 error rate above 5% for 1 consecutive minute (peak 20%)');
  await expect(rollout.currentStep).toContainText('Shadow');
  await expect(rollout.steps).toContainText('Rolled back automatically to Shadow');
  await expect(rollout.action('Roll back')).toHaveAttribute('aria-disabled', 'true');
  expect(reloaded).toBe(false);
});
