/**
 * Screens of the on-call journey for scripts/screenshots.ts: the namespace page, each guard
 * dialog, load with an error and with diff + shadow check, the conflict view and the killed
 * banner. Needs the demo data (checkout, payments); it changes that database (rollback, kill switch).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';

export type Shoot = (page: Page, name: string, theme: string, options?: { fullPage?: boolean }) => Promise<void>;

interface Live {
  activeVersion: number;
  killSwitch: { enabled: boolean };
  snapshot: { flags: { key: string; defaultValue: { type: string; value: unknown } }[] };
}

async function live(page: Page, ns: string): Promise<Live> {
  return (await (await page.request.get(`/api/v1/namespaces/${ns}`)).json()) as Live;
}

/** A change as another operator would make it, through the API with the page's session. */
async function mutate(page: Page, ns: string, route: string, body: object): Promise<void> {
  const { activeVersion } = await live(page, ns);
  const response = await page.request.post(`/api/v1/namespaces/${ns}/${route}`, {
    data: body,
    headers: { 'X-Requested-With': 'switchyard', 'Idempotency-Key': randomUUID(), 'If-Match': `"${activeVersion}"` },
  });
  if (!response.ok()) throw new Error(`${route} ${ns} -> ${response.status()} ${await response.text()}`);
}

async function openDialog(page: Page, ns: string, action: string, name: string) {
  await page.goto(`/namespaces/${ns}?action=${action}`);
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  return dialog;
}

/** A snapshot JSON with its first boolean flag flipped: a small, real change to validate. */
function flipFirstBoolean(text: string): string {
  return text.replace(/"type": "BOOLEAN",\n(\s*)"value": (true|false)/, (_m, indent: string, v: string) => `"type": "BOOLEAN",\n${indent}"value": ${v === 'true' ? 'false' : 'true'}`);
}

export async function guardScreens(page: Page, theme: string, shoot: Shoot): Promise<void> {
  const ns = 'checkout';
  if ((await live(page, 'payments')).killSwitch.enabled) await mutate(page, 'payments', 'kill-switch', { enabled: false, reason: 'screenshots: start clean' });

  await page.goto(`/namespaces/${ns}`);
  await page.getByRole('table', { name: /^Flags in v/ }).waitFor();
  await shoot(page, 'namespace-live', theme);

  const rollback = await openDialog(page, ns, 'rollback', `Roll back ${ns}`);
  await rollback.getByText(/^Roll back checkout from v\d+ to v\d+/).waitFor();
  await rollback.getByRole('button', { name: 'Latency regression' }).click();
  await shoot(page, 'guard-rollback', theme, { fullPage: false });

  const tooFar = await openDialog(page, ns, 'rollback&steps=500', `Roll back ${ns}`);
  await tooFar.getByText(/earlier version/).first().waitFor();
  await shoot(page, 'guard-rollback-too-far', theme, { fullPage: false });

  // Another operator loads a change while the dialog is open; confirming shows the conflict.
  const conflict = await openDialog(page, ns, 'rollback', `Roll back ${ns}`);
  await conflict.getByText(/^Roll back checkout from v\d+ to v\d+/).waitFor();
  await conflict.getByRole('button', { name: 'Error rate spike after last change' }).click();
  await mutate(page, ns, 'rollback', { steps: 1, reason: 'INC-2304: checkout errors after the release (rolled back by lee)' });
  await conflict.getByRole('button', { name: `Roll back ${ns}` }).click();
  await conflict.getByRole('heading', { name: /while you were deciding/ }).waitFor();
  await conflict.getByRole('region', { name: /What changed from/ }).waitFor();
  await shoot(page, 'guard-conflict', theme, { fullPage: false });

  const restore = await openDialog(page, ns, 'restore', `Restore a version of ${ns}`);
  await restore.getByText(/^Restore the content of v\d+/).waitFor();
  await shoot(page, 'guard-restore', theme, { fullPage: false });

  const editor = await openDialog(page, ns, 'load', `Load snapshot into ${ns}`);
  const textarea = editor.getByLabel('Snapshot JSON');
  const liveText = await textarea.inputValue();
  await textarea.fill(liveText.replace(/"value": (true|false)/, '"value": "yes"'));
  await editor.getByRole('button', { name: 'Validate' }).click();
  await editor.getByRole('alert').waitFor();
  await shoot(page, 'load-error', theme, { fullPage: false });

  await textarea.fill(flipFirstBoolean(liveText));
  await editor.getByRole('button', { name: 'Validate' }).click();
  await editor.getByRole('table', { name: 'Shadow check per flag' }).or(editor.getByText(/0% — equivalent/).first()).first().waitFor();
  await shoot(page, 'load-diff-shadow', theme, { fullPage: false });
  await editor.getByRole('button', { name: 'Review and confirm' }).click();
  const loadGuard = page.getByRole('dialog', { name: `Load snapshot into ${ns}` });
  await loadGuard.getByText(/^Load a new snapshot into checkout/).waitFor();
  await shoot(page, 'guard-load', theme, { fullPage: false });

  const patch = await openDialog(page, ns, 'patch', `Apply patch to ${ns}`);
  await patch.getByLabel('Patch JSON').fill('{\n  "flags": [],\n  "removeKeys": [\n    "feature::checkout::no-such-flag"\n  ]\n');
  await patch.getByRole('button', { name: 'Validate' }).click();
  await patch.getByRole('alert').waitFor();
  await shoot(page, 'patch-syntax-error', theme, { fullPage: false });

  const kill = await openDialog(page, 'payments', 'kill-switch', 'Turn kill switch on for payments');
  await kill.getByRole('button', { name: 'Provider outage: serve declared defaults' }).click();
  await kill.getByLabel('Type the namespace name to confirm').fill('payments');
  await shoot(page, 'guard-kill-switch', theme, { fullPage: false });
  await kill.getByRole('button', { name: 'Turn kill switch on for payments' }).click();
  await page.getByText("Kill switch on: payments serves every flag's declared default").waitFor();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await shoot(page, 'namespace-killed', theme);
  await page.goto('/namespaces/payments/history');
  await page.getByText("Kill switch on: payments serves every flag's declared default").waitFor();
  await page.waitForLoadState('networkidle');
  await shoot(page, 'history-killed', theme, { fullPage: false });
  await mutate(page, 'payments', 'kill-switch', { enabled: false, reason: 'screenshots: clean up' });
}

/** The namespace page as a viewer sees it: every action disabled, saying why. */
export async function readOnlyScreen(page: Page, theme: string, shoot: Shoot): Promise<void> {
  const created = await page.request.post('/api/v1/tokens', {
    data: { name: `screenshots-viewer-${theme}`, role: 'viewer', reason: 'screenshots: a read-only view' },
    headers: { 'X-Requested-With': 'switchyard', 'Idempotency-Key': randomUUID() },
  });
  const { secret } = (await created.json()) as { secret: string };
  const viewer = await page.context().browser()?.newContext({ colorScheme: theme === 'dark' ? 'dark' : 'light', viewport: page.viewportSize(), baseURL: new URL(page.url()).origin });
  if (!viewer) return;
  const vpage = await viewer.newPage();
  await vpage.request.post('/api/v1/session', { data: { token: secret }, headers: { 'X-Requested-With': 'switchyard' } });
  await vpage.goto('/namespaces/checkout');
  await vpage.getByRole('table', { name: /^Flags in v/ }).waitFor();
  await vpage.getByRole('button', { name: 'Roll back', exact: true }).hover();
  await vpage.getByRole('tooltip').waitFor();
  await shoot(vpage, 'namespace-read-only', theme, { fullPage: false });
  await viewer.close();
}
