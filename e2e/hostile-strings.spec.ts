/**
 * S7: data whose flag keys, values, notes, meta, descriptions, reasons, reporter outputs and parity
 * diffs carry script tags, event-handler attributes and javascript: URLs, shown on every screen.
 * Nothing may execute: a dialog fails the test, a window flag set by the payloads must stay unset,
 * no element carrying the payloads' handlers may exist, no javascript: link may be rendered, and the
 * payloads must appear as text. The server's strict Content-Security-Policy must hold for the whole
 * built app: any violation (console or securitypolicyviolation event) fails the test.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { uniqueName } from './api-client';

const MARK = 'window.hostileRan=(window.hostileRan||0)+1';
const PAYLOADS = [
  `<script>${MARK}</script>`,
  `<img src=x onerror="${MARK}">`,
  `<svg onload="${MARK}"></svg>`,
  `javascript:${MARK}`,
];
/** One string carrying every payload, and a short one for places with a length limit. */
const HOSTILE = PAYLOADS.join(' ');
const JS_URL = `javascript:${MARK}`;

interface Watch {
  problems: string[];
}

/** Fails on dialogs, CSP violations and page errors; records them with the screen they happened on. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { problems: [] };
  page.on('dialog', (d) => {
    w.problems.push(`a ${d.type()} dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) w.problems.push(`CSP violation: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const list = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
      list.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  return w;
}

/** After a screen has rendered the payloads as text: nothing ran, nothing was injected. */
async function expectInert(page: Page, w: Watch, screen: string, shown = true): Promise<void> {
  // The payloads are on screen, as text (screens that show none of these fields still load).
  if (shown) await expect(page.getByText(/onerror=|<script>|javascript:/).first(), screen).toBeVisible();
  else await page.waitForLoadState('networkidle');
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { hostileRan?: number }).hostileRan ?? 0,
    csp: (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
    injected: document.querySelectorAll('img[src="x"], [onerror], [onload], svg[onload], script:not([src])').length,
    jsLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
      .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction') ?? '')
      .filter((u) => /^\s*javascript:/i.test(u)),
  }));
  expect({ screen, ...found, problems: w.problems }).toEqual({ screen, ran: 0, csp: [], injected: 0, jsLinks: [], problems: [] });
}

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

  // A guard dialog renders the diff of what a rollback would change.
  await page.goto(`/namespaces/${ns}`);
  await page.getByRole('button', { name: 'Roll back', exact: true }).click();
  await expect(page.getByRole('dialog', { name: `Roll back ${ns}` })).toBeVisible();
  await expectInert(page, w, 'rollback dialog');
});

test('hostile strings in rollouts, reporter outputs and parity diffs are shown as text and never run', async ({ loggedInPage: page, api }) => {
  const w = await watch(page);
  const ns = uniqueName('hostile-rollout');
  const id = ns.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
  await api.call('createNamespace', {
    body: {
      name: ns,
      reason: HOSTILE,
      features: [{ key: `feature::${ns}::engine`, type: 'ENUM', enumValues: ['V1', 'V2'], defaultValue: { type: 'ENUM', value: 'V1', enumClassName: 'com.example.Engine' } }],
    },
  });
  await api.call('createRollout', { body: { id, namespace: ns, flag: 'engine', v1Value: 'V1', v2Value: 'V2', description: HOSTILE, reason: HOSTILE } });
  const comparedAt = new Date().toISOString();
  const output = (text: string) => ({ type: 'message', subject: 'conversation-1', data: { text, link: JS_URL, html: HOSTILE } });
  const parity = await api.call('ingestParity', {
    params: { id },
    body: { subject: 'conversation-1', comparedAt, adapter: 'e2e', v1Outputs: [output(`V1 ${HOSTILE}`)], v2Outputs: [output(`V2 ${HOSTILE}`)] },
  });
  await api.call('ingestParity', {
    params: { id },
    body: { subject: 'conversation-2', comparedAt, adapter: 'e2e', v1Outputs: null, v2Outputs: [output(HOSTILE)], reason: 'legacy_adapter_not_configured' },
  });
  await api.call('triageParityReport', { params: { id, reportId: parity.report.id }, body: { triage: 'bug', note: HOSTILE } });

  await page.goto('/rollouts');
  await expect(page.getByText(id).first()).toBeVisible();
  await expectInert(page, w, 'rollouts list', false);
  await page.goto(`/rollouts/${id}`);
  await expectInert(page, w, 'rollout');
  await page.goto(`/rollouts/${id}/parity`);
  await page.getByRole('listitem', { name: 'Report conversation-1' }).getByRole('button').first().click();
  await expectInert(page, w, 'parity report with both outputs and the diff');
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
