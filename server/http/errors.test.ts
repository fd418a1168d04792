/** Bad input of every kind: always a 4xx with the error shape, never a 5xx, never a change. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { routes, buildPath } from '@contract/routes';
import { ApiErrorBody } from '@contract/schemas';
import { createNamespace, dumpDb, harness, loadSeries, mutate, NS, type Harness } from '../test/harness';

let h: Harness;
afterEach(async () => h.close());

describe('request errors', () => {
  it('413 PayloadTooLarge over the body limit', async () => {
    h = await harness({ bodyLimit: 64 * 1024 });
    await createNamespace(h);
    const r = await mutate(h, 'load', { snapshot: 'x'.repeat(70 * 1024), reason: 'big' }, '*');
    expect(r.status).toBe(413);
    expect(ApiErrorBody.parse(r.json).error.code).toBe('PayloadTooLarge');
    expect(r.json.error?.message).toContain('65536 bytes');
  });

  it('400 InvalidJson for a malformed body', async () => {
    h = await harness();
    await createNamespace(h);
    const r = await h.call('POST', `/api/v1/namespaces/${NS}/rollback`, { raw: '{"steps": 1,', headers: { 'if-match': '*' } });
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe('InvalidJson');
  });

  it('415 for a body that is not JSON', async () => {
    h = await harness();
    await createNamespace(h);
    const r = await h.call('POST', `/api/v1/namespaces/${NS}/rollback`, {
      raw: 'steps=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'if-match': '*' },
    });
    expect(r.status).toBe(415);
    expect(r.json.error?.code).toBe('UnsupportedMediaType');
    const text = await h.call('POST', `/api/v1/namespaces/${NS}/rollback`, { raw: 'hello', headers: { 'content-type': 'text/plain', 'if-match': '*' } });
    expect(text.status).toBe(415);
  });

  it('400 with a JSON pointer to the first problem', async () => {
    h = await harness();
    await createNamespace(h);
    await loadSeries(h, 10);
    const cases: [unknown, string][] = [
      [{ steps: 'two', reason: 'x' }, '/steps'],
      [{ steps: 1 }, '/reason'],
      [{ steps: 1, reason: 'x', force: true }, '/force'],
    ];
    for (const [body, path] of cases) {
      const r = await mutate(h, 'rollback', body, '*');
      expect([r.status, r.json.error?.code, r.json.error?.path]).toEqual([400, 'BadRequest', path]);
      expect(r.json.error?.message.length).toBeGreaterThan(5);
    }
    const missing = await h.call('POST', `/api/v1/namespaces/${NS}/rollback`, { headers: { 'if-match': '*' } });
    expect(missing.status).toBe(400);
    expect(missing.json.error?.message).toContain('JSON body');
  });

  it('refuses __proto__ keys and absurd nesting with 400 and a path', async () => {
    h = await harness();
    await createNamespace(h);
    const proto = await h.call('POST', `/api/v1/namespaces/${NS}/load`, {
      raw: '{"snapshot": {"flags": [], "__proto__": {"admin": true}}, "reason": "x"}',
      headers: { 'if-match': '*' },
    });
    expect([proto.status, proto.json.error?.path]).toEqual([400, '/snapshot/__proto__']);
    const deep = await h.call('POST', `/api/v1/namespaces/${NS}/load`, {
      raw: '{"snapshot": ' + '['.repeat(100_000) + ']'.repeat(100_000) + ', "reason": "x"}',
      headers: { 'if-match': '*' },
    });
    expect(deep.status).toBe(400);
    expect(deep.json.error?.message).toContain('nested deeper');
  });

  it('400 with the error shape for malformed URLs and over-long ids', async () => {
    h = await harness();
    for (const url of ['/v1/namespaces/%', '/api/v1/namespaces/%E0%A4%A', `/api/v1/namespaces/${'a'.repeat(300)}`]) {
      const r = await h.call('GET', url);
      expect([url.slice(0, 40), r.status, ApiErrorBody.safeParse(r.json).success]).toEqual([url.slice(0, 40), 400, true]);
    }
  });

  it('404 with the error shape for unknown API routes', async () => {
    h = await harness();
    for (const url of ['/api/v1/nope', '/v1/nope/x/y', '/anything']) {
      const r = await h.call('GET', url);
      expect([url, r.status, r.json.error?.code]).toEqual([url, 404, 'NotFound']);
    }
  });

  it('never answers 5xx to a corpus of bad bodies against every endpoint, and changes nothing', async () => {
    h = await harness();
    await createNamespace(h);
    await loadSeries(h, 10);
    const before = await dumpDb(h);
    const corpus: string[] = [
      'null', '[]', '"x"', '1', 'true', '{}', '{"reason": null}', '{"reason": ""}', '{"reason": "' + 'r'.repeat(2000) + '"}',
      '{"snapshot": null, "reason": "x"}', '{"snapshot": [], "reason": "x"}', '{"snapshot": "{", "reason": "x"}',
      '{"snapshot": {"flags": null}, "reason": "x"}', '{"snapshot": {"flags": [{}]}, "reason": "x"}',
      '{"snapshot": {"flags": [{"key": 1}]}, "reason": "x"}', '{"patch": {"removeKeys": "x"}, "reason": "x"}',
      '{"steps": -1, "reason": "x"}', '{"steps": 1e308, "reason": "x"}', '{"version": "1", "reason": "x"}',
      '{"enabled": "yes", "reason": "x"}', '{"features": [{"key": "\\u0000"}], "reason": "x"}',
      '{"name": "💥", "reason": "x"}', '{"name": "a", "adoptSnapshot": 5, "reason": "x"}',
      '{"constructor": {"prototype": {"x": 1}}}', '{"snapshot": "' + '['.repeat(500) + '", "reason": "x"}',
      '{"token": ""}', '{"code": 5}', '{"role": "root", "name": "x", "reason": "x"}', '\u0000', '{"a":1}{"b":2}',
    ];
    const all = Object.entries(routes).filter(([, d]) => d.method !== 'GET');
    let count = 0;
    for (const [name, def] of all) {
      if (name === 'deleteSession' || name === 'createToken') continue;
      const url = buildPath(def.path, { ns: NS, id: def.path.startsWith('/api/v1/rollouts') ? 'r1' : 'tok_x', reportId: 1 });
      for (const raw of corpus) {
        const r = await h.call(def.method, url, { raw, headers: { 'if-match': '"2"' } });
        count++;
        const shaped = r.status < 400 || ApiErrorBody.safeParse(r.json).success;
        expect([name, raw.slice(0, 40), r.status < 500, shaped]).toEqual([name, raw.slice(0, 40), true, true]);
      }
    }
    expect(count).toBeGreaterThan(250);
    // Only createSession may have succeeded (no state change), nothing else.
    expect(await dumpDb(h)).toEqual(before);
  });
});

describe('the SPA', () => {
  it('serves index.html for client-side routes when the build exists, never for API paths', async () => {
    const dir = join(process.env.TMPDIR ?? '/tmp', `switchyard-dist-${process.pid}-${Date.now()}`);
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchyard</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    h = await harness({ staticDir: dir });
    const page = await h.call('GET', '/namespaces/checkout?from=1&to=2', { token: null });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Switchyard</title>');
    const asset = await h.call('GET', '/assets/app.js', { token: null });
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await h.call('GET', '/api/v1/nope', { token: null });
    expect([api.status, api.json.error?.code]).toEqual([404, 'NotFound']);
    expect((await h.call('GET', '/login?code=abc', { token: null })).body).toContain('Switchyard');
    rmSync(dir, { recursive: true, force: true });
  });
});
