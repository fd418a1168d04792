/** Security headers on every kind of response: API, app endpoint, errors, the SPA and its assets. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNamespace, harness, NS, type Harness } from '../test/harness';

let h: Harness;
let dist: string;
beforeEach(async () => {
  dist = join(process.env.TMPDIR ?? '/tmp', `switchyard-dist-${process.pid}-${Date.now()}`);
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Switchyard</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  h = await harness({ staticDir: dist });
  await createNamespace(h);
});
afterEach(async () => {
  await h.close();
  rmSync(dist, { recursive: true, force: true });
});

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

describe('security headers', () => {
  it('are on every response, with a strict CSP and no HSTS over plain HTTP', async () => {
    // [url, signed in]: the SPA, an asset, the API (200 and 401), the app endpoint, a 404, health.
    const urls: [string, boolean][] = [
      ['/', false],
      ['/namespaces/checkout', false],
      ['/assets/app.js', false],
      [`/api/v1/namespaces/${NS}`, true],
      [`/v1/namespaces/${NS}`, false],
      ['/api/v1/nope', false],
      ['/api/v1/me', false],
      ['/healthz', false],
    ];
    for (const [url, signedIn] of urls) {
      const r = await h.call('GET', url, signedIn ? {} : { token: null });
      expect([url, r.headers]).toEqual([url, expect.objectContaining(EXPECTED)]);
      const csp = String(r.headers['content-security-policy']);
      for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"]) {
        expect([url, csp]).toEqual([url, expect.stringContaining(directive)]);
      }
      expect([url, csp.includes('unsafe-inline'), csp.includes('unsafe-eval')]).toEqual([url, false, false]);
      expect(String(r.headers['permissions-policy'])).toContain('camera=()');
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS behind a TLS-terminating proxy', async () => {
    const r = await h.call('GET', '/healthz', { token: null, headers: { 'x-forwarded-proto': 'https' } });
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('allows no cross-origin reads: no CORS headers, even for a preflight from another origin', async () => {
    const r = await h.call('OPTIONS', `/api/v1/namespaces/${NS}/rollback`, {
      token: null,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.headers['access-control-allow-credentials']).toBeUndefined();
  });
});
