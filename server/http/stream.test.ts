/** Live streams over a real socket: /api/v1/stream and /v1/namespaces/:ns/watch. */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeEventSchema } from '@contract/schemas';
import { ADMIN_SECRET, createNamespace, harness, loadSeries, mutate, NS, type Harness } from '../test/harness';
import { openSse, type SseReader } from '../test/sse-client';

let h: Harness;
let base: string;
const open: SseReader[] = [];
beforeEach(async () => {
  h = await harness();
  await createNamespace(h);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await h.close();
});

const sse = async (path: string, headers: Record<string, string> = {}) => {
  const s = await openSse(base + path, headers);
  open.push(s);
  return s;
};
const auth = { authorization: `Bearer ${ADMIN_SECRET}` };

describe('GET /api/v1/stream', () => {
  it('pushes every change as `event: change` with the event id', async () => {
    const stream = await sse('/api/v1/stream', auth);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    await stream.next((f) => f.comment === 'connected');
    await loadSeries(h, 10);
    const frame = await stream.next((f) => f.event === 'change');
    const change = ChangeEventSchema.parse(JSON.parse(frame.data ?? ''));
    expect(change).toMatchObject({ namespace: NS, action: 'snapshot.load', activeVersion: 2, eventId: 2 });
    expect(frame.id).toBe('2');
    await mutate(h, 'kill-switch', { enabled: true, reason: 'x' }, 2);
    const ks = ChangeEventSchema.parse(JSON.parse((await stream.next((f) => f.event === 'change')).data ?? ''));
    expect(ks).toMatchObject({ action: 'killswitch.enable', eventId: 3 });
  });

  it('replays what was missed after Last-Event-ID, then continues live', async () => {
    await loadSeries(h, 10, 20, 30); // events 2, 3, 4
    const stream = await sse('/api/v1/stream', { ...auth, 'last-event-id': '2' });
    expect((await stream.next((f) => f.event === 'change')).id).toBe('3');
    expect((await stream.next((f) => f.event === 'change')).id).toBe('4');
    await loadSeries(h, 40);
    expect((await stream.next((f) => f.event === 'change')).id).toBe('5');
  });

  it('sends a heartbeat comment', async () => {
    await h.close();
    h = await harness({}, { heartbeatMs: 50 });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const stream = await sse('/api/v1/stream', auth);
    expect((await stream.next((f) => f.comment === 'heartbeat', 2000)).comment).toBe('heartbeat');
  });

  it('needs authentication', async () => {
    const res = await fetch(base + '/api/v1/stream');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Unauthorized');
  });

  it('ends cleanly when the server shuts down', async () => {
    const stream = await sse('/api/v1/stream', auth);
    await stream.next((f) => f.comment === 'connected');
    expect(h.services.sse.size).toBe(1);
    await h.app.close();
    await expect(stream.ended()).resolves.toBeUndefined();
    expect(h.services.sse.size).toBe(0);
  });

  it('closes the stream of a token when it is revoked', async () => {
    const viewer = await h.token('viewer', 'watcher');
    const stream = await sse('/api/v1/stream', { authorization: `Bearer ${viewer}` });
    await stream.next((f) => f.comment === 'connected');
    const id = (await h.call('GET', '/api/v1/me', { token: viewer })).json.tokenId as string;
    await h.call('POST', `/api/v1/tokens/${id}/revoke`, { body: { reason: 'offboarded' } });
    await expect(stream.ended()).resolves.toBeUndefined();
  });
});

describe('GET /v1/namespaces/:ns/watch', () => {
  it('pushes the whole snapshot on connect and on every change, id = ETag', async () => {
    await loadSeries(h, 10);
    const watch = await sse(`/v1/namespaces/${NS}/watch`);
    const first = await watch.next((f) => f.event === 'snapshot');
    const poll = await h.call('GET', `/v1/namespaces/${NS}`, { token: null });
    expect(first.id).toBe(poll.headers.etag);
    expect(first.data).toBe(poll.body);

    await loadSeries(h, 20);
    const second = await watch.next((f) => f.event === 'snapshot');
    expect(second.id).toMatch(/^"3-[0-9a-f]{16}"$/);
    expect((JSON.parse(second.data ?? '') as { flags: { rules: { rampUp: number }[] }[] }).flags[0]?.rules[0]?.rampUp).toBe(20);

    await mutate(h, 'kill-switch', { enabled: true, reason: 'x' }, 3);
    const killed = await watch.next((f) => f.event === 'snapshot');
    expect((JSON.parse(killed.data ?? '') as { flags: { isActive: boolean }[] }).flags.every((f) => !f.isActive)).toBe(true);
  });

  it('404s an unknown namespace before opening a stream', async () => {
    const res = await fetch(base + '/v1/namespaces/nope/watch');
    expect(res.status).toBe(404);
  });
});
