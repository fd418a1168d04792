import { describe, expect, it } from 'vitest';
import { decodePatch, decodeSnapshot, decodeUndeclaredSnapshot, featuresFromSnapshot, validateDeclaredFeatures } from './decode';
import type { DeclaredFeature, NamespaceSchema, Result } from './model';

const K = (name: string) => `feature::app::${name}`;
const schema: NamespaceSchema = {
  namespace: 'app',
  features: [
    { key: K('flag'), type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: false } },
    { key: K('text'), type: 'STRING', defaultValue: { type: 'STRING', value: 'a' } },
    { key: K('count'), type: 'INT', defaultValue: { type: 'INT', value: 1 } },
    { key: K('ratio'), type: 'DOUBLE', defaultValue: { type: 'DOUBLE', value: 0.5 } },
    { key: K('theme'), type: 'ENUM', enumValues: ['LIGHT', 'DARK'], defaultValue: { type: 'ENUM', value: 'LIGHT', enumClassName: 'T' } },
    { key: K('policy'), type: 'DATA_CLASS', defaultValue: { type: 'DATA_CLASS', dataClassName: 'P', value: {} } },
    { key: K('port'), type: 'KONSTRAINED_PRIMITIVE', defaultValue: { type: 'KONSTRAINED_PRIMITIVE', konstrainedClassName: 'Port', value: 80 } },
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

describe('decodeSnapshot: shape', () => {
  it('fills Konditional defaults in a fixed key order', () => {
    const r = decodeSnapshot({ flags: [{ isActive: true, rules: [{ value: { value: true, type: 'BOOLEAN' } }], key: K('flag'), defaultValue: { value: false, type: 'BOOLEAN' } }] }, schema);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.stringify(r.value)).toBe(
      JSON.stringify({
        flags: [
          {
            key: K('flag'),
            defaultValue: { type: 'BOOLEAN', value: false },
            salt: 'v1',
            isActive: true,
            rampUpAllowlist: [],
            rules: [
              {
                value: { type: 'BOOLEAN', value: true },
                type: 'STATIC',
                rampUp: 100,
                rampUpAllowlist: [],
                locales: [],
                platforms: [],
                versionRange: { type: 'UNBOUNDED' },
                axes: {},
              },
            ],
          },
        ],
      }),
    );
  });

  it('decodes every value type', () => {
    const values = [
      [K('text'), { type: 'STRING', value: 'b' }],
      [K('count'), { type: 'INT', value: -3 }],
      [K('ratio'), { type: 'DOUBLE', value: 2 }],
      [K('theme'), { enumClassName: 'T', value: 'DARK', type: 'ENUM' }],
      [K('policy'), { value: { a: [1, { b: null }] }, dataClassName: 'P', type: 'DATA_CLASS' }],
      [K('port'), { value: 'x', type: 'KONSTRAINED_PRIMITIVE', konstrainedClassName: 'Port' }],
    ] as const;
    const r = decodeSnapshot({ flags: values.map(([key, defaultValue]) => ({ key, defaultValue })) }, schema);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.flags.map((f) => JSON.stringify(f.defaultValue))).toEqual([
      '{"type":"STRING","value":"b"}',
      '{"type":"INT","value":-3}',
      '{"type":"DOUBLE","value":2}',
      '{"type":"ENUM","value":"DARK","enumClassName":"T"}',
      '{"type":"DATA_CLASS","dataClassName":"P","value":{"a":[1,{"b":null}]}}',
      '{"type":"KONSTRAINED_PRIMITIVE","konstrainedClassName":"Port","value":"x"}',
    ]);
  });

  it('keeps meta fields in order, drops null and empty meta, ignores unknown fields', () => {
    const r = decodeSnapshot({ extra: 1, meta: { source: 's', version: 'v', other: true, generatedAtEpochMillis: 5 }, flags: [] }, schema);
    expect(r.ok && JSON.stringify(r.value)).toBe('{"meta":{"version":"v","generatedAtEpochMillis":5,"source":"s"},"flags":[]}');
    expect(decodeSnapshot({ meta: null, flags: [] }, schema)).toEqual({ ok: true, value: { flags: [] } });
    expect(decodeSnapshot({ meta: { version: null }, flags: [] }, schema)).toEqual({ ok: true, value: { flags: [] } });
  });

  it('keeps ruleId and note only when present, and drops predicateRefs', () => {
    const r = decodeSnapshot(snap(flag({ rules: [rule({ ruleId: 'r', note: null, predicateRefs: [{ x: 1 }] })] })), schema);
    expect(r.ok && r.value.flags[0]?.rules[0]).toEqual(expect.objectContaining({ ruleId: 'r' }));
    expect(r.ok && Object.keys(r.value.flags[0]?.rules[0] ?? {})).not.toContain('note');
    expect(r.ok && Object.keys(r.value.flags[0]?.rules[0] ?? {})).not.toContain('predicateRefs');
  });

  it.each([
    ['top level not an object', [], ''],
    ['flags missing', {}, '/flags'],
    ['flags null', { flags: null }, '/flags'],
    ['flags not an array', { flags: {} }, '/flags'],
    ['flag not an object', snap(1), '/flags/0'],
    ['key missing', snap({ defaultValue: { type: 'BOOLEAN', value: true } }), '/flags/0/key'],
    ['defaultValue missing', snap({ key: K('flag') }), '/flags/0/defaultValue'],
    ['unknown value type', snap(flag({ defaultValue: { type: 'LONG', value: 1 } })), '/flags/0/defaultValue/type'],
    ['missing value', snap(flag({ defaultValue: { type: 'BOOLEAN' } })), '/flags/0/defaultValue/value'],
    ['wrong JS type of value', snap(flag({ defaultValue: { type: 'BOOLEAN', value: 'yes' } })), '/flags/0/defaultValue/value'],
    ['INT not an integer', snap({ key: K('count'), defaultValue: { type: 'INT', value: 1.5 } }), '/flags/0/defaultValue/value'],
    ['INT beyond 32 bits', snap({ key: K('count'), defaultValue: { type: 'INT', value: 2 ** 31 } }), '/flags/0/defaultValue/value'],
    ['DOUBLE infinite', snap({ key: K('ratio'), defaultValue: { type: 'DOUBLE', value: Infinity } }), '/flags/0/defaultValue/value'],
    ['ENUM without class', snap({ key: K('theme'), defaultValue: { type: 'ENUM', value: 'DARK' } }), '/flags/0/defaultValue/enumClassName'],
    ['DATA_CLASS array value', snap({ key: K('policy'), defaultValue: { type: 'DATA_CLASS', dataClassName: 'P', value: [] } }), '/flags/0/defaultValue/value'],
    ['KONSTRAINED object value', snap({ key: K('port'), defaultValue: { type: 'KONSTRAINED_PRIMITIVE', konstrainedClassName: 'P', value: {} } }), '/flags/0/defaultValue/value'],
    ['salt not a string', snap(flag({ salt: 1 })), '/flags/0/salt'],
    ['isActive null', snap(flag({ isActive: null })), '/flags/0/isActive'],
    ['rules not an array', snap(flag({ rules: {} })), '/flags/0/rules'],
    ['rule without value', snap(flag({ rules: [{ rampUp: 5 }] })), '/flags/0/rules/0/value'],
    ['rule type unknown', snap(flag({ rules: [rule({ type: 'DYNAMIC' })] })), '/flags/0/rules/0/type'],
    ['rampUp a string', snap(flag({ rules: [rule({ rampUp: '5' })] })), '/flags/0/rules/0/rampUp'],
    ['locales not strings', snap(flag({ rules: [rule({ locales: ['FR', 3] })] })), '/flags/0/rules/0/locales/1'],
    ['unknown versionRange type', snap(flag({ rules: [rule({ versionRange: { type: 'SOME' } })] })), '/flags/0/rules/0/versionRange/type'],
    ['bound missing', snap(flag({ rules: [rule({ versionRange: { type: 'MIN_BOUND' } })] })), '/flags/0/rules/0/versionRange/min'],
    ['bound part fractional', snap(flag({ rules: [rule({ versionRange: { type: 'MAX_BOUND', max: { major: 1, minor: 0.5, patch: 0 } } })] })), '/flags/0/rules/0/versionRange/max/minor'],
    ['axis values not an array', snap(flag({ rules: [rule({ axes: { env: 'prod' } })] })), '/flags/0/rules/0/axes/env'],
    ['meta version a number', { meta: { version: 1 }, flags: [] }, '/meta/version'],
    ['meta millis a string', { meta: { generatedAtEpochMillis: '5' }, flags: [] }, '/meta/generatedAtEpochMillis'],
  ])('InvalidJson: %s', (_name, doc, path) => {
    expect(errorOf(doc)).toMatchObject({ kind: 'InvalidJson', path });
  });

  it.each([
    ['rampUp above 100', snap(flag({ rules: [rule({ rampUp: 101 })] })), '/flags/0/rules/0/rampUp'],
    ['rampUp below 0', snap(flag({ rules: [rule({ rampUp: -1 })] })), '/flags/0/rules/0/rampUp'],
    ['allowlist not hex', snap(flag({ rampUpAllowlist: ['ABC'] })), '/flags/0/rampUpAllowlist/0'],
    ['rule allowlist not hex', snap(flag({ rules: [rule({ rampUpAllowlist: ['00', 'user-1'] })] })), '/flags/0/rules/0/rampUpAllowlist/1'],
    ['negative version', snap(flag({ rules: [rule({ versionRange: { type: 'MIN_BOUND', min: { major: -1, minor: 0, patch: 0 } } })] })), '/flags/0/rules/0/versionRange/min/major'],
    ['min above max', snap(flag({ rules: [rule({ versionRange: { type: 'MIN_AND_MAX_BOUND', min: { major: 2, minor: 0, patch: 0 }, max: { major: 1, minor: 0, patch: 0 } } })] })), '/flags/0/rules/0/versionRange/max'],
    ['duplicate key', snap(flag(), flag()), '/flags/1/key'],
    ['declared type mismatch', snap({ key: K('text'), defaultValue: { type: 'BOOLEAN', value: true } }), '/flags/0/defaultValue/type'],
    ['rule type mismatch', snap(flag({ rules: [rule(), { value: { type: 'STRING', value: 'x' } }] })), '/flags/0/rules/1/value/type'],
    ['enum constant not declared', snap({ key: K('theme'), defaultValue: { type: 'ENUM', value: 'BLUE', enumClassName: 'T' } }), '/flags/0/defaultValue/value'],
    ['too deep a DATA_CLASS', snap({ key: K('policy'), defaultValue: { type: 'DATA_CLASS', dataClassName: 'P', value: nest(100) } }), expect.stringMatching(/^\/flags\/0\/defaultValue\/value(\/x){60,}$/)],
  ])('InvalidSnapshot: %s', (_name, doc, path) => {
    expect(errorOf(doc)).toMatchObject({ kind: 'InvalidSnapshot', path });
  });

  it('rejects an undeclared key with FeatureNotFound', () => {
    expect(errorOf(snap({ key: K('nope'), defaultValue: { type: 'BOOLEAN', value: true } }))).toMatchObject({
      kind: 'FeatureNotFound',
      path: '/flags/0/key',
    });
  });

  it('reports the first error in document order', () => {
    const doc = snap(flag({ salt: 3 }), { key: K('nope') });
    expect(errorOf(doc)).toMatchObject({ path: '/flags/0/salt' });
    expect(errorOf({ meta: { version: 1 }, flags: null })).toMatchObject({ path: '/meta/version' });
  });

  it('accepts a snapshot that omits declared features', () => {
    expect(decodeSnapshot({ flags: [] }, schema)).toEqual({ ok: true, value: { flags: [] } });
  });

  it('caps the number of flags', () => {
    const flags = Array.from({ length: 10_001 }, (_, i) => ({ key: K(`f${i}`), defaultValue: { type: 'BOOLEAN', value: true } }));
    expect(failure(decodeUndeclaredSnapshot({ flags }, 'app'))).toMatchObject({ kind: 'InvalidSnapshot', path: '/flags' });
  });

  it('decodes from text and reports syntax errors without a path', () => {
    expect(decodeSnapshot('{"flags": []}', schema)).toEqual({ ok: true, value: { flags: [] } });
    const e = errorOf('{"flags": [}');
    expect(e.kind).toBe('InvalidJson');
    expect(e.message).toMatch(/line 1, column 12/);
    expect(e.path).toBeUndefined();
  });
});

describe('decodeUndeclaredSnapshot and featuresFromSnapshot', () => {
  it('requires feature::<namespace>::<name> keys of this namespace', () => {
    for (const key of ['feature::other::x', 'feature::app::', 'feature::app::a::b', 'app::x', 'feature::app:: ']) {
      expect(failure(decodeUndeclaredSnapshot(snap({ key, defaultValue: { type: 'BOOLEAN', value: true } }), 'app'))).toMatchObject({
        kind: 'InvalidSnapshot',
        path: '/flags/0/key',
      });
    }
  });

  it('requires rule values of the flag default type, and unique keys', () => {
    expect(failure(decodeUndeclaredSnapshot(snap(flag({ rules: [{ value: { type: 'INT', value: 1 } }] })), 'app'))).toMatchObject({
      kind: 'InvalidSnapshot',
      path: '/flags/0/rules/0/value/type',
    });
    expect(failure(decodeUndeclaredSnapshot(snap(flag(), flag()), 'app'))).toMatchObject({ kind: 'InvalidSnapshot', path: '/flags/1/key' });
  });

  it('derives declarations from the flags', () => {
    const r = decodeUndeclaredSnapshot(snap(flag(), { key: K('theme'), defaultValue: { type: 'ENUM', value: 'X', enumClassName: 'T' } }), 'app');
    if (!r.ok) throw new Error(r.error.message);
    const features = featuresFromSnapshot(r.value);
    expect(features).toEqual([
      { key: K('flag'), type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: true } },
      { key: K('theme'), type: 'ENUM', defaultValue: { type: 'ENUM', value: 'X', enumClassName: 'T' } },
    ]);
    expect(features[1]).not.toHaveProperty('enumValues');
    expect(decodeSnapshot(r.value, { namespace: 'app', features }).ok).toBe(true);
  });
});

describe('decodePatch', () => {
  it('decodes flags, removeKeys (default []) and meta', () => {
    expect(decodePatch({ flags: [flag()] }, schema)).toMatchObject({ ok: true, value: { removeKeys: [] } });
    const r = decodePatch({ removeKeys: [K('text')], flags: [], meta: { version: '2' } }, schema);
    expect(r.ok && JSON.stringify(r.value)).toBe(`{"meta":{"version":"2"},"flags":[],"removeKeys":["${K('text')}"]}`);
  });

  it('rejects removing an undeclared key, and bad shapes', () => {
    expect(failure(decodePatch({ flags: [], removeKeys: [K('x')] }, schema))).toMatchObject({ kind: 'FeatureNotFound', path: '/removeKeys/0' });
    expect(failure(decodePatch({ flags: [], removeKeys: null }, schema))).toMatchObject({ kind: 'InvalidJson', path: '/removeKeys' });
    expect(failure(decodePatch({ flags: [], removeKeys: [1] }, schema))).toMatchObject({ kind: 'InvalidJson', path: '/removeKeys/0' });
    expect(failure(decodePatch({ removeKeys: [] }, schema))).toMatchObject({ kind: 'InvalidJson', path: '/flags' });
    expect(failure(decodePatch({ flags: [{ key: K('x'), defaultValue: { type: 'BOOLEAN', value: true } }] }, schema))).toMatchObject({
      kind: 'FeatureNotFound',
      path: '/flags/0/key',
    });
  });
});

describe('validateDeclaredFeatures', () => {
  const ok: DeclaredFeature[] = schema.features;

  it('accepts valid declarations in a fixed key order', () => {
    const r = validateDeclaredFeatures('app', [{ description: 'd', defaultValue: { value: true, type: 'BOOLEAN' }, type: 'BOOLEAN', key: K('x') }]);
    expect(r.ok && JSON.stringify(r.value)).toBe(`[{"key":"${K('x')}","type":"BOOLEAN","defaultValue":{"type":"BOOLEAN","value":true},"description":"d"}]`);
    expect(validateDeclaredFeatures('app', ok)).toEqual({ ok: true, value: ok });
    const empty = validateDeclaredFeatures('app', [{ key: K('x'), type: 'BOOLEAN', enumValues: [], defaultValue: { type: 'BOOLEAN', value: true } }]);
    expect(empty.ok && empty.value[0]).not.toHaveProperty('enumValues');
  });

  it.each([
    ['not an array', {}, '/features'],
    ['key of another namespace', [{ key: 'feature::x::a', type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: true } }], '/features/0/key'],
    ['duplicate key', [ok[0], ok[0]], '/features/1/key'],
    ['unknown type', [{ key: K('a'), type: 'LONG', defaultValue: { type: 'BOOLEAN', value: true } }], '/features/0/type'],
    ['default of another type', [ok[0], ok[1], ok[2], { ...ok[3], defaultValue: { type: 'INT', value: 1 } }], '/features/3/defaultValue/type'],
    ['enum default not listed', [{ ...ok[4], enumValues: ['DARK'] }], '/features/0/defaultValue/value'],
    ['enumValues on a BOOLEAN', [{ ...ok[0], enumValues: ['A'] }], '/features/0/enumValues'],
    ['duplicate enum constant', [{ ...ok[4], enumValues: ['LIGHT', 'LIGHT'] }], '/features/0/enumValues/1'],
    ['malformed default', [{ ...ok[0], defaultValue: { type: 'BOOLEAN' } }], '/features/0/defaultValue/value'],
    ['missing default', [{ key: K('a'), type: 'BOOLEAN' }], '/features/0/defaultValue'],
  ])('rejects %s as InvalidSnapshot', (_name, features, path) => {
    expect(failure(validateDeclaredFeatures('app', features))).toMatchObject({ kind: 'InvalidSnapshot', path });
  });
});
