/**
 * Shadow check: evaluate the current and the candidate snapshot over a population of contexts
 * and count, per flag, the contexts whose value would change. For speed:
 * - a flag whose definition is unchanged is not evaluated at all;
 * - contexts with the same attributes match the same rules, so criteria are checked once per
 *   distinct attribute set ("class") and flag, leaving only the ramp per context;
 * - each context's bucket is hashed at most once per (salt, key), and only when a fractional
 *   ramp needs it.
 * The predicates are targeting.ts's, the ones evaluateFlag uses.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical';
import type { DeclaredFeature, EvalContext, Flag, NamespaceSchema, Snapshot } from './model';
import { defaultPopulation } from './population';
import { bucketHasher, compileRules, criteriaMatch, rampAdmits, type CompiledRule } from './targeting';

export interface ShadowCheckResult {
  populationSize: number;
  flags: { key: string; changedShare: number; changedCount: number }[];
  anyChangedShare: number;
}

type Buckets = (i: number) => number;

interface Population {
  contexts: EvalContext[];
  /** Context index -> index of its attribute class. */
  classOf: Int32Array;
  classCount: number;
  idBytes: (i: number) => Uint8Array;
}

function analyse(contexts: EvalContext[]): Population {
  const classes = new Map<string, number>();
  const classOf = new Int32Array(contexts.length);
  contexts.forEach((c, i) => {
    const axes = c.axes === undefined ? null : Object.entries(c.axes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const v = c.appVersion;
    const key = JSON.stringify([c.locale ?? null, c.platform ?? null, v ? [v.major, v.minor, v.patch] : null, axes]);
    let cls = classes.get(key);
    if (cls === undefined) {
      cls = classes.size;
      classes.set(key, cls);
    }
    classOf[i] = cls;
  });
  const encoded: (Uint8Array | undefined)[] = [];
  const idBytes = (i: number) => (encoded[i] ??= utf8ToBytes(contexts[i]?.stableId ?? ''));
  return { contexts, classOf, classCount: classes.size, idBytes };
}

function bucketCache(flag: Flag, pop: Population): Buckets {
  const cache = new Int16Array(pop.contexts.length).fill(-1);
  let hash: ((id: Uint8Array) => number) | undefined;
  return (i) => {
    const known = cache[i] ?? -1;
    if (known >= 0) return known;
    hash ??= bucketHasher(flag.salt, flag.key);
    const b = hash(pop.idBytes(i));
    cache[i] = b;
    return b;
  };
}

interface Candidate {
  compiled: CompiledRule;
  value: string;
}

/** Context index -> canonical JSON of the value it gets (comparable with ===). */
function evaluator(flag: Flag | undefined, declared: DeclaredFeature, pop: Population, buckets: Buckets) {
  const declaredDefault = canonicalJson(declared.defaultValue);
  if (flag === undefined || !flag.isActive) return () => declaredDefault;
  const rules: Candidate[] = compileRules(flag).map((compiled) => ({ compiled, value: canonicalJson(compiled.rule.value) }));
  const flagDefault = canonicalJson(flag.defaultValue);
  const byClass: (Candidate[] | undefined)[] = new Array<Candidate[] | undefined>(pop.classCount);
  return (i: number): string => {
    const ctx = pop.contexts[i];
    const cls = pop.classOf[i] ?? 0;
    if (ctx === undefined) return flagDefault;
    let candidates = byClass[cls];
    if (candidates === undefined) {
      candidates = rules.filter((r) => criteriaMatch(r.compiled, ctx));
      byClass[cls] = candidates;
    }
    for (const c of candidates) if (rampAdmits(c.compiled, ctx.stableId, buckets, i)) return c.value;
    return flagDefault;
  };
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function shadowCheck(
  current: Snapshot,
  candidate: Snapshot,
  schema: NamespaceSchema,
  population?: EvalContext[],
): ShadowCheckResult {
  const pop = analyse(population ?? defaultPopulation([current, candidate]));
  const n = pop.contexts.length;
  const before = new Map(current.flags.map((f) => [f.key, f]));
  const after = new Map(candidate.flags.map((f) => [f.key, f]));
  const declared = new Map(schema.features.map((f) => [f.key, f]));
  const keys = [...new Set([...before.keys(), ...after.keys(), ...declared.keys()])].sort(compareKeys);
  const anyChanged = new Uint8Array(n);
  const flags: ShadowCheckResult['flags'] = [];

  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    // An undeclared key (not possible after decoding) falls back to its own default.
    const source = a ?? b;
    const decl = declared.get(key) ?? (source && { key, type: source.defaultValue.type, defaultValue: source.defaultValue });
    const same = a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
    let changedCount = 0;
    if (!same && decl !== undefined) {
      const bucketsA = a === undefined ? () => 0 : bucketCache(a, pop);
      const bucketsB = b === undefined ? () => 0 : a !== undefined && a.salt === b.salt ? bucketsA : bucketCache(b, pop);
      const evalA = evaluator(a, decl, pop, bucketsA);
      const evalB = evaluator(b, decl, pop, bucketsB);
      for (let i = 0; i < n; i++) {
        if (evalA(i) !== evalB(i)) {
          changedCount++;
          anyChanged[i] = 1;
        }
      }
    }
    flags.push({ key, changedShare: n === 0 ? 0 : changedCount / n, changedCount });
  }
  flags.sort((x, y) => y.changedShare - x.changedShare || compareKeys(x.key, y.key));
  const anyCount = anyChanged.reduce((sum, v) => sum + v, 0);
  return { populationSize: n, flags, anyChangedShare: n === 0 ? 0 : anyCount / n };
}
