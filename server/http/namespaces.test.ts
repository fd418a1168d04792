import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@contract/routes';
import { MutationResponse, NamespaceDetailSchema, ValidateResponse, VersionDetailSchema, VersionPage } from '@contract/schemas';
import { createNamespace, dumpDb, FEATURES, fixture, harness, key, loadSeries, mutate, NS, snapshot, type Harness } from '../test/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => h.close());

describe('creating namespaces', () => {
  it('creates a namespace from declared features with an empty version 1', async () => {
    const r = await createNamespace(h);
    expect(r.status).toBe(201);
    expect(r.headers.etag).toBe('"1"');
    const body = MutationResponse.parse(r.json);
    expect(body.namespace).toMatchObject({ name: NS, activeVersion: 1, latestVersion: 1, flagCount: 0 });
    expect(body.version).toMatchObject({ version: 1, kind: 'create', parentVersion: null, active: true, reason: 'set up' });
    expect(body.event).toMatchObject({ action: 'namespace.create', fromVersion: null, toVersion: 1, actor: 'bootstrap-admin' });

    const list = routes.listNamespaces.response.parse((await h.call('GET', '/api/v1/namespaces')).json);
    expect(list.items.map((n) => n.name)).toEqual([NS]);
  });

  it('adopts a snapshot: its flags become the declaration and version 1', async () => {
    const r = await h.call('POST', '/api/v1/namespaces', {
      body: { name: 'app', adoptSnapshot: fixture('snapshot-format.md--snapshot-example.json'), reason: 'adopt' },
    });
    expect(r.status).toBe(201);
    const detail = NamespaceDetailSchema.parse((await h.call('GET', '/api/v1/namespaces/app')).json);
    expect(detail.features.map((f) => f.key)).toEqual(['feature::app::checkoutVariant']);
    expect(detail.snapshot.flags).toHaveLength(1);
    expect(detail.snapshot.meta?.version).toBe('2026-02-23.1');
    expect(detail.recentEvents[0]?.details).toMatchObject({ adopted: true, flagCount: 1 });
  });

  it('refuses an invalid adopted snapshot with 422 and creates nothing', async () => {
    const before = await dumpDb(h);
    const r = await h.call('POST', '/api/v1/namespaces', {
      body: { name: 'app', adoptSnapshot: fixture('unknown-feature-key.json'), reason: 'adopt' },
    });
    expect(r.status).toBe(422);
    expect(r.json.error?.code).toBe('InvalidSnapshot');
    expect(r.json.error?.path).toBe('/flags/0/key');
    expect(await dumpDb(h)).toEqual(before);
    expect((await h.call('GET', '/api/v1/namespaces/app')).status).toBe(404);
  });

  it('refuses invalid feature declarations with their path', async () => {
    const r = await h.call('POST', '/api/v1/namespaces', {
      body: { name: NS, features: [{ ...FEATURES[0], type: 'BOOLEAN', defaultValue: { type: 'STRING', value: 'x' } }], reason: 'x' },
    });
    expect(r.status).toBe(422);
    expect(r.json.error?.path).toMatch(/^\/features\/0\/defaultValue/);
  });

  it('refuses a duplicate name with 409 AlreadyExists', async () => {
    await createNamespace(h);
    const r = await h.call('POST', '/api/v1/namespaces', { body: { name: NS, features: [], reason: 'again' } });
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({ code: 'AlreadyExists', path: '/name' });
  });

  it('refuses a bad name with 400 and its path', async () => {
    const r = await h.call('POST', '/api/v1/namespaces', { body: { name: 'no spaces', features: [], reason: 'x' } });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'BadRequest', path: '/name' });
  });
});

describe('reading', () => {
  beforeEach(async () => {
    await createNamespace(h);
    await loadSeries(h, 10, 20, 30);
  });

  it('returns the namespace detail with ETag = active version', async () => {
    const r = await h.call('GET', `/api/v1/namespaces/${NS}`);
    expect(r.status).toBe(200);
    expect(r.headers.etag).toBe('"4"');
    const d = NamespaceDetailSchema.parse(r.json);
    expect(d.activeVersion).toBe(4);
    expect(d.flagCount).toBe(2);
    expect(d.recentEvents.map((e) => e.toVersion)).toEqual([4, 3, 2, 1]);
    expect(d.lastChange?.id).toBe(d.recentEvents[0]?.id);
  });

  it('404s an unknown namespace with the error shape', async () => {
    const r = await h.call('GET', '/api/v1/namespaces/nope');
    expect(r.status).toBe(404);
    expect(r.json.error?.code).toBe('NotFound');
  });

  it('pages versions newest first', async () => {
    const p1 = VersionPage.parse((await h.call('GET', `/api/v1/namespaces/${NS}/versions?limit=2`)).json);
    expect(p1.items.map((v) => v.version)).toEqual([4, 3]);
    expect(p1.total).toBe(4);
    expect(p1.items[0]?.active).toBe(true);
    expect(p1.nextBefore).toBe(3);
    const p2 = VersionPage.parse((await h.call('GET', `/api/v1/namespaces/${NS}/versions?limit=2&before=3`)).json);
    expect(p2.items.map((v) => v.version)).toEqual([2, 1]);
    expect(p2.nextBefore).toBeNull();
    expect((await h.call('GET', `/api/v1/namespaces/${NS}/versions?limit=0`)).json.error?.path).toBe('/limit');
  });

  it('returns one version with its snapshot', async () => {
    const v = VersionDetailSchema.parse((await h.call('GET', `/api/v1/namespaces/${NS}/versions/2`)).json);
    expect(v).toMatchObject({ version: 2, kind: 'load', parentVersion: 1, active: false, reason: 'ramp to 10' });
    expect(v.snapshot.flags[0]).toMatchObject({ key: key('darkMode') });
    expect((await h.call('GET', `/api/v1/namespaces/${NS}/versions/99`)).status).toBe(404);
    expect((await h.call('GET', `/api/v1/namespaces/${NS}/versions/abc`)).status).toBe(400);
  });

  it('diffs two versions field by field', async () => {
    const r = await h.call('GET', `/api/v1/namespaces/${NS}/diff?from=2&to=4`);
    const d = routes.diff.response.parse(r.json);
    expect(d.diff.changed).toEqual([{ key: key('darkMode'), fields: [{ path: '/rules/0/rampUp', before: 10, after: 30 }] }]);
    expect(d.diff.unchanged).toBe(1);
    const added = routes.diff.response.parse((await h.call('GET', `/api/v1/namespaces/${NS}/diff?from=1&to=2`)).json);
    expect(added.diff.added.map((f) => f.key)).toEqual([key('apiEndpoint'), key('darkMode')]);
    expect((await h.call('GET', `/api/v1/namespaces/${NS}/diff?from=1&to=9`)).status).toBe(404);
    expect((await h.call('GET', `/api/v1/namespaces/${NS}/diff?from=1`)).json.error?.path).toBe('/to');
  });
});

describe('validate (dry run)', () => {
  beforeEach(async () => {
    await createNamespace(h);
    await loadSeries(h, 10);
  });
  const validate = (body: unknown) => h.call('POST', `/api/v1/namespaces/${NS}/validate`, { body });

  it('returns the diff and the shadow check of a valid snapshot, and changes nothing', async () => {
    const before = await dumpDb(h);
    const r = ValidateResponse.parse((await validate({ snapshot: snapshot(60) })).json);
    if (!r.valid) throw new Error('expected valid');
    expect(r.activeVersion).toBe(2);
    expect(r.diff.changed[0]?.key).toBe(key('darkMode'));
    expect(r.shadow.flags.find((f) => f.key === key('darkMode'))?.changedShare).toBeGreaterThan(0.3);
    expect(await dumpDb(h)).toEqual(before);
  });

  it('shows zero drift for an equivalent snapshot', async () => {
    const r = ValidateResponse.parse((await validate({ snapshot: JSON.stringify(snapshot(10), null, 2) })).json);
    if (!r.valid) throw new Error('expected valid');
    expect(r.diff.changed).toEqual([]);
    expect(r.shadow.anyChangedShare).toBe(0);
  });

  it('answers 200 valid:false with the Konditional error and its path', async () => {
    const bad = snapshot(10);
    (bad.flags[0] as { defaultValue: unknown }).defaultValue = { type: 'STRING', value: 'no' };
    const r = await validate({ snapshot: bad });
    expect(r.status).toBe(200);
    const v = ValidateResponse.parse(r.json);
    if (v.valid) throw new Error('expected invalid');
    expect(v.error.code).toBe('InvalidSnapshot');
    expect(v.error.path).toBe('/flags/0/defaultValue/type');

    const syntax = ValidateResponse.parse((await validate({ snapshot: fixture('invalid-json.json') })).json);
    expect(syntax.valid ? null : syntax.error.code).toBe('InvalidJson');
  });

  it('validates patches against the live snapshot', async () => {
    const r = ValidateResponse.parse((await validate({ patch: { flags: [], removeKeys: [key('apiEndpoint')] } })).json);
    if (!r.valid) throw new Error('expected valid');
    expect(r.diff.removed.map((f) => f.key)).toEqual([key('apiEndpoint')]);
    const unknown = ValidateResponse.parse((await validate({ patch: { flags: [], removeKeys: [key('nope')] } })).json);
    expect(unknown.valid ? null : unknown.error).toMatchObject({ code: 'FeatureNotFound', path: '/removeKeys/0' });
  });

  it('needs exactly one of snapshot or patch', async () => {
    expect((await validate({})).status).toBe(400);
    expect((await validate({ snapshot: snapshot(1), patch: { flags: [] } })).status).toBe(400);
  });
});

describe('declared features', () => {
  beforeEach(async () => {
    await createNamespace(h);
    await loadSeries(h, 10);
  });
  const put = (features: unknown[], ifMatch: string | number = 2) =>
    h.call('PUT', `/api/v1/namespaces/${NS}/features`, {
      body: { features, reason: 'declare' },
      headers: { 'if-match': typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch },
    });

  it('replaces the declaration when the live snapshot still fits, without a new version', async () => {
    const extra = { key: key('limit'), type: 'INT', defaultValue: { type: 'INT', value: 5 } };
    const r = await put([...FEATURES, extra]);
    expect(r.status).toBe(200);
    const body = MutationResponse.parse(r.json);
    expect(body.namespace.activeVersion).toBe(2);
    expect(body.version).toBeNull();
    expect(body.event).toMatchObject({ action: 'namespace.features', details: { added: [key('limit')], removed: [] } });
    const detail = NamespaceDetailSchema.parse((await h.call('GET', `/api/v1/namespaces/${NS}`)).json);
    expect(detail.features).toHaveLength(4);
  });

  it('refuses features the live snapshot does not fit (422) and changes nothing', async () => {
    const before = await dumpDb(h);
    const r = await put(FEATURES.filter((f) => f.key !== key('darkMode')));
    expect(r.status).toBe(422);
    expect(r.json.error?.code).toBe('FeatureNotFound');
    expect(r.json.error?.details).toMatchObject({ activeVersion: 2, snapshotPath: '/flags/0/key' });
    expect(await dumpDb(h)).toEqual(before);
  });

  it('needs If-Match like every namespace mutation', async () => {
    const r = await h.call('PUT', `/api/v1/namespaces/${NS}/features`, { body: { features: FEATURES, reason: 'x' } });
    expect(r.status).toBe(428);
    expect((await put(FEATURES, 1)).status).toBe(412);
  });
});

describe('mutation helpers', () => {
  it('mutate() sends If-Match', async () => {
    await createNamespace(h);
    expect((await mutate(h, 'load', { snapshot: snapshot(5), reason: 'x' }, 1)).status).toBe(200);
  });
});
