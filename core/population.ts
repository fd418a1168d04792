/**
 * A deterministic population of evaluation contexts for shadow checks: the attributes the
 * snapshots' rules target (plus "none"), app versions around every bound, random stable ids,
 * and every allowlisted stable id so allowlist edits show up.
 */
import type { EvalContext, SemVer, Snapshot } from './model';
import { compareSemVer, formatSemVer } from './semver';

/** mulberry32: small, fast, good enough to spread contexts; deterministic for a seed. */
function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finaliser: a counter in, well-mixed 32 bits out. */
function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

function stableIdFor(seed: number, i: number): string {
  const s = mix32(seed ^ 0x5bd1e995);
  return hex8(mix32(s + i)) + hex8(mix32((s ^ 0x9e3779b9) + i * 31));
}

const MAX_PART = 999;

function below(v: SemVer): SemVer | null {
  if (v.patch > 0) return { ...v, patch: v.patch - 1 };
  if (v.minor > 0) return { major: v.major, minor: v.minor - 1, patch: MAX_PART };
  if (v.major > 0) return { major: v.major - 1, minor: MAX_PART, patch: MAX_PART };
  return null;
}

/** Each bound, just below and just above it, and a version strictly between neighbouring bounds. */
function versionCandidates(bounds: SemVer[]): SemVer[] {
  const out = new Map<string, SemVer>();
  const add = (v: SemVer | null) => {
    if (v !== null) out.set(formatSemVer(v), v);
  };
  const sorted = [...bounds].sort(compareSemVer);
  sorted.forEach((b, i) => {
    add(b);
    add(below(b));
    add({ ...b, patch: b.patch + 1 });
    const next = sorted[i + 1];
    if (next === undefined) return;
    for (const mid of [{ major: b.major, minor: b.minor + 1, patch: 0 }, { major: b.major + 1, minor: 0, patch: 0 }]) {
      if (compareSemVer(mid, b) > 0 && compareSemVer(mid, next) < 0) add(mid);
    }
  });
  return [...out.values()].sort(compareSemVer);
}

interface Targets {
  locales: Set<string>;
  platforms: Set<string>;
  axes: Map<string, Set<string>>;
  bounds: SemVer[];
  allowlisted: Set<string>;
}

function collectTargets(snapshots: Snapshot[]): Targets {
  const t: Targets = { locales: new Set(), platforms: new Set(), axes: new Map(), bounds: [], allowlisted: new Set() };
  for (const flag of snapshots.flatMap((s) => s.flags)) {
    flag.rampUpAllowlist.forEach((id) => t.allowlisted.add(id));
    for (const rule of flag.rules) {
      rule.rampUpAllowlist.forEach((id) => t.allowlisted.add(id));
      rule.locales.forEach((l) => t.locales.add(l));
      rule.platforms.forEach((p) => t.platforms.add(p));
      for (const [axisId, values] of Object.entries(rule.axes)) {
        const set = t.axes.get(axisId) ?? new Set<string>();
        values.forEach((v) => set.add(v));
        t.axes.set(axisId, set);
      }
      const r = rule.versionRange;
      if (r.type === 'MIN_BOUND' || r.type === 'MIN_AND_MAX_BOUND') t.bounds.push(r.min);
      if (r.type === 'MAX_BOUND' || r.type === 'MIN_AND_MAX_BOUND') t.bounds.push(r.max);
    }
  }
  return t;
}

/** Sorted options plus `undefined`, the context that has none of them. */
const withNone = <T>(values: Iterable<T>, sort?: (a: T, b: T) => number): (T | undefined)[] => [
  ...[...values].sort(sort),
  undefined,
];

export function defaultPopulation(snapshots: Snapshot[], size = 2000, seed = 1): EvalContext[] {
  const count = Math.max(0, Math.floor(size));
  const t = collectTargets(snapshots);
  const rand = prng(seed);
  const pick = <T>(options: readonly T[]): T => options[Math.floor(rand() * options.length)] as T;
  const locales = withNone(t.locales);
  const platforms = withNone(t.platforms);
  const versions = withNone(versionCandidates(t.bounds));
  const axes = [...t.axes.keys()].sort().map((axisId) => [axisId, withNone(t.axes.get(axisId) ?? [])] as const);
  // Allowlisted ids take at most half of the population so ramps stay measurable.
  const allowlisted = [...t.allowlisted].sort().slice(0, Math.floor(count / 2));
  const contexts: EvalContext[] = [];
  for (let i = 0; i < count; i++) {
    const ctx: EvalContext = { stableId: allowlisted[i] ?? stableIdFor(seed, i) };
    const locale = pick(locales);
    const platform = pick(platforms);
    const appVersion = pick(versions);
    if (locale !== undefined) ctx.locale = locale;
    if (platform !== undefined) ctx.platform = platform;
    if (appVersion !== undefined) ctx.appVersion = appVersion;
    const chosen: [string, string][] = [];
    for (const [axisId, options] of axes) {
      const v = pick(options);
      if (v !== undefined) chosen.push([axisId, v]);
    }
    if (chosen.length > 0) ctx.axes = Object.fromEntries(chosen);
    contexts.push(ctx);
  }
  return contexts;
}
