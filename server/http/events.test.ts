/** The audit log: filters, paging, CSV export. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventPage } from '@contract/schemas';
import { csvCell } from './csv';
import { createNamespace, harness, loadSeries, mutate, NS, snapshot, type Harness } from '../test/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createNamespace(h); // event 1 (12:00)
  h.advance(3_600_000);
  await loadSeries(h, 10); // event 2 (13:00)
  h.advance(3_600_000);
  const operator = await h.token('operator', 'olga'); // event 3 token.create
  await mutate(h, 'rollback', { steps: 1, reason: 'errors, "bad" ones\nsecond line' }, 2, { token: operator }); // event 4 (14:00)
  await mutate(h, 'load', { snapshot: snapshot(5), reason: '=HYPERLINK("http://evil")' }, '*'); // event 5
});
afterEach(async () => h.close());

const events = async (query: string) => EventPage.parse((await h.call('GET', `/api/v1/events${query}`)).json);

describe('GET /api/v1/events', () => {
  it('lists newest first and pages by id', async () => {
    const all = await events('');
    expect(all.items.map((e) => e.id)).toEqual([5, 4, 3, 2, 1]);
    expect(all.nextBefore).toBeNull();
    const p1 = await events('?limit=2');
    expect(p1.items.map((e) => e.id)).toEqual([5, 4]);
    expect(p1.nextBefore).toBe(4);
    const p2 = await events(`?limit=2&before=${p1.nextBefore}`);
    expect(p2.items.map((e) => e.id)).toEqual([3, 2]);
  });

  it('filters by namespace, actor, action (a comma list) and time', async () => {
    expect((await events(`?namespace=${NS}`)).items.map((e) => e.id)).toEqual([5, 4, 2, 1]);
    expect((await events('?actor=olga')).items.map((e) => e.action)).toEqual(['snapshot.rollback']);
    expect((await events('?action=snapshot.load,snapshot.rollback')).items.map((e) => e.id)).toEqual([5, 4, 2]);
    expect((await events('?from=2026-03-01T13:00:00Z&to=2026-03-01T13:30:00Z')).items.map((e) => e.id)).toEqual([2]);
    expect((await events('?from=2026-03-01T15:00:00%2B02:00')).items.map((e) => e.id)).toEqual([5, 4, 3, 2]);
  });

  it('400s bad filters with the parameter as path', async () => {
    const r = await h.call('GET', '/api/v1/events?from=yesterday');
    expect([r.status, r.json.error?.path]).toEqual([400, '/from']);
    expect((await h.call('GET', '/api/v1/events?limit=5000')).json.error?.path).toBe('/limit');
  });

  it('exports CSV with a header row, RFC 4180 quoting and a formula-injection guard', async () => {
    const r = await h.call('GET', '/api/v1/events?format=csv');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(r.headers['content-disposition'])).toContain('attachment');
    const lines = r.body.split('\r\n');
    expect(lines[0]).toBe('id,at,namespace,actor,action,reason,fromVersion,toVersion,details');
    expect(lines[1]).toMatch(/^5,2026-03-01T14:00:00.000Z,checkout,bootstrap-admin,snapshot.load,"'=HYPERLINK\(""http:\/\/evil""\)",1,3,"\{/);
    expect(r.body).toContain('"errors, ""bad"" ones\nsecond line"');
    expect(r.body.split('\r\n').filter(Boolean)).toHaveLength(6);
    const limited = await h.call('GET', '/api/v1/events?format=csv&limit=1&namespace=checkout');
    expect(limited.body.split('\r\n').filter(Boolean)).toHaveLength(2);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=a,b', `"'=a,b"`],
    [' padded', '" padded"'],
    [null, ''],
    [12, '12'],
    [{ a: 'x,y' }, '"{""a"":""x,y""}"'],
  ])('%j -> %s', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });
});
