/**
 * Decoding snapshots, patches and feature declarations from untrusted input, with Konditional's
 * rules (see /work/shared/fixtures/konditional/README.md) plus Switchyard's declared-feature
 * checks. Every function returns a Result and never throws, whatever the input.
 */
import { decodeFlags, decodeMeta, featureName, keyFormatMessage, MAX_FLAGS, type FlagContext } from './decode-flag';
import {
  at,
  decodeValue,
  DecodeFailure,
  describe,
  expectArray,
  expectObject,
  expectString,
  fail,
  isObject,
  isValueType,
  optional,
  own,
  withDefault,
  type Obj,
} from './decode-values';
import { parseJson } from './json';
import { err, ok, type DeclaredFeature, type NamespaceSchema, type Patch, type Result, type Snapshot } from './model';

function guarded<T>(run: () => T): Result<T> {
  try {
    return ok(run());
  } catch (e) {
    if (e instanceof DecodeFailure) return err(e.error);
    // Not reachable with JSON input; a pre-parsed object can still hold a throwing getter or a cycle.
    const reason = e instanceof Error ? e.message : String(e);
    return err({ kind: 'InvalidSnapshot', message: `The document could not be decoded (${reason}); submit plain JSON.`, path: '' });
  }
}

function withDocument<T>(input: unknown, what: string, decode: (doc: Obj) => T): Result<T> {
  let doc = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    if (!parsed.ok) return parsed;
    doc = parsed.value;
  }
  return guarded(() => {
    if (!isObject(doc)) fail('InvalidJson', '', `A ${what} must be a JSON object with a "flags" array, got ${describe(doc)}.`);
    return decode(doc);
  });
}

function declaredContext(schema: NamespaceSchema): FlagContext {
  return { namespace: schema.namespace, declared: new Map(schema.features.map((f) => [f.key, f])) };
}

function snapshotOf(doc: Obj, ctx: FlagContext): Snapshot {
  const meta = decodeMeta(own(doc, 'meta'), '/meta');
  const flags = decodeFlags(doc, ctx);
  return meta === undefined ? { flags } : { meta, flags };
}

/**
 * A snapshot for a namespace with declared features. Deliberately, a snapshot MAY omit declared
 * features (Konditional would call that InvalidSnapshot): an absent flag evaluates to the
 * declared default, so declaring a new feature never invalidates the active snapshot and teams
 * can adopt features one flag at a time. Undeclared keys, wrong types and unknown enum
 * constants are rejected.
 */
export function decodeSnapshot(input: string | unknown, schema: NamespaceSchema): Result<Snapshot> {
  return withDocument(input, 'snapshot', (doc) => snapshotOf(doc, declaredContext(schema)));
}

/**
 * A snapshot for a namespace that declares nothing yet (it is being created by adopting this
 * snapshot): same shape rules; every key must be `feature::<namespace>::<name>`, each once, and
 * every rule value must have its flag's defaultValue type.
 */
export function decodeUndeclaredSnapshot(input: string | unknown, namespace: string): Result<Snapshot> {
  return withDocument(input, 'snapshot', (doc) => snapshotOf(doc, { namespace, declared: null }));
}

export function decodePatch(input: string | unknown, schema: NamespaceSchema): Result<Patch> {
  return withDocument(input, 'patch', (doc) => {
    const ctx = declaredContext(schema);
    const meta = decodeMeta(own(doc, 'meta'), '/meta');
    const flags = decodeFlags(doc, ctx);
    const removeKeys = withDefault(doc, 'removeKeys', [], (v) => {
      const list = expectArray(v, '/removeKeys', '"removeKeys"');
      if (list.length > MAX_FLAGS) fail('InvalidSnapshot', '/removeKeys', `At most ${MAX_FLAGS} keys may be removed at once.`);
      return list.map((k, i) => {
        const key = expectString(k, at('/removeKeys', i), 'Each entry of "removeKeys"');
        if (!ctx.declared?.has(key)) {
          fail('FeatureNotFound', at('/removeKeys', i), `Cannot remove ${JSON.stringify(key)}: it is not declared in namespace "${schema.namespace}".`);
        }
        return key;
      });
    });
    return meta === undefined ? { flags, removeKeys } : { meta, flags, removeKeys };
  });
}

/** The declarations implied by an adopted snapshot: each flag's type and defaultValue. */
export function featuresFromSnapshot(snapshot: Snapshot): DeclaredFeature[] {
  return snapshot.flags.map((f) => ({ key: f.key, type: f.defaultValue.type, defaultValue: f.defaultValue }));
}

function decodeEnumValues(v: unknown, path: string): string[] {
  const seen = new Set<string>();
  return expectArray(v, path, '"enumValues"').map((item, i) => {
    const s = expectString(item, at(path, i), 'Each enum constant');
    if (s === '') fail('InvalidSnapshot', at(path, i), 'Enum constants cannot be empty.');
    if (seen.has(s)) fail('InvalidSnapshot', at(path, i), `Enum constant ${JSON.stringify(s)} is listed twice.`);
    seen.add(s);
    return s;
  });
}

function decodeDeclared(input: unknown, path: string, namespace: string, seen: Set<string>): DeclaredFeature {
  const o = expectObject(input, path, 'A feature declaration');
  const key = expectString(own(o, 'key'), at(path, 'key'), 'A feature "key"');
  if (featureName(key, namespace) === null) fail('InvalidSnapshot', at(path, 'key'), keyFormatMessage(key, namespace));
  if (seen.has(key)) fail('InvalidSnapshot', at(path, 'key'), `Feature ${JSON.stringify(key)} is declared twice.`);
  seen.add(key);
  const type = own(o, 'type');
  if (!isValueType(type)) fail('InvalidSnapshot', at(path, 'type'), `Unknown feature type ${describe(type)}.`);
  const listed = optional(o, 'enumValues', (v) => decodeEnumValues(v, at(path, 'enumValues')));
  // A form may send `enumValues: []` for any type; only a non-empty list on a non-ENUM is a mistake.
  if (type !== 'ENUM' && listed !== undefined && listed.length > 0) {
    fail('InvalidSnapshot', at(path, 'enumValues'), `Only ENUM features list enumValues; ${type} cannot.`);
  }
  const enumValues = type === 'ENUM' ? listed : undefined;
  const rawDefault = own(o, 'defaultValue');
  if (rawDefault === undefined) fail('InvalidSnapshot', at(path, 'defaultValue'), `Feature ${JSON.stringify(key)} needs a defaultValue.`);
  const defaultValue = decodeValue(rawDefault, at(path, 'defaultValue'), {
    expectedType: type,
    enumValues,
    expectation: 'the declared feature type',
  });
  const description = optional(o, 'description', (v) => expectString(v, at(path, 'description'), '"description"'));
  return {
    key,
    type,
    ...(enumValues === undefined ? {} : { enumValues }),
    defaultValue,
    ...(description === undefined ? {} : { description }),
  };
}

/** Checks a namespace's feature declarations; every error is InvalidSnapshot with a `/features/...` path. */
export function validateDeclaredFeatures(namespace: string, features: unknown): Result<DeclaredFeature[]> {
  const result = guarded(() => {
    if (!Array.isArray(features)) fail('InvalidSnapshot', '/features', `"features" must be an array, got ${describe(features)}.`);
    if (features.length > MAX_FLAGS) fail('InvalidSnapshot', '/features', `A namespace may declare at most ${MAX_FLAGS} features.`);
    const seen = new Set<string>();
    return features.map((f, i) => decodeDeclared(f, at('/features', i), namespace, seen));
  });
  return result.ok ? result : err({ ...result.error, kind: 'InvalidSnapshot' });
}
