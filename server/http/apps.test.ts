/** The endpoints apps poll: Konditional JSON, strong ETag, 304, kill switch. */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNamespace, harness, loadSeries, mutate, NS, snapshot, type Harness } from '../test/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createNamespace(h);
  await loadSeries(h, 10);
});
afterEach(async () => h.close());

const poll = (headers: Record<string, string> = {}) => h.call('GET', `/v1/namespaces/${NS}`, { token: null, headers });
const etagOf = (version: number, body: string) =>
  `"${version}-${createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex').slice(0, 16)}"`;

describe('GET /v1/namespaces/:ns', () => {
  it('serves the active snapshot as Konditional JSON with a strong ETag of the exact bytes, without auth', async () => {
    const r = await poll();
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['x-switchyard-version']).toBe('2');
    expect(r.headers['x-switchyard-kill-switch']).toBe('off');
    expect(r.headers.etag).toBe(etagOf(2, r.body));
    const doc = JSON.parse(r.body) as { flags: { key: string; isActive: boolean; salt: string }[] };
    expect(doc.flags.map((f) => [f.isActive, f.salt])).toEqual([
      [true, 'v1'],
      [true, 'v1'],
    ]);
  });

  it('answers 304 to If-None-Match with the current ETag, 200 after a change', async () => {
    const first = await poll();
    const etag = String(first.headers.etag);
    const again = await poll({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await poll({ 'if-none-match': `"x", ${etag}` })).status).toBe(304);
    await loadSeries(h, 20);
    const changed = await poll({ 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.headers['x-switchyard-version']).toBe('3');
  });

  it('with the kill switch on serves every flag inactive and says so', async () => {
    const live = await poll();
    await mutate(h, 'kill-switch', { enabled: true, reason: 'incident' }, 2);
    const killed = await poll({ 'if-none-match': String(live.headers.etag) });
    expect(killed.status).toBe(200);
    expect(killed.headers['x-switchyard-kill-switch']).toBe('on');
    expect(killed.headers['x-switchyard-version']).toBe('2');
    expect(killed.headers.etag).toBe(etagOf(2, killed.body));
    const doc = JSON.parse(killed.body) as { flags: { isActive: boolean; rules: unknown[] }[] };
    expect(doc.flags.every((f) => !f.isActive)).toBe(true);
    expect(doc.flags[0]?.rules).toHaveLength(1);
    await mutate(h, 'kill-switch', { enabled: false, reason: 'resolved' }, 2);
    const restored = await poll();
    expect([restored.headers.etag, restored.body]).toEqual([live.headers.etag, live.body]);
  });

  it('404s an unknown namespace with the error shape, 400s a malformed id', async () => {
    const r = await h.call('GET', '/v1/namespaces/nope', { token: null });
    expect(r.status).toBe(404);
    expect(r.json.error?.code).toBe('NotFound');
    expect((await h.call('GET', '/v1/namespaces/%20bad', { token: null })).status).toBe(400);
  });

  it('body and ETag always come from the same version while loads race with polls', async () => {
    const rampOf = new Map<number, number>([[2, 10]]);
    const writes = (async () => {
      for (let i = 0; i < 15; i++) {
        const r = await mutate(h, 'load', { snapshot: snapshot(20 + i), reason: 'race' }, '*');
        rampOf.set((r.json.version as { version: number }).version, 20 + i);
      }
    })();
    const reads: { version: number; etag: string; body: string }[] = [];
    const polls = (async () => {
      for (let i = 0; i < 60; i++) {
        const r = await poll();
        reads.push({ version: Number(r.headers['x-switchyard-version']), etag: String(r.headers.etag), body: r.body });
      }
    })();
    await Promise.all([writes, polls]);
    for (const read of reads) {
      expect(read.etag).toBe(etagOf(read.version, read.body));
      const doc = JSON.parse(read.body) as { flags: { rules: { rampUp: number }[] }[] };
      expect(doc.flags[0]?.rules[0]?.rampUp).toBe(rampOf.get(read.version));
    }
    const versionsSeen = reads.map((r) => r.version);
    expect(versionsSeen).toEqual([...versionsSeen].sort((a, b) => a - b));
  });
});
