/**
 * Konditional's targeting primitives: ramp-up bucketing, rule specificity and criteria. Shared
 * by evaluateFlag (one context) and shadowCheck (a population), so both follow one definition.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { EvalContext, Flag, Rule, SemVer, VersionRange } from './model';
import { prefixedSha256Word } from './bucket-hash';
import { compareSemVer } from './semver';

const BUCKETS = 10_000;

function bucketOfDigest(d: Uint8Array): number {
  const first = (((d[0] ?? 0) << 24) | ((d[1] ?? 0) << 16) | ((d[2] ?? 0) << 8) | (d[3] ?? 0)) >>> 0;
  return first % BUCKETS;
}

/** First 4 bytes of SHA-256(`salt:flagKey:stableIdHex`), unsigned big-endian, mod 10000. */
export function rampBucket(salt: string, flagKey: string, stableIdHex: string): number {
  return bucketOfDigest(sha256(utf8ToBytes(`${salt}:${flagKey}:${stableIdHex}`)));
}

/**
 * rampBucket for many stable ids of one (salt, flagKey), for shadow checks: the common
 * `salt:flagKey:` prefix is hashed once (see bucket-hash.ts). Same result as rampBucket.
 */
export function bucketHasher(salt: string, flagKey: string): (stableIdBytes: Uint8Array) => number {
  const firstWord = prefixedSha256Word(`${salt}:${flagKey}:`);
  return (idBytes) => firstWord(idBytes) % BUCKETS;
}

/**
 * In the ramp when bucket < round(rampUp × 100), as Konditional computes its basis-point
 * threshold: 12.34 -> 1234 buckets, and 0.29 -> 29 although 0.29 × 100 = 28.999…; 100 -> always, 0 -> never.
 */
export function isInRamp(rampUp: number, bucket: number): boolean {
  if (!(rampUp > 0)) return false;
  if (rampUp >= 100) return true;
  return bucket < Math.round(rampUp * 100);
}

/** +1 non-empty locales, +1 non-empty platforms, +1 bounded versionRange, + number of axes. */
export function ruleSpecificity(rule: Rule): number {
  return (
    (rule.locales.length > 0 ? 1 : 0) +
    (rule.platforms.length > 0 ? 1 : 0) +
    (rule.versionRange.type === 'UNBOUNDED' ? 0 : 1) +
    Object.keys(rule.axes).length
  );
}

/** Inclusive bounds; a context without an app version is outside every bounded range. */
export function versionInRange(range: VersionRange, v: SemVer | undefined): boolean {
  if (range.type === 'UNBOUNDED') return true;
  if (v === undefined) return false;
  if (range.type !== 'MAX_BOUND' && compareSemVer(v, range.min) < 0) return false;
  if (range.type !== 'MIN_BOUND' && compareSemVer(v, range.max) > 0) return false;
  return true;
}

export interface CompiledRule {
  rule: Rule;
  /** The rule's and the flag's allowlists: these stable ids bypass the ramp (not the criteria). */
  allowlist: ReadonlySet<string>;
  /** `rule.axes` as pairs, read once rather than on every evaluation. */
  axes: readonly (readonly [string, readonly string[]])[];
}

/** Locale, platform, app version and every axis: everything but the ramp. */
export function criteriaMatch({ rule, axes }: CompiledRule, ctx: EvalContext): boolean {
  if (rule.locales.length > 0 && (ctx.locale === undefined || !rule.locales.includes(ctx.locale))) return false;
  if (rule.platforms.length > 0 && (ctx.platform === undefined || !rule.platforms.includes(ctx.platform))) return false;
  if (!versionInRange(rule.versionRange, ctx.appVersion)) return false;
  for (const [axisId, allowed] of axes) {
    const value = ctx.axes !== undefined && Object.hasOwn(ctx.axes, axisId) ? ctx.axes[axisId] : undefined;
    if (value === undefined || !allowed.includes(value)) return false;
  }
  return true;
}

/**
 * Whether the ramp admits `stableId`: always at 100, when allowlisted, else by bucket.
 * `bucket(arg)` is called only when a fractional ramp must be checked (hashing is the cost).
 */
export function rampAdmits<A>({ rule, allowlist }: CompiledRule, stableId: string, bucket: (arg: A) => number, arg: A): boolean {
  if (rule.rampUp >= 100 || allowlist.has(stableId)) return true;
  return rule.rampUp > 0 && isInRamp(rule.rampUp, bucket(arg));
}

/**
 * A flag's rules in evaluation order: most specific first, ties in array order (Array#sort is
 * stable). CONTEXTUAL rules are placeholders Switchyard cannot evaluate, so they are skipped.
 */
export function compileRules(flag: Flag): CompiledRule[] {
  return flag.rules
    .filter((rule) => rule.type === 'STATIC')
    .map((rule) => ({ rule, specificity: ruleSpecificity(rule) }))
    .sort((a, b) => b.specificity - a.specificity)
    .map(({ rule }) => ({
      rule,
      allowlist: new Set([...rule.rampUpAllowlist, ...flag.rampUpAllowlist]),
      axes: Object.entries(rule.axes),
    }));
}

/** The first rule whose criteria match and whose ramp admits the context. */
export function selectRule(rules: readonly CompiledRule[], ctx: EvalContext, bucket: () => number): Rule | undefined {
  return rules.find((c) => criteriaMatch(c, ctx) && rampAdmits(c, ctx.stableId, bucket, undefined))?.rule;
}
