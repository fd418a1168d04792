import { expect, test } from './fixtures';

const DAY = 86_400_000;

test('the rollout page with 7 days of 1-minute windows renders its charts (P8)', async ({ loggedInPage: page, rollouts }) => {
  test.setTimeout(180_000);
  const r = await rollouts.create();
  const reporter = await rollouts.client('reporter');
  const minutes = 7 * 24 * 60;
  const from = Math.floor((Date.now() - 7 * DAY) / 60_000) * 60_000;
  // 10,080 minutes x 2 variants = 20,160 windows, in batches of 5,000.
  await rollouts.ingestMinutes(reporter, r.id, from, minutes);

  // Warm the browser cache as a returning user would have it; the measured load is the second.
  await page.goto(`/rollouts/${r.id}?range=7d`);
  await page.locator('[data-metric] .recharts-line-curve').first().waitFor();
  await page.goto('about:blank');

  await page.goto(`/rollouts/${r.id}?range=7d`);
  await page.waitForFunction(() => document.querySelectorAll('[data-metric] .recharts-line-curve').length >= 10, null, { polling: 'raf', timeout: 30_000 });
  const t = await page.evaluate(
    () =>
      new Promise<{ painted: number; data: number }>((resolve) =>
        requestAnimationFrame(() => {
          const metrics = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.includes('/metrics?'));
          resolve({ painted: performance.now(), data: metrics?.responseEnd ?? 0 });
        }),
      ),
  );
  const ms = Math.round(t.painted);
  // From navigation start to the five charts painted; the split says how much is the server's.
  console.log(`rollout page render: ${ms} ms (7 days of metrics received at ${Math.round(t.data)} ms, charts painted ${Math.round(t.painted - t.data)} ms later)`);

  const cards = page.locator('[data-metric]');
  await expect(cards).toHaveCount(5);
  await expect(page.getByText('Last 7 days · 60-minute buckets')).toBeVisible();
});
