/** S7 on the registry screens; see e2e/hostile.ts for what "nothing runs" checks. */
import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { expectInert, HOSTILE, JS_URL, watch } from './hostile';
import { Shell } from './pages/shell';

test('hostile strings in namespaces, flags, versions, diffs and the audit log are shown as text and never run', async ({ loggedInPage: page, api }) => {
  const w = await watch(page);
  const ns = uniqueName('hostile');
  const evil = `feature::${ns}::${HOSTILE}`;
  await api.call('createNamespace', {
    body: {
      name: ns,
      description: HOSTILE,
      reason: HOSTILE,
      features: [
        { key: evil, type: 'STRING', description: HOSTILE, defaultValue: { type: 'STRING', value: JS_URL } },
        { key: `feature::${ns}::mode`, type: 'ENUM', enumValues: ['V1', HOSTILE], description: HOSTILE, defaultValue: { type: 'ENUM', value: 'V1', enumClassName: HOSTILE } },
      ],
    },
  });
  await api.call('load', {
    params: { ns },
    ifMatch: 1,
    body: {
      reason: HOSTILE,
      snapshot: {
        meta: { version: HOSTILE, source: JS_URL },
        flags: [
          {
            key: evil,
            defaultValue: { type: 'STRING', value: HOSTILE },
            salt: HOSTILE,
            rules: [{ value: { type: 'STRING', value: JS_URL }, rampUp: 50, note: HOSTILE, ruleId: HOSTILE, axes: { [HOSTILE]: [HOSTILE] } }],
          },
          { key: `feature::${ns}::mode`, defaultValue: { type: 'ENUM', value: HOSTILE, enumClassName: HOSTILE } },
        ],
      },
    },
  });

  const screens: [string, string][] = [
    ['namespaces list', `/namespaces`],
    ['namespace', `/namespaces/${ns}`],
    ['history', `/namespaces/${ns}/history`],
    ['version', `/namespaces/${ns}/versions/2`],
    ['version JSON', `/namespaces/${ns}/versions/2?tab=json`],
    ['diff', `/namespaces/${ns}/diff?from=1&to=2`],
    ['audit log', `/audit?namespace=${ns}`],
  ];
  for (const [screen, url] of screens) {
    await page.goto(url);
    await expectInert(page, w, screen);
  }

  // The command palette lists namespaces (and is another library under the CSP).
  const palette = await new Shell(page).openPalette();
  await palette.getByRole('combobox').fill(ns);
  await expect(palette.getByRole('option').first()).toContainText(ns);
  await expectInert(page, w, 'command palette', false);
  await page.keyboard.press('Escape');

  // A guard dialog renders the diff of what a rollback would change.
  await page.goto(`/namespaces/${ns}`);
  await page.getByRole('button', { name: 'Roll back', exact: true }).click();
  await expect(page.getByRole('dialog', { name: `Roll back ${ns}` })).toBeVisible();
  await expectInert(page, w, 'rollback dialog');
});

test('the checks above can fail: a payload injected as HTML is caught (blocked by the CSP, and reported)', async ({ loggedInPage: page }) => {
  const w = await watch(page);
  await page.goto('/namespaces');
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', `<p>${html}</p>`), HOSTILE);
  await expect.poll(() => page.evaluate(() => ((window as unknown as { cspViolations?: string[] }).cspViolations ?? []).length)).toBeGreaterThan(0);
  const caught = await expectInert(page, w, 'sabotaged').then(
    () => 'nothing caught',
    (e: unknown) => String(e),
  );
  expect(caught).toMatch(/"injected": [1-9]/);
  expect(caught).toContain('script-src-attr');
  expect(await page.evaluate(() => (window as unknown as { hostileRan?: number }).hostileRan ?? 0)).toBe(0);
});
