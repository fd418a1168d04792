import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, serializeSnapshot, sha256Hex, snapshotHash } from './canonical';
import { decodeSnapshot, decodeUndeclaredSnapshot, featuresFromSnapshot } from './decode';
import type { NamespaceSchema, Snapshot } from './model';

const fixture = readFileSync(
  new URL('../../shared/fixtures/konditional/persistence-format.md--snapshot-booleans-strings-version-ranges.json', import.meta.url),
  'utf8',
);

function decodeWith(schema: NamespaceSchema, input: unknown): Snapshot {
  const r = decodeSnapshot(input, schema);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The same document with every object's keys reversed. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]));
}

/** The same document without the fields whose value is Konditional's default. */
function omitDefaults(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(omitDefaults);
  if (typeof v !== 'object' || v === null) return v;
  const isDefault = (k: string, x: unknown) =>
    (k === 'salt' && x === 'v1') ||
    (k === 'isActive' && x === true) ||
    (k === 'rampUp' && x === 100) ||
    (['rampUpAllowlist', 'rules', 'locales', 'platforms'].includes(k) && Array.isArray(x) && x.length === 0) ||
    (k === 'axes' && JSON.stringify(x) === '{}') ||
    (k === 'versionRange' && JSON.stringify(x) === '{"type":"UNBOUNDED"}');
  return Object.fromEntries(Object.entries(v).filter(([k, x]) => !isDefault(k, x)).map(([k, x]) => [k, omitDefaults(x)]));
}

describe('canonicalJson', () => {
  it('sorts keys by code unit, drops whitespace and undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: undefined }], A: 1.5e-7, é: 'é', '10': 0, '9': 0 })).toBe(
      '{"10":0,"9":0,"A":1.5e-7,"a":[true,null,{"d":"x"}],"b":1,"é":"é"}',
    );
    expect(canonicalJson([undefined, () => 1])).toBe('[null,null]');
    expect(canonicalJson('a"\u2028')).toBe(JSON.stringify('a"\u2028'));
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('is the same for equal content in any key order', () => {
    const doc = JSON.parse(fixture) as unknown;
    expect(canonicalJson(reverseKeys(doc))).toBe(canonicalJson(doc));
  });

  it('rejects cycles instead of overflowing', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(TypeError);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe('sha256Hex', () => {
  it('matches node:crypto, including non-ASCII text', () => {
    for (const text of ['', 'abc', 'snapshot ✓ é 😀']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('snapshotHash and serializeSnapshot', () => {
  const adopted = decodeUndeclaredSnapshot(fixture, 'global');
  if (!adopted.ok) throw new Error(adopted.error.message);
  const schema: NamespaceSchema = { namespace: 'global', features: featuresFromSnapshot(adopted.value) };
  const original = decodeWith(schema, fixture);

  it('hashes equal whatever the formatting, key order or omitted defaults of the input', () => {
    const raw = JSON.parse(fixture) as unknown;
    const reformatted = JSON.stringify(raw, null, 7);
    const trimmed = omitDefaults(raw);
    expect(JSON.stringify(trimmed).length).toBeLessThan(JSON.stringify(raw).length);
    const hash = snapshotHash(original);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotHash(decodeWith(schema, reformatted))).toBe(hash);
    expect(snapshotHash(decodeWith(schema, reverseKeys(raw)))).toBe(hash);
    expect(snapshotHash(decodeWith(schema, trimmed))).toBe(hash);
    expect(snapshotHash(decodeWith(schema, JSON.stringify(reverseKeys(trimmed))))).toBe(hash);
  });

  it('hashes differently when content differs', () => {
    const changed = fixture.replace('"rampUp": 50.0', '"rampUp": 50.5');
    expect(snapshotHash(decodeWith(schema, changed))).not.toBe(snapshotHash(original));
  });

  it('serialises in the fixed key order, identically for equivalent inputs', () => {
    const fromReversed = decodeWith(schema, reverseKeys(JSON.parse(fixture)));
    expect(serializeSnapshot(fromReversed)).toBe(serializeSnapshot(original));
    expect(serializeSnapshot(original).startsWith('{"flags":[{"key":"feature::global::darkMode","defaultValue":{"type":"BOOLEAN"')).toBe(true);
    expect(decodeWith(schema, serializeSnapshot(original))).toEqual(original);
  });
});
