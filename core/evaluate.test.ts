import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluateFlag, isInRamp, rampBucket, ruleSpecificity } from './evaluate';
import type { DeclaredFeature, EvalContext, Flag, Rule } from './model';
import { bucketHasher } from './targeting';

const KEY = 'feature::app::darkMode';
const rule = (value: boolean | string, extra: Partial<Rule> = {}): Rule => ({
  value: typeof value === 'boolean' ? { type: 'BOOLEAN', value } : { type: 'STRING', value },
  type: 'STATIC',
  rampUp: 100,
  rampUpAllowlist: [],
  locales: [],
  platforms: [],
  versionRange: { type: 'UNBOUNDED' },
  axes: {},
  ...extra,
});
const flag = (rules: Rule[], extra: Partial<Flag> = {}): Flag => ({
  key: KEY,
  defaultValue: { type: 'STRING', value: 'flag-default' },
  salt: 'v1',
  isActive: true,
  rampUpAllowlist: [],
  rules,
  ...extra,
});
const declared: DeclaredFeature = { key: KEY, type: 'STRING', defaultValue: { type: 'STRING', value: 'declared-default' } };
const ctx = (extra: Partial<EvalContext> = {}): EvalContext => ({ stableId: '757365722d313233', ...extra });
const valueOf = (f: Flag | undefined, c: EvalContext, killSwitch?: boolean) => evaluateFlag(f, declared, c, { killSwitch }).value;
const v = (major: number, minor: number, patch: number) => ({ major, minor, patch });

/** Independent reference: node:crypto, not noble. */
function referenceBucket(salt: string, key: string, id: string): number {
  return createHash('sha256').update(`${salt}:${key}:${id}`, 'utf8').digest().readUInt32BE(0) % 10_000;
}

/** First `n` generated stable ids whose bucket for (salt, KEY) satisfies `test`. */
function idsWhere(test: (bucket: number) => boolean, n = 1): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const id = i.toString(16).padStart(8, '0');
    if (test(referenceBucket('v1', KEY, id))) out.push(id);
  }
  return out;
}

describe('rampBucket', () => {
  it('matches SHA-256 computed with node:crypto', () => {
    const cases: [string, string, string][] = [
      ['v1', KEY, '757365722d313233'],
      ['salt-v2', 'feature::global::themeFlag', '616c6c6f776c69737465642d75736572'],
      ['', '', ''],
      ['sålt', 'feature::ünïcode::x', 'ff'],
    ];
    for (const [salt, key, id] of cases) {
      const b = rampBucket(salt, key, id);
      expect(b).toBe(referenceBucket(salt, key, id));
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(10_000);
    }
  });

  it('has a known value', () => {
    // sha256("v1:feature::app::darkMode:757365722d313233"), first 4 bytes big-endian, mod 10000.
    const digest = createHash('sha256').update('v1:feature::app::darkMode:757365722d313233').digest('hex');
    expect(rampBucket('v1', KEY, '757365722d313233')).toBe(parseInt(digest.slice(0, 8), 16) % 10_000);
  });

  it('agrees with the prefix-caching hasher used by shadow checks', () => {
    const hash = bucketHasher('a-rather-long-salt-to-cross-a-block-boundary', KEY);
    for (let i = 0; i < 300; i++) {
      const id = (i * 7919).toString(16);
      expect(hash(new TextEncoder().encode(id))).toBe(rampBucket('a-rather-long-salt-to-cross-a-block-boundary', KEY, id));
    }
  });
});

describe('isInRamp', () => {
  it('compares the bucket with round(rampUp × 100)', () => {
    expect(isInRamp(100, 9999)).toBe(true);
    expect(isInRamp(0, 0)).toBe(false);
    expect(isInRamp(50, 4999)).toBe(true);
    expect(isInRamp(50, 5000)).toBe(false);
    expect(isInRamp(12.34, 1233)).toBe(true);
    expect(isInRamp(12.34, 1234)).toBe(false);
    // 0.29 × 100 is 28.999999999999996 in floating point; the threshold is still 29 buckets.
    expect(isInRamp(0.29, 28)).toBe(true);
    expect(isInRamp(0.29, 29)).toBe(false);
    expect(isInRamp(4.35, 434)).toBe(true);
    expect(isInRamp(4.35, 435)).toBe(false);
    expect(isInRamp(0.01, 0)).toBe(true);
    expect(isInRamp(0.01, 1)).toBe(false);
    expect(isInRamp(Number.NaN, 0)).toBe(false);
  });
});

describe('ruleSpecificity', () => {
  it('counts locales, platforms, a bounded range and each axis', () => {
    expect(ruleSpecificity(rule(true))).toBe(0);
    expect(ruleSpecificity(rule(true, { locales: ['FRANCE'], platforms: ['IOS'] }))).toBe(2);
    expect(ruleSpecificity(rule(true, { versionRange: { type: 'MAX_BOUND', max: v(1, 0, 0) }, axes: { env: ['prod'], tenant: [] } }))).toBe(3);
  });
});

describe('evaluateFlag', () => {
  it('returns the declared default under the kill switch, when absent or inactive', () => {
    const f = flag([rule('on')]);
    expect(valueOf(f, ctx())).toBe('on');
    expect(valueOf(f, ctx(), true)).toBe('declared-default');
    expect(valueOf(undefined, ctx())).toBe('declared-default');
    expect(valueOf({ ...f, isActive: false }, ctx())).toBe('declared-default');
  });

  it("falls back to the flag's default when no rule matches", () => {
    expect(valueOf(flag([rule('ios', { platforms: ['IOS'] })]), ctx({ platform: 'ANDROID' }))).toBe('flag-default');
    expect(valueOf(flag([]), ctx())).toBe('flag-default');
  });

  it('lets a more specific rule beat an earlier general one; ties keep array order', () => {
    const f = flag([rule('general'), rule('fr', { locales: ['FRANCE'] }), rule('fr-ios', { locales: ['FRANCE'], platforms: ['IOS'] })]);
    expect(valueOf(f, ctx({ locale: 'FRANCE', platform: 'IOS' }))).toBe('fr-ios');
    expect(valueOf(f, ctx({ locale: 'FRANCE' }))).toBe('fr');
    expect(valueOf(f, ctx({ locale: 'SPAIN' }))).toBe('general');
    const ties = flag([rule('first', { platforms: ['IOS'] }), rule('second', { locales: ['FRANCE'] })]);
    expect(valueOf(ties, ctx({ locale: 'FRANCE', platform: 'IOS' }))).toBe('first');
  });

  it('requires every criterion: locale, platform, version, every axis', () => {
    const f = flag([rule('hit', { axes: { env: ['prod', 'stage'], tenant: ['enterprise'] } })]);
    expect(valueOf(f, ctx({ axes: { env: 'prod', tenant: 'enterprise' } }))).toBe('hit');
    expect(valueOf(f, ctx({ axes: { env: 'prod' } }))).toBe('flag-default');
    expect(valueOf(f, ctx({ axes: { env: 'dev', tenant: 'enterprise' } }))).toBe('flag-default');
    const proto = flag([rule('hit', { axes: { constructor: ['x'] } })]);
    expect(valueOf(proto, ctx({ axes: {} }))).toBe('flag-default');
    expect(valueOf(flag([rule('fr', { locales: ['FRANCE'] })]), ctx())).toBe('flag-default');
  });

  it('treats version bounds as inclusive and a missing version as out of a bounded range', () => {
    const f = flag([rule('in', { versionRange: { type: 'MIN_AND_MAX_BOUND', min: v(1, 2, 0), max: v(2, 0, 0) } })]);
    expect(valueOf(f, ctx({ appVersion: v(1, 2, 0) }))).toBe('in');
    expect(valueOf(f, ctx({ appVersion: v(2, 0, 0) }))).toBe('in');
    expect(valueOf(f, ctx({ appVersion: v(1, 10, 3) }))).toBe('in');
    expect(valueOf(f, ctx({ appVersion: v(1, 1, 99) }))).toBe('flag-default');
    expect(valueOf(f, ctx({ appVersion: v(2, 0, 1) }))).toBe('flag-default');
    expect(valueOf(f, ctx())).toBe('flag-default');
    const min = flag([rule('in', { versionRange: { type: 'MIN_BOUND', min: v(2, 0, 0) } })]);
    expect(valueOf(min, ctx({ appVersion: v(2, 0, 0) }))).toBe('in');
    const max = flag([rule('in', { versionRange: { type: 'MAX_BOUND', max: v(2, 0, 0) } })]);
    expect(valueOf(max, ctx({ appVersion: v(2, 0, 1) }))).toBe('flag-default');
    expect(valueOf(flag([rule('any')]), ctx())).toBe('any');
  });

  it('puts a context in the ramp exactly when its bucket is below the threshold', () => {
    const [inside] = idsWhere((b) => b < 2500);
    const [outside] = idsWhere((b) => b >= 2500);
    const f = flag([rule('ramped', { rampUp: 25 })]);
    expect(valueOf(f, ctx({ stableId: inside }))).toBe('ramped');
    expect(valueOf(f, ctx({ stableId: outside }))).toBe('flag-default');
    expect(valueOf({ ...f, salt: 'v2' }, ctx({ stableId: inside }))).toBe(
      referenceBucket('v2', KEY, inside ?? '') < 2500 ? 'ramped' : 'flag-default',
    );
  });

  it('lets allowlisted ids (rule or flag) bypass the ramp but not the other criteria', () => {
    const [id] = idsWhere(() => true);
    const ramp0 = rule('allowed', { rampUp: 0, rampUpAllowlist: [id ?? ''], platforms: ['IOS'] });
    expect(valueOf(flag([ramp0]), ctx({ stableId: id, platform: 'IOS' }))).toBe('allowed');
    expect(valueOf(flag([ramp0]), ctx({ stableId: id, platform: 'WEB' }))).toBe('flag-default');
    expect(valueOf(flag([ramp0]), ctx({ stableId: 'abcdef', platform: 'IOS' }))).toBe('flag-default');
    const flagLevel = flag([rule('allowed', { rampUp: 0 })], { rampUpAllowlist: [id ?? ''] });
    expect(valueOf(flagLevel, ctx({ stableId: id }))).toBe('allowed');
  });

  it('skips CONTEXTUAL rules', () => {
    expect(valueOf(flag([rule('ctx', { type: 'CONTEXTUAL' }), rule('static')]), ctx())).toBe('static');
  });
});
