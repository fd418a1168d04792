import { describe, expect, it } from 'vitest';
import { defaultPopulation, shadowCheck } from './evaluate';
import type { DeclaredFeature, Flag, NamespaceSchema, Rule, Snapshot } from './model';

const K = (n: string | number) => `feature::app::f${n}`;
const rule = (rampUp: number, extra: Partial<Rule> = {}): Rule => ({
  value: { type: 'BOOLEAN', value: true },
  type: 'STATIC',
  rampUp,
  rampUpAllowlist: [],
  locales: [],
  platforms: [],
  versionRange: { type: 'UNBOUNDED' },
  axes: {},
  ...extra,
});
const flag = (n: string | number, rules: Rule[], extra: Partial<Flag> = {}): Flag => ({
  key: K(n),
  defaultValue: { type: 'BOOLEAN', value: false },
  salt: 'v1',
  isActive: true,
  rampUpAllowlist: [],
  rules,
  ...extra,
});
const declare = (keys: string[]): NamespaceSchema => ({
  namespace: 'app',
  features: keys.map((key): DeclaredFeature => ({ key, type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: false } })),
});
const byKey = (r: ReturnType<typeof shadowCheck>, key: string) => r.flags.find((f) => f.key === key);

describe('defaultPopulation', () => {
  const snapshot: Snapshot = {
    flags: [
      flag(1, [
        rule(50, {
          locales: ['FRANCE'],
          platforms: ['IOS', 'WEB'],
          axes: { env: ['prod'] },
          rampUpAllowlist: ['aa'],
          versionRange: { type: 'MIN_AND_MAX_BOUND', min: { major: 1, minor: 0, patch: 0 }, max: { major: 3, minor: 0, patch: 0 } },
        }),
      ], { rampUpAllowlist: ['bb'] }),
    ],
  };

  it('is deterministic, sized and seeded', () => {
    const a = defaultPopulation([snapshot]);
    expect(a).toHaveLength(2000);
    expect(defaultPopulation([snapshot])).toEqual(a);
    expect(defaultPopulation([snapshot], 2000, 2)).not.toEqual(a);
    expect(defaultPopulation([snapshot], 10)).toHaveLength(10);
    expect(defaultPopulation([snapshot], 0)).toEqual([]);
    expect(new Set(a.map((c) => c.stableId)).size).toBe(2000);
    expect(a.every((c) => /^[0-9a-f]+$/.test(c.stableId))).toBe(true);
  });

  it('draws attributes from the rules plus "none", versions around the bounds, allowlisted ids', () => {
    const a = defaultPopulation([snapshot]);
    expect(a.slice(0, 2).map((c) => c.stableId)).toEqual(['aa', 'bb']);
    expect(new Set(a.map((c) => c.locale))).toEqual(new Set(['FRANCE', undefined]));
    expect(new Set(a.map((c) => c.platform))).toEqual(new Set(['IOS', 'WEB', undefined]));
    expect(new Set(a.map((c) => c.axes?.env))).toEqual(new Set(['prod', undefined]));
    const versions = new Set(a.map((c) => (c.appVersion ? `${c.appVersion.major}.${c.appVersion.minor}.${c.appVersion.patch}` : 'none')));
    expect(versions).toEqual(new Set(['none', '0.999.999', '1.0.0', '1.0.1', '1.1.0', '2.0.0', '2.999.999', '3.0.0', '3.0.1']));
  });
});

describe('shadowCheck', () => {
  const current: Snapshot = { flags: Array.from({ length: 5 }, (_, i) => flag(i, [rule(30, { platforms: ['IOS'] }), rule(100)])) };
  const schema = declare([...current.flags.map((f) => f.key), K('declared-only')]);

  it('finds no change between equivalent snapshots', () => {
    const reordered: Snapshot = JSON.parse(JSON.stringify({ meta: { version: 'x' }, flags: [...current.flags].reverse() })) as Snapshot;
    const r = shadowCheck(current, reordered, schema);
    expect(r.populationSize).toBe(2000);
    expect(r.anyChangedShare).toBe(0);
    expect(r.flags).toHaveLength(6);
    expect(r.flags.every((f) => f.changedCount === 0 && f.changedShare === 0)).toBe(true);
    expect(r.flags.map((f) => f.key)).toEqual([...schema.features.map((f) => f.key)].sort());
  });

  it('measures about half the population for a ramp from 0 to 50', () => {
    const before: Snapshot = { flags: [flag('r', [rule(0)])] };
    const after: Snapshot = { flags: [flag('r', [rule(50)])] };
    const r = shadowCheck(before, after, declare([K('r')]));
    const share = byKey(r, K('r'))?.changedShare ?? 0;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
    expect(r.anyChangedShare).toBe(share);
  });

  it('counts a value change only where the rule applies, and sorts by share then key', () => {
    const candidate: Snapshot = {
      flags: current.flags.map((f, i) =>
        i === 3 ? { ...f, rules: [rule(30, { platforms: ['IOS'], value: { type: 'BOOLEAN', value: false } }), rule(100)] } : i === 1 ? { ...f, isActive: false } : f,
      ),
    };
    const population = defaultPopulation([current, candidate]);
    const r = shadowCheck(current, candidate, schema, population);
    const ios = population.filter((c) => c.platform === 'IOS').length;
    expect(byKey(r, K(1))?.changedCount).toBe(population.length);
    const three = byKey(r, K(3))?.changedCount ?? 0;
    expect(three).toBeGreaterThan(0);
    expect(three).toBeLessThan(ios);
    expect(r.flags.slice(0, 2).map((f) => f.key)).toEqual([K(1), K(3)]);
    expect(r.flags.slice(2).map((f) => f.key)).toEqual([K(0), K(2), K(4), K('declared-only')]);
    expect(r.anyChangedShare).toBe(1);
  });

  it('compares added and removed flags with the declared default', () => {
    const r = shadowCheck({ flags: [] }, { flags: [flag('n', [rule(100)])] }, declare([K('n')]));
    expect(byKey(r, K('n'))?.changedShare).toBe(1);
    const same = shadowCheck({ flags: [] }, { flags: [flag('n', [rule(100)], { isActive: false })] }, declare([K('n')]));
    expect(byKey(same, K('n'))?.changedShare).toBe(0);
  });

  it('notices a salt change (same ramp, different buckets)', () => {
    const r = shadowCheck({ flags: [flag('s', [rule(50)])] }, { flags: [flag('s', [rule(50)], { salt: 'v2' })] }, declare([K('s')]));
    const share = byKey(r, K('s'))?.changedShare ?? 0;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });

  it('handles an empty population', () => {
    expect(shadowCheck(current, { flags: [] }, schema, [])).toMatchObject({ populationSize: 0, anyChangedShare: 0 });
  });

  it('compares 100 flags × 2000 contexts, every changed flag counted', () => {
    const rules = (ramp: number) => [
      rule(ramp, { platforms: ['IOS'], versionRange: { type: 'MIN_BOUND', min: { major: 2, minor: 0, patch: 0 } } }),
      rule(ramp / 2, { locales: ['FRANCE'] }),
      rule(100, { axes: { env: ['prod'] } }),
    ];
    const big: Snapshot = { flags: Array.from({ length: 100 }, (_, i) => flag(i, rules(10 + (i % 50)))) };
    const bigger: Snapshot = { flags: Array.from({ length: 100 }, (_, i) => flag(i, rules(20 + (i % 50)))) };
    const bigSchema = declare(big.flags.map((f) => f.key));
    const population = defaultPopulation([big, bigger]);
    const r = shadowCheck(big, bigger, bigSchema, population);
    expect(r.flags.every((f) => f.changedCount > 0)).toBe(true);
  });
});
