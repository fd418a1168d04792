import { describe, expect, it } from 'vitest';
import { decodePatch, decodeSnapshot, decodeUndeclaredSnapshot, validateDeclaredFeatures } from './decode';
import type { NamespaceSchema, Result } from './model';

const K = (name: string) => `feature::app::${name}`;
const schema: NamespaceSchema = {
  namespace: 'app',
  features: [
    { key: K('flag'), type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: false } },
    { key: K('policy'), type: 'DATA_CLASS', defaultValue: { type: 'DATA_CLASS', dataClassName: 'P', value: {} } },
  ],
};
const flag = (extra: Record<string, unknown> = {}) => ({ key: K('flag'), defaultValue: { type: 'BOOLEAN', value: true }, ...extra });
const rule = (extra: Record<string, unknown> = {}) => ({ value: { type: 'BOOLEAN', value: false }, ...extra });
const snap = (...flags: unknown[]) => ({ flags });

function failure<T>(r: Result<T>) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}
const errorOf = (doc: unknown) => failure(decodeSnapshot(doc, schema));

function nest(depth: number): Record<string, unknown> {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) v = { x: v };
  return v;
}

describe('decoding never throws', () => {
  const garbage: unknown[] = [
    0, -1, NaN, 'null', '', '[]', '"flags"', [], [[]], null, undefined, true, () => 1, Symbol('s'), 10n,
    { flags: [null, 1, 'x', [], {}] }, { flags: [{ key: {} }] }, { flags: [flag({ rules: [null] })] },
    { flags: [flag({ rules: [rule({ axes: [] })] })] }, { flags: [flag({ rules: [rule({ versionRange: null })] })] },
    { flags: [{ key: K('policy'), defaultValue: { type: 'DATA_CLASS', dataClassName: 'P', value: { f: () => 1 } } }] },
    JSON.parse('{"__proto__": {"flags": []}}'), nest(100_000), '['.repeat(100_000) + ']'.repeat(100_000),
    `{"flags":[${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}]}`,
    `{"flags":[{"key":"${K('policy')}","defaultValue":{"type":"DATA_CLASS","dataClassName":"P","value":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}]}`,
    { get flags(): unknown { throw new Error('boom'); } },
  ];
  const cyclic: Record<string, unknown> = { key: K('policy') };
  cyclic.defaultValue = { type: 'DATA_CLASS', dataClassName: 'P', value: cyclic };
  garbage.push({ flags: [cyclic] });

  it.each(garbage.map((g, i) => [i, g]))('garbage #%i yields an error Result', (_i, g) => {
    const decoders = [
      () => decodeSnapshot(g, schema),
      () => decodeUndeclaredSnapshot(g, 'app'),
      () => decodePatch(g, schema),
      // An empty array is a valid (empty) list of declarations.
      ...(Array.isArray(g) && g.length === 0 ? [] : [() => validateDeclaredFeatures('app', g)]),
    ];
    for (const decode of decoders) {
      let r: Result<unknown> | undefined;
      expect(() => (r = decode())).not.toThrow();
      expect(r?.ok).toBe(false);
    }
  });
});

describe('prototype pollution', () => {
  const text = `{"flags":[{"key":"${K('policy')}","defaultValue":{"type":"DATA_CLASS","dataClassName":"P",
    "value":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}},
    "rules":[{"value":{"type":"DATA_CLASS","dataClassName":"P","value":{}},
      "axes":{"__proto__":["x"],"constructor":["y"]}}]}]}`;

  it('keeps __proto__ and constructor as plain data', () => {
    const r = decodeSnapshot(text, schema);
    if (!r.ok) throw new Error(r.error.message);
    const [f] = r.value.flags;
    const value = f?.defaultValue.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value.polluted).toBeUndefined();
    const axes = f?.rules[0]?.axes ?? {};
    expect(Object.keys(axes)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(axes, '__proto__')?.value).toEqual(['x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(r.value))).toEqual(JSON.parse(JSON.stringify(r.value)));
    expect(JSON.stringify(f?.defaultValue)).toContain('"__proto__":{"polluted":true}');
  });

  it('treats a flag key named __proto__ as an undeclared key', () => {
    expect(errorOf(snap({ key: '__proto__', defaultValue: { type: 'BOOLEAN', value: true } }))).toMatchObject({ kind: 'FeatureNotFound' });
    expect(failure(decodeUndeclaredSnapshot(snap({ key: 'constructor', defaultValue: { type: 'BOOLEAN', value: true } }), 'app'))).toMatchObject({
      kind: 'InvalidSnapshot',
      path: '/flags/0/key',
    });
  });
});
