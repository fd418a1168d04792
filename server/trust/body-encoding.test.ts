/** S5 defects found by the corpus: ill-formed Unicode used to be accepted and stored as U+FFFD. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_SECRET, createNamespace, harness, loadSeries, NS, type Harness } from '../test/harness';
import { dumpAllTables } from './db-dump';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createNamespace(h);
  await loadSeries(h, 10);
});
afterEach(async () => h.close());

const rollback = (payload: string | Buffer) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/namespaces/${NS}/rollback`,
    headers: { authorization: `Bearer ${ADMIN_SECRET}`, 'content-type': 'application/json', 'if-match': '*' },
    payload,
  });

describe('request bodies must be well-formed Unicode', () => {
  it('refuses bytes that are not UTF-8 (overlong, 0xFF, encoded surrogates) with 400, changing nothing', async () => {
    const before = dumpAllTables(h);
    for (const bad of [[0xc0, 0xaf], [0xff], [0xed, 0xa0, 0x80]]) {
      const r = await rollback(Buffer.concat([Buffer.from('{"reason": "a'), Buffer.from(bad), Buffer.from('b"}')]));
      expect([r.statusCode, r.json().error.code, r.json().error.message]).toEqual([400, 'InvalidJson', expect.stringContaining('UTF-8')]);
    }
    expect(dumpAllTables(h)).toEqual(before);
  });

  it('refuses lone surrogates in values and keys with 400 and the path', async () => {
    const before = dumpAllTables(h);
    const value = await rollback('{"steps": 1, "reason": "a\\ud800b"}');
    expect([value.statusCode, value.json().error.path]).toEqual([400, '/reason']);
    const key = await rollback('{"steps": 1, "reason": "x", "\\udc00": 1}');
    expect([key.statusCode, key.json().error.path]).toEqual([400, '/\udc00']);
    expect(dumpAllTables(h)).toEqual(before);
  });

  it('still accepts well-formed text outside the BMP', async () => {
    const r = await rollback('{"steps": 1, "reason": "rolled back \\ud83d\\udca5 \u00e9"}');
    expect(r.statusCode).toBe(200);
    expect(r.json().event.reason).toBe('rolled back \u{1f4a5} \u00e9');
  });
});
