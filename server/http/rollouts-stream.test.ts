/** Rollout changes and ingested data on /api/v1/stream, over a real socket. */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RolloutDataNotice } from '@contract/rollouts';
import { ChangeEventSchema } from '@contract/schemas';
import { ADMIN_SECRET, harness, type Harness } from '../test/harness';
import { openSse, type SseReader } from '../test/sse-client';
import { act, createRollout, createRolloutNamespace, ingestWindows, MIN, RID, windows } from '../test/rollouts';

let h: Harness;
let stream: SseReader;
beforeEach(async () => {
  h = await harness();
  await createRolloutNamespace(h);
  await createRollout(h);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  stream = await openSse(`http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}/api/v1/stream`, { authorization: `Bearer ${ADMIN_SECRET}` });
});
afterEach(async () => {
  stream.close();
  await h.close();
});

it('pushes rollout changes with their rolloutId, and `rollout-data` when a reporter ingests', async () => {
  await act(h, 'pause', { reason: 'hold' }, 1);
  const change = ChangeEventSchema.parse(JSON.parse((await stream.next((f) => f.event === 'change')).data ?? '{}'));
  expect(change).toMatchObject({ action: 'rollout.pause', namespace: 'validation', rolloutId: RID });
  h.advance(5 * MIN);
  await ingestWindows(h, windows(h.now().getTime() - 3 * MIN, 2));
  const notice = RolloutDataNotice.parse(JSON.parse((await stream.next((f) => f.event === 'rollout-data')).data ?? '{}'));
  expect(notice).toMatchObject({ rolloutId: RID, kind: 'metrics' });
});
