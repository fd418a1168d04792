/**
 * Konditional's flag, rule and metadata shapes, decoded field by field in the order Konditional
 * writes them, so the first error reported is the first one in a Konditional-written document.
 * Unknown fields are ignored, as Konditional ignores them. Every output object carries every
 * field (defaults filled in) in a fixed key order; optional fields are omitted when absent.
 */
import {
  at,
  decodeValue,
  describe,
  expectArray,
  expectFinite,
  expectObject,
  expectString,
  fail,
  optional,
  own,
  withDefault,
  type EnvelopeOptions,
  type Obj,
} from './decode-values';
import type { DeclaredFeature, Flag, Rule, RuleType, SemVer, SnapshotMeta, VersionRange } from './model';
import { compareSemVer, formatSemVer } from './semver';

export const MAX_FLAGS = 10_000;
export const MAX_RULES_PER_FLAG = 10_000;

export interface FlagContext {
  namespace: string;
  /** The namespace's declarations; null when decoding a snapshot being adopted (no declarations yet). */
  declared: ReadonlyMap<string, DeclaredFeature> | null;
}

const HEX_ID = /^[0-9a-f]+$/;
const KEY_PREFIX = 'feature::';

/** A key's feature name when it is `feature::<namespace>::<name>` for this namespace, else null. */
export function featureName(key: string, namespace: string): string | null {
  const prefix = `${KEY_PREFIX}${namespace}::`;
  if (!key.startsWith(prefix)) return null;
  const name = key.slice(prefix.length);
  return name.trim() === '' || name.includes('::') ? null : name;
}

export function keyFormatMessage(key: string, namespace: string): string {
  return `Key ${JSON.stringify(key)} is not of the form "feature::${namespace}::<name>" required in namespace "${namespace}".`;
}

function decodeStrings(v: unknown, path: string, what: string, hex = false): string[] {
  return expectArray(v, path, what).map((item, i) => {
    const s = expectString(item, at(path, i), `Each entry of ${what}`);
    if (hex && !HEX_ID.test(s)) {
      fail('InvalidSnapshot', at(path, i), `${what} holds stable ids as lowercase hex (Konditional's StableId.hex), got ${describe(s)}.`);
    }
    return s;
  });
}

function decodeSemVer(v: unknown, path: string): SemVer {
  const o = expectObject(v, path, 'A version bound');
  const part = (name: keyof SemVer): number => {
    const p = at(path, name);
    const n = expectFinite(own(o, name), p, `Version "${name}"`);
    if (!Number.isInteger(n)) fail('InvalidJson', p, `Version "${name}" must be an integer, got ${describe(n)}.`);
    if (n < 0 || n > 2147483647) fail('InvalidSnapshot', p, `Version "${name}" must be between 0 and 2147483647, got ${n}.`);
    return n;
  };
  return { major: part('major'), minor: part('minor'), patch: part('patch') };
}

function decodeVersionRange(v: unknown, path: string): VersionRange {
  const o = expectObject(v, path, '"versionRange"');
  const type = own(o, 'type');
  const bound = (name: 'min' | 'max') => decodeSemVer(own(o, name), at(path, name));
  switch (type) {
    case 'UNBOUNDED':
      return { type };
    case 'MIN_BOUND':
      return { type, min: bound('min') };
    case 'MAX_BOUND':
      return { type, max: bound('max') };
    case 'MIN_AND_MAX_BOUND': {
      const min = bound('min');
      const max = bound('max');
      if (compareSemVer(min, max) > 0) {
        fail('InvalidSnapshot', at(path, 'max'), `versionRange max ${formatSemVer(max)} is below min ${formatSemVer(min)}; no version could match.`);
      }
      return { type, min, max };
    }
    default:
      return fail(
        'InvalidJson',
        at(path, 'type'),
        `Unknown versionRange type ${describe(type)}; use UNBOUNDED, MIN_BOUND, MAX_BOUND or MIN_AND_MAX_BOUND.`,
      );
  }
}

function decodeAxes(v: unknown, path: string): Record<string, string[]> {
  const o = expectObject(v, path, '"axes"');
  // Object.fromEntries defines own properties: an axis named `__proto__` stays an axis.
  return Object.fromEntries(Object.keys(o).map((k) => [k, decodeStrings(o[k], at(path, k), `Axis ${JSON.stringify(k)}`)]));
}

function decodeRuleType(v: unknown, path: string): RuleType {
  if (v !== 'STATIC' && v !== 'CONTEXTUAL') fail('InvalidJson', path, `Rule "type" must be STATIC or CONTEXTUAL, got ${describe(v)}.`);
  return v;
}

function decodeRampUp(v: unknown, path: string): number {
  const n = expectFinite(v, path, '"rampUp"');
  if (n < 0 || n > 100) fail('InvalidSnapshot', path, `"rampUp" is a percentage between 0 and 100, got ${n}.`);
  return n;
}

function decodeRule(input: unknown, path: string, valueOpts: EnvelopeOptions): Rule {
  const o = expectObject(input, path, 'A rule');
  const rawValue = own(o, 'value');
  if (rawValue === undefined) fail('InvalidJson', at(path, 'value'), 'A rule needs a "value".');
  const value = decodeValue(rawValue, at(path, 'value'), valueOpts);
  const type = withDefault<RuleType>(o, 'type', 'STATIC', (v) => decodeRuleType(v, at(path, 'type')));
  const ruleId = optional(o, 'ruleId', (v) => expectString(v, at(path, 'ruleId'), '"ruleId"'));
  const rampUp = withDefault(o, 'rampUp', 100, (v) => decodeRampUp(v, at(path, 'rampUp')));
  const rampUpAllowlist = withDefault(o, 'rampUpAllowlist', [], (v) =>
    decodeStrings(v, at(path, 'rampUpAllowlist'), '"rampUpAllowlist"', true),
  );
  const note = optional(o, 'note', (v) => expectString(v, at(path, 'note'), '"note"'));
  const locales = withDefault(o, 'locales', [], (v) => decodeStrings(v, at(path, 'locales'), '"locales"'));
  const platforms = withDefault(o, 'platforms', [], (v) => decodeStrings(v, at(path, 'platforms'), '"platforms"'));
  const versionRange = withDefault<VersionRange>(o, 'versionRange', { type: 'UNBOUNDED' }, (v) =>
    decodeVersionRange(v, at(path, 'versionRange')),
  );
  const axes = withDefault(o, 'axes', {}, (v) => decodeAxes(v, at(path, 'axes')));
  // `predicateRefs` (Konditional's older targeting) is accepted and dropped.
  return {
    value,
    type,
    ...(ruleId === undefined ? {} : { ruleId }),
    rampUp,
    rampUpAllowlist,
    ...(note === undefined ? {} : { note }),
    locales,
    platforms,
    versionRange,
    axes,
  };
}

function checkKey(key: string, path: string, ctx: FlagContext): DeclaredFeature | null {
  if (ctx.declared === null) {
    if (featureName(key, ctx.namespace) === null) fail('InvalidSnapshot', path, keyFormatMessage(key, ctx.namespace));
    return null;
  }
  const declared = ctx.declared.get(key);
  if (declared === undefined) {
    fail(
      'FeatureNotFound',
      path,
      `Feature ${JSON.stringify(key)} is not declared in namespace "${ctx.namespace}". Declare it first, or remove the flag.`,
    );
  }
  return declared;
}

function decodeFlag(input: unknown, path: string, ctx: FlagContext, seen: Set<string>): Flag {
  const o = expectObject(input, path, 'A flag');
  const keyPath = at(path, 'key');
  const key = expectString(own(o, 'key'), keyPath, 'A flag "key"');
  const declared = checkKey(key, keyPath, ctx);
  if (seen.has(key)) fail('InvalidSnapshot', keyPath, `Flag ${JSON.stringify(key)} appears twice; keep one entry per feature.`);
  seen.add(key);

  const defaultPath = at(path, 'defaultValue');
  const rawDefault = own(o, 'defaultValue');
  if (rawDefault === undefined) fail('InvalidJson', defaultPath, `Flag ${JSON.stringify(key)} needs a "defaultValue".`);
  const declaredOpts: EnvelopeOptions | null =
    declared === null ? null : { expectedType: declared.type, enumValues: declared.enumValues };
  const defaultValue = decodeValue(rawDefault, defaultPath, declaredOpts ?? {});
  // Without declarations the flag's own defaultValue fixes the type its rules must have.
  const ruleOpts = declaredOpts ?? { expectedType: defaultValue.type, expectation: "the flag's defaultValue type" };

  const salt = withDefault(o, 'salt', 'v1', (v) => expectString(v, at(path, 'salt'), '"salt"'));
  const isActive = withDefault(o, 'isActive', true, (v) => {
    if (typeof v !== 'boolean') fail('InvalidJson', at(path, 'isActive'), `"isActive" must be true or false, got ${describe(v)}.`);
    return v;
  });
  const rampUpAllowlist = withDefault(o, 'rampUpAllowlist', [], (v) =>
    decodeStrings(v, at(path, 'rampUpAllowlist'), '"rampUpAllowlist"', true),
  );
  const rulesPath = at(path, 'rules');
  const rules = withDefault(o, 'rules', [], (v) => {
    const list = expectArray(v, rulesPath, '"rules"');
    if (list.length > MAX_RULES_PER_FLAG) {
      fail('InvalidSnapshot', rulesPath, `A flag may have at most ${MAX_RULES_PER_FLAG} rules, got ${list.length}.`);
    }
    return list.map((r, j) => decodeRule(r, at(rulesPath, j), ruleOpts));
  });
  return { key, defaultValue, salt, isActive, rampUpAllowlist, rules };
}

export function decodeFlags(doc: Obj, ctx: FlagContext): Flag[] {
  const v = own(doc, 'flags');
  if (v === undefined || v === null) {
    fail('InvalidJson', '/flags', `"flags" is required and must be an array, got ${describe(v)}; send [] for no flags.`);
  }
  const list = expectArray(v, '/flags', '"flags"');
  if (list.length > MAX_FLAGS) {
    fail('InvalidSnapshot', '/flags', `A document may hold at most ${MAX_FLAGS} flags, got ${list.length}.`);
  }
  const seen = new Set<string>();
  return list.map((f, i) => decodeFlag(f, at('/flags', i), ctx, seen));
}

/**
 * Konditional's metadata fields are nullable: null reads as absent. A meta with nothing in it is
 * dropped, so `"meta": {}` and no meta decode (and hash) the same.
 */
export function decodeMeta(v: unknown, path: string): SnapshotMeta | undefined {
  if (v === undefined || v === null) return undefined;
  const o = expectObject(v, path, '"meta"');
  const version = optional(o, 'version', (x) => expectString(x, at(path, 'version'), 'meta "version"'));
  const generatedAtEpochMillis = optional(o, 'generatedAtEpochMillis', (x) =>
    expectFinite(x, at(path, 'generatedAtEpochMillis'), 'meta "generatedAtEpochMillis"'),
  );
  const source = optional(o, 'source', (x) => expectString(x, at(path, 'source'), 'meta "source"'));
  if (version === undefined && generatedAtEpochMillis === undefined && source === undefined) return undefined;
  return {
    ...(version === undefined ? {} : { version }),
    ...(generatedAtEpochMillis === undefined ? {} : { generatedAtEpochMillis }),
    ...(source === undefined ? {} : { source }),
  };
}
