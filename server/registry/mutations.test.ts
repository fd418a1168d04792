/** Load, patch, rollback, restore and kill switch through the HTTP API, against a real SQLite file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MutationResponse, NamespaceDetailSchema, VersionPage } from '@contract/schemas';
import { boolFlag, createNamespace, dumpDb, FEATURES, fixture, harness, key, loadSeries, mutate, NS, snapshot, type Harness } from '../test/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createNamespace(h);
});
afterEach(async () => h.close());

const detail = async () => NamespaceDetailSchema.parse((await h.call('GET', `/api/v1/namespaces/${NS}`)).json);
const versions = async () => VersionPage.parse((await h.call('GET', `/api/v1/namespaces/${NS}/versions?limit=1000`)).json).items;
const version = async (v: number) => (await versions()).find((x) => x.version === v);

describe('load', () => {
  it('writes a new version on top of the active one, with the audit event in the same change', async () => {
    const r = await mutate(h, 'load', { snapshot: snapshot(25), reason: 'ramp darkMode' }, 1);
    expect(r.status).toBe(200);
    expect(r.headers.etag).toBe('"2"');
    const body = MutationResponse.parse(r.json);
    expect(body.version).toMatchObject({ version: 2, kind: 'load', parentVersion: 1, active: true, flagCount: 2 });
    expect(body.event).toMatchObject({ action: 'snapshot.load', fromVersion: 1, toVersion: 2, reason: 'ramp darkMode' });
    expect(body.event.details).toMatchObject({ added: 2, removed: 0, changed: 0, noop: false, hash: body.version?.hash });
    expect(body.event.details.diffSummary).toContain('2 flags change');
    expect(body.namespace.lastChange?.id).toBe(body.event.id);
  });

  it('accepts the raw JSON text, and an identical load is still a version marked noop', async () => {
    await loadSeries(h, 25);
    const r = await mutate(h, 'load', { snapshot: JSON.stringify(snapshot(25), null, 2), reason: 'same again' }, 2);
    const body = MutationResponse.parse(r.json);
    expect(body.version?.version).toBe(3);
    expect(body.event.details).toMatchObject({ noop: true, added: 0, removed: 0, changed: 0 });
    expect(body.version?.hash).toBe((await version(2))?.hash);
  });

  it.each([
    ['invalid-json.json', 'InvalidJson'],
    ['null-flags.json', 'InvalidJson'],
    ['unknown-feature-key.json', 'FeatureNotFound'],
  ])('a failed load (%s) leaves version, history and audit log exactly as before', async (file, code) => {
    await loadSeries(h, 10, 20);
    const before = await dumpDb(h);
    const servedBefore = await h.call('GET', `/v1/namespaces/${NS}`, { token: null });
    const snap = file === 'invalid-json.json' ? fixture(file) : JSON.parse(fixture(file).replaceAll('unknown-namespace', NS));
    const r = await mutate(h, 'load', { snapshot: snap, reason: 'bad' }, 3, { headers: { 'idempotency-key': 'k1' } });
    expect(r.status).toBe(422);
    expect(r.json.error?.code).toBe(code);
    expect(await dumpDb(h)).toEqual(before);
    const servedAfter = await h.call('GET', `/v1/namespaces/${NS}`, { token: null });
    expect([servedAfter.headers.etag, servedAfter.body]).toEqual([servedBefore.headers.etag, servedBefore.body]);
  });

  it('points at the offending field of the submitted document', async () => {
    const r = await mutate(h, 'load', { snapshot: snapshot(101), reason: 'x' }, 1);
    expect(r.status).toBe(422);
    expect(r.json.error).toMatchObject({ code: 'InvalidSnapshot', path: '/flags/0/rules/0/rampUp' });
  });

  it('refuses a document nested absurdly deep as InvalidJson', async () => {
    const deep = '{"flags": ' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const r = await mutate(h, 'load', { snapshot: deep, reason: 'x' }, 1);
    expect(r.status).toBe(422);
    expect(r.json.error?.code).toBe('InvalidJson');
  });

  it('needs a reason', async () => {
    const r = await mutate(h, 'load', { snapshot: snapshot(1), reason: '   ' }, 1);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'BadRequest', path: '/reason' });
    expect(r.json.error?.message).toContain('reason is required');
  });
});

describe('patch', () => {
  it('applies upserts and removals to the live snapshot as a new version', async () => {
    await loadSeries(h, 10);
    const patch = { flags: [{ key: key('variant'), defaultValue: { type: 'ENUM', value: 'EXPRESS', enumClassName: 'com.example.Variant' } }], removeKeys: [key('apiEndpoint')] };
    const r = await mutate(h, 'patch', { patch, reason: 'variant' }, 2);
    expect(r.status).toBe(200);
    const body = MutationResponse.parse(r.json);
    expect(body.version).toMatchObject({ version: 3, kind: 'patch', parentVersion: 2 });
    expect(body.event.details).toMatchObject({ added: 1, removed: 1, changed: 0 });
    expect((await detail()).snapshot.flags.map((f) => f.key).sort()).toEqual([key('darkMode'), key('variant')]);
  });

  it('rejects a patch with an undeclared key, changing nothing', async () => {
    const before = await dumpDb(h);
    const patch = JSON.parse(fixture('persistence-format.md--patch-update-and-remove.json').replaceAll('::global::', `::${NS}::`));
    const r = await mutate(h, 'patch', { patch, reason: 'x' }, 1);
    expect(r.status).toBe(422);
    expect(r.json.error).toMatchObject({ code: 'FeatureNotFound', path: '/removeKeys/0' });
    expect(await dumpDb(h)).toEqual(before);
  });

  it('rejects an enum constant that is not declared', async () => {
    const patch = { flags: [{ key: key('variant'), defaultValue: { type: 'ENUM', value: 'TURBO', enumClassName: 'com.example.Variant' } }] };
    const r = await mutate(h, 'patch', { patch, reason: 'x' }, 1);
    expect(r.status).toBe(422);
    expect(r.json.error?.code).toBe('InvalidSnapshot');
    expect(r.json.error?.path).toMatch(/^\/flags\/0\/defaultValue/);
  });
});

describe('rollback along the active chain', () => {
  beforeEach(async () => {
    await loadSeries(h, 10, 20, 30, 40); // v2..v5
  });

  it('moves the pointer back, marks the versions passed over as discarded, writes no version', async () => {
    const r = await mutate(h, 'rollback', { steps: 2, reason: 'errors up' }, 5);
    expect(r.status).toBe(200);
    const body = MutationResponse.parse(r.json);
    expect(body.version).toBeNull();
    expect(body.namespace).toMatchObject({ activeVersion: 3, latestVersion: 5, rollbacks7d: 1 });
    expect(body.event).toMatchObject({ action: 'snapshot.rollback', fromVersion: 5, toVersion: 3 });
    expect(body.event.details).toMatchObject({ steps: 2, discarded: [5, 4], changed: 1 });
    const vs = await versions();
    expect(vs.map((v) => [v.version, v.active, v.discardedBy?.eventId ?? null])).toEqual([
      [5, false, body.event.id],
      [4, false, body.event.id],
      [3, true, null],
      [2, false, null],
      [1, false, null],
    ]);
    expect(vs[0]?.discardedBy).toMatchObject({ actor: 'bootstrap-admin', reason: 'errors up' });
    const served = await h.call('GET', `/v1/namespaces/${NS}`, { token: null });
    expect(served.headers['x-switchyard-version']).toBe('3');
  });

  it('a load after a rollback has the restored version as parent, and the next rollback walks that chain', async () => {
    await mutate(h, 'rollback', { steps: 2, reason: 'back' }, 5);
    const load = MutationResponse.parse((await mutate(h, 'load', { snapshot: snapshot(35), reason: 'fix' }, 3)).json);
    expect(load.version).toMatchObject({ version: 6, parentVersion: 3 });
    const back = MutationResponse.parse((await mutate(h, 'rollback', { steps: 2, reason: 'again' }, 6)).json);
    expect(back.namespace.activeVersion).toBe(2);
    expect(back.event.details).toMatchObject({ discarded: [6, 3] });
    const vs = await versions();
    expect(vs.filter((v) => v.discardedBy).map((v) => v.version)).toEqual([6, 5, 4, 3]);
  });

  it('refuses with 409 InsufficientHistory when the chain is shorter, and changes nothing', async () => {
    const before = await dumpDb(h);
    const r = await mutate(h, 'rollback', { steps: 5, reason: 'too far' }, 5);
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({ code: 'InsufficientHistory', details: { available: 4, requested: 5 } });
    expect(await dumpDb(h)).toEqual(before);
    expect((await mutate(h, 'rollback', { steps: 4, reason: 'to the start' }, 5)).status).toBe(200);
    expect((await mutate(h, 'rollback', { steps: 1, reason: 'nothing left' }, 1)).json.error?.details).toMatchObject({ available: 0 });
  });

  it('defaults to one step', async () => {
    const body = MutationResponse.parse((await mutate(h, 'rollback', { reason: 'one' }, 5)).json);
    expect(body.namespace.activeVersion).toBe(4);
  });

  it('rejects steps < 1 with the path', async () => {
    const r = await mutate(h, 'rollback', { steps: 0, reason: 'x' }, 5);
    expect(r.status).toBe(400);
    expect(r.json.error?.path).toBe('/steps');
  });
});

describe('what is kept between changes is never stale', () => {
  const onlyDarkMode = (rampUp: number) => ({ flags: [boolFlag('darkMode', true, rampUp)] });

  it('a version that fitted the declarations when last made live is refused once they no longer do', async () => {
    await loadSeries(h, 25); // v2 uses darkMode and apiEndpoint
    await mutate(h, 'load', { snapshot: onlyDarkMode(30), reason: 'drop apiEndpoint' }, 2); // v3
    expect((await mutate(h, 'rollback', { steps: 1, reason: 'back' }, 3)).status).toBe(200); // v2 live again: it fits
    expect((await mutate(h, 'load', { snapshot: onlyDarkMode(35), reason: 'again' }, 2)).status).toBe(200); // v4
    const revision = (await detail()).revision;
    const narrowed = await h.call('PUT', `/api/v1/namespaces/${NS}/features`, {
      body: { features: FEATURES.filter((f) => f.key !== key('apiEndpoint')), reason: 'retire apiEndpoint' },
      headers: { 'if-match': `"${revision}"` },
    });
    expect(narrowed.status).toBe(200);
    const rollback = await mutate(h, 'rollback', { steps: 1, reason: 'back to v2' }, 4);
    expect(rollback.status).toBe(422);
    expect(rollback.json.error).toMatchObject({ code: 'FeatureNotFound', details: { version: 2 } });
    expect((await mutate(h, 'restore', { version: 2, reason: 'v2 again' }, 4)).status).toBe(422);
    expect((await detail()).activeVersion).toBe(4);
  });

  it('the change failure rate counts a rollback at once: in its response, the namespace and the list', async () => {
    await loadSeries(h, 10, 20, 30); // v2..v4: three changes
    expect((await detail()).changeFailureRate7d).toBe(0);
    const r = MutationResponse.parse((await mutate(h, 'rollback', { steps: 2, reason: 'errors up' }, 4)).json);
    const expected = { changes7d: 3, changeFailureRate7d: 2 / 3, rollbacks7d: 1 };
    expect(r.namespace).toMatchObject(expected);
    expect(await detail()).toMatchObject(expected);
    const list = (await h.call('GET', '/api/v1/namespaces')).json.items as unknown[];
    expect(list).toEqual([expect.objectContaining({ name: NS, ...expected })]);
    await loadSeries(h, 40);
    expect(await detail()).toMatchObject({ changes7d: 4, changeFailureRate7d: 0.5, rollbacks7d: 1 });
  });

  it('the snapshot apps are served, and its ETag, follow every load and rollback at once', async () => {
    const served = async () => {
      const r = await h.call('GET', `/v1/namespaces/${NS}`, { token: null });
      return { etag: r.headers.etag, version: r.headers['x-switchyard-version'], body: r.json as { flags: { key: string; rules: { rampUp: number }[] }[] } };
    };
    const before = await served();
    await loadSeries(h, 15);
    const loaded = await served();
    expect(loaded.version).toBe('2');
    expect(loaded.etag).not.toBe(before.etag);
    expect(loaded.body.flags.find((f) => f.key === key('darkMode'))?.rules[0]?.rampUp).toBe(15);
    await mutate(h, 'rollback', { steps: 1, reason: 'back' }, 2);
    const back = await served();
    expect(back.version).toBe('1');
    expect([back.etag, back.body]).toEqual([before.etag, before.body]);
  });
});

describe('restore', () => {
  beforeEach(async () => {
    await loadSeries(h, 10, 20); // v2, v3
  });

  it("writes a new version with the old version's content", async () => {
    const r = MutationResponse.parse((await mutate(h, 'restore', { version: 2, reason: 'back to 10%' }, 3)).json);
    expect(r.version).toMatchObject({ version: 4, kind: 'restore', sourceVersion: 2, parentVersion: 3, hash: (await version(2))?.hash });
    expect(r.event).toMatchObject({ action: 'snapshot.restore', fromVersion: 3, toVersion: 4, details: { sourceVersion: 2, identicalToActive: false } });
  });

  it('allows restoring content identical to the active one, and says so', async () => {
    const r = MutationResponse.parse((await mutate(h, 'restore', { version: 3, reason: 'explicit' }, 3)).json);
    expect(r.event.details).toMatchObject({ identicalToActive: true, noop: true });
    expect(r.namespace.activeVersion).toBe(4);
  });

  it('404s an unknown version', async () => {
    expect((await mutate(h, 'restore', { version: 42, reason: 'x' }, 3)).status).toBe(404);
  });
});

describe('kill switch', () => {
  beforeEach(async () => {
    await loadSeries(h, 10, 20);
  });

  it('turns on and off, separately from the version chain', async () => {
    const on = MutationResponse.parse((await mutate(h, 'kill-switch', { enabled: true, reason: 'incident' }, 3)).json);
    expect(on.namespace.killSwitch).toMatchObject({ enabled: true, changedBy: 'bootstrap-admin', reason: 'incident' });
    expect(on.event).toMatchObject({ action: 'killswitch.enable', fromVersion: 3, toVersion: 3 });
    expect(on.version).toBeNull();

    // A rollback never re-enables a killed namespace.
    const back = MutationResponse.parse((await mutate(h, 'rollback', { steps: 1, reason: 'back' }, 3)).json);
    expect(back.namespace.killSwitch.enabled).toBe(true);

    const off = MutationResponse.parse((await mutate(h, 'kill-switch', { enabled: false, reason: 'resolved' }, 2)).json);
    expect(off.event.action).toBe('killswitch.disable');
    expect(off.namespace.killSwitch.enabled).toBe(false);
  });

  it('refuses the state it is already in with 409 and the current state', async () => {
    await mutate(h, 'kill-switch', { enabled: true, reason: 'incident' }, 3);
    h.advance(60_000);
    const before = await dumpDb(h);
    const r = await mutate(h, 'kill-switch', { enabled: true, reason: 'again' }, 3);
    expect(r.status).toBe(409);
    expect(r.json.error?.code).toBe('Conflict');
    expect(r.json.error?.message).toContain('already on since 2026-03-01T12:00:00.000Z by bootstrap-admin');
    expect(r.json.error?.details).toMatchObject({ killSwitch: { enabled: true }, current: { activeVersion: 3 } });
    expect(await dumpDb(h)).toEqual(before);
    const off = await mutate(h, 'kill-switch', { enabled: false, reason: 'x' }, 3);
    expect(off.status).toBe(200);
    expect((await mutate(h, 'kill-switch', { enabled: false, reason: 'x' }, 3)).json.error?.message).toContain('already off');
  });
});

describe('preconditions', () => {
  beforeEach(async () => {
    await loadSeries(h, 10, 20); // v2, v3
  });

  it('428 without If-Match, and nothing changes', async () => {
    const before = await dumpDb(h);
    const r = await h.call('POST', `/api/v1/namespaces/${NS}/rollback`, { body: { steps: 1, reason: 'x' } });
    expect(r.status).toBe(428);
    expect(r.json.error?.code).toBe('PreconditionRequired');
    expect(await dumpDb(h)).toEqual(before);
  });

  it('412 with the current state and the changes since the version the caller saw', async () => {
    const before = await dumpDb(h);
    const r = await mutate(h, 'rollback', { steps: 1, reason: 'x' }, 2);
    expect(r.status).toBe(412);
    expect(r.json.error?.code).toBe('PreconditionFailed');
    type Details = { current: { activeVersion: number }; changesSince: { toVersion: number }[] };
    const details = r.json.error?.details as Details;
    expect(details.current.activeVersion).toBe(3);
    expect(details.changesSince.map((e) => e.toVersion)).toEqual([3]);
    const older = await mutate(h, 'rollback', { steps: 1, reason: 'x' }, 1);
    expect((older.json.error?.details as Details | undefined)?.changesSince.map((e) => e.toVersion)).toEqual([3, 2]);
    expect(await dumpDb(h)).toEqual(before);
  });

  it('accepts quoted, unquoted, weak and listed entity tags, and *', async () => {
    for (const tag of ['3', 'W/"3"', '"1", "3"']) {
      await mutate(h, 'kill-switch', { enabled: true, reason: tag }, tag).then((r) => expect(r.status).toBe(200));
      await mutate(h, 'kill-switch', { enabled: false, reason: tag }, '*').then((r) => expect(r.status).toBe(200));
    }
    expect((await mutate(h, 'rollback', { steps: 1, reason: 'x' }, 'abc')).status).toBe(400);
  });
});

describe('idempotency', () => {
  const load = (keyValue: string, rampUp: number, ifMatch: number | string = '*', token?: string) =>
    mutate(h, 'load', { snapshot: snapshot(rampUp), reason: 'idem' }, ifMatch, {
      headers: { 'idempotency-key': keyValue },
      ...(token ? { token } : {}),
    });

  it('the same request twice with one key acts once and answers the same both times', async () => {
    const first = await load('k-1', 15, 1);
    const second = await load('k-1', 15, 1);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect((await versions()).map((v) => v.version)).toEqual([2, 1]);
  });

  it('a replay wins over a now-stale If-Match', async () => {
    const first = await load('k-2', 15, 1);
    await load('k-3', 16);
    const again = await load('k-2', 15, 1);
    expect(again.status).toBe(200);
    expect(again.body).toBe(first.body);
  });

  it('the same key with a different body is 422 IdempotencyKeyReused', async () => {
    await load('k-4', 15);
    const r = await load('k-4', 16);
    expect(r.status).toBe(422);
    expect(r.json.error?.code).toBe('IdempotencyKeyReused');
    expect((await versions()).length).toBe(2);
  });

  it('keys are scoped by token', async () => {
    const operator = await h.token('operator');
    await load('shared', 15);
    const r = await load('shared', 15, '*', operator);
    expect(r.headers['idempotent-replayed']).toBeUndefined();
    expect((await versions()).length).toBe(3);
  });

  it('concurrent requests with one key still act once', async () => {
    const [a, b] = await Promise.all([load('k-5', 15, 1), load('k-5', 15, 1)]);
    expect(a.body).toBe(b.body);
    expect((await versions()).length).toBe(2);
  });

  it('rejects an over-long key', async () => {
    expect((await load('x'.repeat(201), 15)).status).toBe(400);
  });
});

describe('concurrent operators', () => {
  beforeEach(async () => {
    await loadSeries(h, 10, 20, 30); // v2..v4
  });

  it('two rollbacks with the same If-Match: exactly one applies, the other gets 412 with the current state', async () => {
    const [a, b] = await Promise.all([
      mutate(h, 'rollback', { steps: 1, reason: 'alice' }, 4),
      mutate(h, 'rollback', { steps: 1, reason: 'bob' }, 4),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const failed = a.status === 412 ? a : b;
    expect(failed.json.error?.details).toMatchObject({ current: { activeVersion: 3 } });
    expect((await detail()).activeVersion).toBe(3);
    const rollbacks = (await h.call('GET', '/api/v1/events?action=snapshot.rollback')).json.items as unknown[];
    expect(rollbacks).toHaveLength(1);
  });

  it('loads with If-Match * all apply, one after the other', async () => {
    const results = await Promise.all([41, 42, 43, 44].map((r) => mutate(h, 'load', { snapshot: snapshot(r), reason: 'race' }, '*')));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const vs = await versions();
    expect(vs.map((v) => v.version)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    // Every new version's parent is the one before it: no write was lost or forked.
    expect(vs.slice(0, 4).map((v) => v.parentVersion)).toEqual([7, 6, 5, 4]);
  });

  it('a kill switch change between read and write does not fail an explicit If-Match on the same version', async () => {
    const [ks, rb] = await Promise.all([
      mutate(h, 'kill-switch', { enabled: true, reason: 'incident' }, 4),
      mutate(h, 'rollback', { steps: 1, reason: 'back' }, 4),
    ]);
    expect([ks.status, rb.status]).toEqual([200, 200]);
    const d = await detail();
    expect(d.activeVersion).toBe(3);
    expect(d.killSwitch.enabled).toBe(true);
  });
});
