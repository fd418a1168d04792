/**
 * S3 at the seam where it can go wrong: a change commits between a mutation's read and its
 * write. With an explicit If-Match the caller's view is no longer current: 412 with the current
 * state, nothing written. With If-Match: * the mutation is recomputed on the new state.
 * And PUT …/features is pinned to the namespace revision, which features and kill-switch
 * changes move although the active version stays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MutationResponse, NamespaceDetailSchema } from '@contract/schemas';
import { createNamespace, FEATURES, harness, loadSeries, mutate, NS, snapshot, type Harness } from '../test/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createNamespace(h);
  await loadSeries(h, 10);
});
afterEach(async () => h.close());

/** The next commit of the store first lets another writer flip the kill switch (as if it had won the race). */
function interleaveKillSwitch(): void {
  const store = h.services.store;
  const commit = store.commitNamespaceChange.bind(store);
  let armed = true;
  store.commitNamespaceChange = async (change, respond, since) => {
    if (armed) {
      armed = false;
      await h.services.registry.killSwitch(NS, true, 'the other writer', { actor: 'other', tokenId: 'other' });
    }
    return commit(change, respond, since);
  };
}

const detail = async () => NamespaceDetailSchema.parse((await h.call('GET', `/api/v1/namespaces/${NS}`)).json);

describe('a commit between read and write', () => {
  it('an explicit If-Match gets 412 with the current state, and nothing of its own is written', async () => {
    interleaveKillSwitch();
    const r = await mutate(h, 'load', { snapshot: snapshot(50), reason: 'raced' }, 2);
    expect([r.status, r.json.error?.code]).toEqual([412, 'PreconditionFailed']);
    expect(r.json.error?.details?.current).toMatchObject({ activeVersion: 2, killSwitch: { enabled: true } });
    const d = await detail();
    expect([d.activeVersion, d.latestVersion, d.killSwitch.enabled]).toEqual([2, 2, true]);
  });

  it('If-Match: * is recomputed on the new state and applies', async () => {
    interleaveKillSwitch();
    const r = await mutate(h, 'load', { snapshot: snapshot(50), reason: 'raced' }, '*');
    expect(r.status).toBe(200);
    expect(MutationResponse.parse(r.json).namespace).toMatchObject({ activeVersion: 3, killSwitch: { enabled: true } });
  });
});

describe('PUT features is pinned to the namespace revision', () => {
  const put = (ifMatch: string, description: string) =>
    h.call('PUT', `/api/v1/namespaces/${NS}/features`, {
      body: { features: FEATURES.map((f) => ({ ...f, description })), reason: description },
      headers: { 'if-match': ifMatch },
    });

  it('a second replacement from the same view is refused, although the active version did not move', async () => {
    const seen = (await detail()).revision;
    expect(seen).toBeTypeOf('number');
    const first = await put(`"${seen}"`, 'first admin');
    expect(first.status).toBe(200);
    const second = await put(`"${seen}"`, 'second admin');
    expect([second.status, second.json.error?.code]).toEqual([412, 'PreconditionFailed']);
    expect(second.json.error?.details?.current).toMatchObject({ activeVersion: 2, revision: (seen ?? 0) + 1 });
    expect((await detail()).features.map((f) => f.description)).toEqual(FEATURES.map(() => 'first admin'));
  });

  it('a kill-switch flip since the caller looked also makes the view stale; the new revision works', async () => {
    const seen = (await detail()).revision;
    await mutate(h, 'kill-switch', { enabled: true, reason: 'incident' }, 2);
    expect((await put(`"${seen}"`, 'stale')).status).toBe(412);
    const now = (await detail()).revision;
    expect((await put(`"${now}"`, 'fresh')).status).toBe(200);
    expect((await put('*', 'whatever is there')).status).toBe(200);
    expect((await h.call('PUT', `/api/v1/namespaces/${NS}/features`, { body: { features: FEATURES, reason: 'x' } })).json.error?.message).toContain(
      'namespace revision',
    );
  });
});
