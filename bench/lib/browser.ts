/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), and the in-page
 * probes the browser figures use: a MutationObserver that notes performance.now() once the
 * awaited content is in the DOM and a frame with it has been painted (rAF, then a task).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh context (empty cache, no cookies) signed in with the session cookie, as after a login. */
export async function signedInContext(browser: Browser, base: string, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  const r = await context.request.post('/api/v1/session', { data: { token }, headers: { 'X-Requested-With': 'switchyard' } });
  if (!r.ok()) throw new Error(`sign-in failed: ${r.status()} ${await r.text()}`);
  return context;
}

/** What "ready" means for a screen: enough elements matching a selector and, optionally, an enabled button. */
export interface ReadySpec {
  selector: string;
  count?: number;
  /** Text of a button that must be present and not aria-disabled (the screen is usable, not just drawn). */
  button?: string;
}

declare global {
  interface Window {
    benchReadyAt?: number;
  }
}

/** Runs in the page: resolves with performance.now() after the frame that shows `spec` was painted. */
function painted(spec: ReadySpec): Promise<number> {
  const ok = () => {
    if (document.querySelectorAll(spec.selector).length < (spec.count ?? 1)) return false;
    if (spec.button === undefined) return true;
    return Array.from(document.querySelectorAll('button')).some(
      (b) => b.textContent?.trim() === spec.button && b.getAttribute('aria-disabled') !== 'true' && !b.disabled,
    );
  };
  return new Promise((resolve) => {
    const afterPaint = () =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      });
    if (document.documentElement && ok()) return afterPaint();
    const mo = new MutationObserver(() => {
      if (ok()) {
        mo.disconnect();
        afterPaint();
      }
    });
    mo.observe(document, { childList: true, subtree: true, attributes: true });
  });
}

/**
 * The probe as page script. It is sent as source text through the DevTools protocol (which the
 * page's Content-Security-Policy does not govern); `__name` covers the helper tsx's transform may
 * leave in function bodies.
 */
const PRELUDE = 'var __name = globalThis.__name || ((f) => f);';
const PROBE = `(${painted.toString()})`;

/**
 * Arms the probe for every document load in this context: window.benchReadyAt is set (ms
 * since navigation start) once `spec` is painted.
 */
export async function armColdProbe(context: BrowserContext, spec: ReadySpec): Promise<void> {
  await context.addInitScript({
    content: `${PRELUDE} ${PROBE}(${JSON.stringify(spec)}).then((t) => { window.benchReadyAt = t; });`,
  });
}

export async function coldReadyAt(page: Page, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction(() => window.benchReadyAt, undefined, { timeout: timeoutMs, polling: 50 });
  const t = await handle.jsonValue();
  if (typeof t !== 'number') throw new Error('no ready time');
  return t;
}

/**
 * An in-app navigation (the router's own history listener, as after a click on a link) timed in
 * the page: milliseconds from just before the navigation to the painted `spec`.
 */
export async function timeRouteChange(page: Page, url: string, spec: ReadySpec, timeoutMs = 30_000): Promise<number> {
  const script = `(async () => {
    ${PRELUDE}
    const started = performance.now();
    const ready = ${PROBE}(${JSON.stringify(spec)});
    window.history.pushState(window.history.state, '', ${JSON.stringify(url)});
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('not ready after ${timeoutMs} ms: ' + ${JSON.stringify(spec.selector)})), ${timeoutMs}));
    return (await Promise.race([ready, timeout])) - started;
  })()`;
  const t: unknown = await page.evaluate(script);
  if (typeof t !== 'number') throw new Error('no route-change time');
  return t;
}

/** Navigation timing of the current document, in ms since navigation start. */
export async function navigationTiming(page: Page): Promise<{ responseEnd: number; domContentLoaded: number; load: number }> {
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return { responseEnd: nav?.responseEnd ?? 0, domContentLoaded: nav?.domContentLoadedEventEnd ?? 0, load: nav?.loadEventEnd ?? 0 };
  });
}

/** Duration (ms) and end time of the first resource whose URL contains `part`. */
export async function resourceTiming(page: Page, part: string): Promise<{ duration: number; responseEnd: number } | null> {
  return page.evaluate((p) => {
    const e = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.includes(p));
    return e ? { duration: e.duration, responseEnd: e.responseEnd } : null;
  }, part);
}
