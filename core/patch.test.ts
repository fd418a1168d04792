import { describe, expect, it } from 'vitest';
import { decodeSnapshot } from './decode';
import type { Flag, NamespaceSchema, Patch, Snapshot } from './model';
import { applyPatch } from './patch';

const K = (n: string) => `feature::app::${n}`;
const schema: NamespaceSchema = {
  namespace: 'app',
  features: ['a', 'b', 'c', 'd'].map((n) => ({ key: K(n), type: 'INT' as const, defaultValue: { type: 'INT' as const, value: 0 } })),
};
const flag = (n: string, value: number): Flag => ({
  key: K(n),
  defaultValue: { type: 'INT', value },
  salt: 'v1',
  isActive: true,
  rampUpAllowlist: [],
  rules: [],
});
const current: Snapshot = { meta: { version: '1' }, flags: [flag('a', 1), flag('b', 2), flag('c', 3)] };
const values = (s: Snapshot) => s.flags.map((f) => `${f.key.slice(14)}=${String(f.defaultValue.value)}`);

describe('applyPatch', () => {
  it('removes, replaces in place, appends new flags and keeps meta when the patch has none', () => {
    const patch: Patch = { flags: [flag('d', 40), flag('b', 20)], removeKeys: [K('a')] };
    const r = applyPatch(current, patch, schema);
    if (!r.ok) throw new Error(r.error.message);
    expect(values(r.value)).toEqual(['b=20', 'c=3', 'd=40']);
    expect(r.value.meta).toEqual({ version: '1' });
  });

  it('replaces meta when the patch has one, and upserts a key it also removes', () => {
    const r = applyPatch(current, { meta: { version: '2' }, flags: [flag('a', 10)], removeKeys: [K('a'), K('d')] }, schema);
    if (!r.ok) throw new Error(r.error.message);
    expect(values(r.value)).toEqual(['b=2', 'c=3', 'a=10']);
    expect(r.value.meta).toEqual({ version: '2' });
  });

  it('returns a decoded snapshot that leaves the input untouched', () => {
    const before = JSON.stringify(current);
    const r = applyPatch(current, { flags: [], removeKeys: [] }, schema);
    expect(r).toEqual(decodeSnapshot(current, schema));
    expect(JSON.stringify(current)).toBe(before);
  });

  it('re-validates the result against the schema', () => {
    const narrower: NamespaceSchema = { namespace: 'app', features: schema.features.slice(1) };
    expect(applyPatch(current, { flags: [], removeKeys: [] }, narrower)).toMatchObject({
      ok: false,
      error: { kind: 'FeatureNotFound', path: '/flags/0/key' },
    });
    const retyped: NamespaceSchema = {
      namespace: 'app',
      features: schema.features.map((f) => (f.key === K('c') ? { key: f.key, type: 'STRING', defaultValue: { type: 'STRING', value: '' } } : f)),
    };
    expect(applyPatch(current, { flags: [], removeKeys: [K('a')] }, retyped)).toMatchObject({
      ok: false,
      error: { kind: 'InvalidSnapshot', path: '/flags/1/defaultValue/type' },
    });
  });
});
