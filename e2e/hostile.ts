/**
 * S7 helpers (hostile-strings*.spec.ts): data whose flag keys, values, notes, meta, descriptions, reasons, reporter outputs and parity
 * diffs carry script tags, event-handler attributes and javascript: URLs, shown on every screen.
 * Nothing may execute: a dialog fails the test, a window flag set by the payloads must stay unset,
 * no element carrying the payloads' handlers may exist, no javascript: link may be rendered, and the
 * payloads must appear as text. The server's strict Content-Security-Policy must hold for the whole
 * built app: any violation (console or securitypolicyviolation event) fails the test.
 */
import { expect, type Page } from '@playwright/test';

export const MARK = 'window.hostileRan=(window.hostileRan||0)+1';
export const PAYLOADS = [
  `<script>${MARK}</script>`,
  `<img src=x onerror="${MARK}">`,
  `<svg onload="${MARK}"></svg>`,
  `javascript:${MARK}`,
];
/** One string carrying every payload. */
export const HOSTILE = PAYLOADS.join(' ');
export const JS_URL = `javascript:${MARK}`;

export interface Watch {
  problems: string[];
}

/** Fails on dialogs, CSP violations and page errors; records them with the screen they happened on. */
export async function watch(page: Page): Promise<Watch> {
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
export async function expectInert(page: Page, w: Watch, screen: string, shown = true): Promise<void> {
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

