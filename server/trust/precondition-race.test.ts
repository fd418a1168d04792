/**
 * S3 at the seam where it can go wrong: another change commits between a mutation's read and its
 * write. Nothing of the first is written; it is read and planned again: if what its If-Match
 * names moved (the active version, or for PUT …/features the namespace revision) it gets 412
 * with the current state, otherwise it is recomputed on the new state (never written blind).
 * PUT …/features is pinned to the revision, which features and kill-switch changes move although
 * the active version stays: the defect S3 found was two feature replacements from one view both
 * applying.
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

/** The next commit of the store first lets another writer commit `other` (as if it had won the race). */
function interleave(other: () => Promise<unknown>): void {
  const store = h.services.store;
  const commit = store.commitNamespaceChange.bind(store);
  let armed = true;
  store.commitNamespaceChange = async (change, respond, since) => {
    if (armed) {
      armed = false;
      await other();
    }
    return commit(change, respond, since);
  };
}

const ctx = { actor: 'other writer', tokenId: 'other' };
const detail = async () => NamespaceDetailSchema.parse((await h.call('GET', `/api/v1/namespaces/${NS}`)).json);

describe('a commit between read and write', () => {
  it('a kill-switch flip keeps the version the caller named: the load is planned again and applies on top of it', async () => {
    interleave(() => h.services.registry.killSwitch(NS, true, 'incident', ctx));
    const r = await mutate(h, 'load', { snapshot: snapshot(50), reason: 'raced' }, 2);
    expect(r.status).toBe(200);
    const body = MutationResponse.parse(r.json);
    expect(body.version).toMatchObject({ version: 3, parentVersion: 2 });
    // The kill switch the caller never saw is kept, not overwritten.
    expect(body.namespace.killSwitch.enabled).toBe(true);
  });

  it('a load that moved the version: 412 with the current state, and nothing of the caller written', async () => {
    interleave(() => h.services.registry.load(NS, snapshot(70), 'the other load', ctx));
    const r = await mutate(h, 'load', { snapshot: snapshot(50), reason: 'raced' }, 2);
    expect([r.status, r.json.error?.code]).toEqual([412, 'PreconditionFailed']);
    expect(r.json.error?.details?.current).toMatchObject({ activeVersion: 3 });
    const d = await detail();
    expect([d.activeVersion, d.latestVersion, d.recentEvents[0]?.reason]).toEqual([3, 3, 'the other load']);
  });

  it('If-Match: * is recomputed on the new state and applies', async () => {
    interleave(() => h.services.registry.load(NS, snapshot(70), 'the other load', ctx));
    const r = await mutate(h, 'load', { snapshot: snapshot(50), reason: 'raced' }, '*');
    expect(r.status).toBe(200);
    expect(MutationResponse.parse(r.json).version).toMatchObject({ version: 4, parentVersion: 3 });
  });

  it('PUT features: a kill-switch flip between read and write moves the revision: 412', async () => {
    const seen = (await detail()).revision;
    interleave(() => h.services.registry.killSwitch(NS, true, 'incident', ctx));
    const r = await h.call('PUT', `/api/v1/namespaces/${NS}/features`, {
      body: { features: FEATURES, reason: 'raced' },
      headers: { 'if-match': `"${seen}"` },
    });
    expect([r.status, r.json.error?.code]).toEqual([412, 'PreconditionFailed']);
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
