import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshotHash } from './canonical';
import { decodePatch, decodeSnapshot, decodeUndeclaredSnapshot, featuresFromSnapshot } from './decode';
import type { DeclaredFeature, NamespaceSchema, Snapshot } from './model';
import { applyPatch } from './patch';

const dir = new URL('../../shared/fixtures/konditional/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const namespaceOf = (text: string) => /"feature::([^:"]+)::/.exec(text)?.[1] ?? '';

const MAXIMAL = 'ConfigurationCodecTest.kt--maximalExpectedJson.template.json';
const SNAPSHOTS = [
  'snapshot-format.md--snapshot-example.json',
  'snapshot-json-format.md--HEAD-snapshot-example.json',
  'persistence-format.md--snapshot-enum.json',
  'persistence-format.md--snapshot-booleans-strings-version-ranges.json',
  'persistence-format.md--consumer-lifecycle-sample.json',
];
const PATCHES = ['persistence-format.md--patch-update-and-remove.json', 'patch-format.md--patch-example.json'];
const REJECTED: Record<string, string> = {
  'invalid-json.json': 'InvalidJson',
  'null-flags.json': 'InvalidJson',
  'unknown-feature-key.json': 'FeatureNotFound',
};
const covered = new Set([MAXIMAL, 'openapi.json', ...SNAPSHOTS, ...PATCHES, ...Object.keys(REJECTED)]);

/** Declares exactly what an adopted snapshot holds. */
function schemaFor(text: string): NamespaceSchema {
  const namespace = namespaceOf(text);
  const adopted = decodeUndeclaredSnapshot(text, namespace);
  if (!adopted.ok) throw new Error(`${adopted.error.kind}: ${adopted.error.message}`);
  return { namespace, features: featuresFromSnapshot(adopted.value) };
}

function decoded(text: string, schema: NamespaceSchema): Snapshot {
  const r = decodeSnapshot(text, schema);
  if (!r.ok) throw new Error(`${r.error.kind} at ${r.error.path}: ${r.error.message}`);
  return r.value;
}

describe('Konditional fixtures', () => {
  it('covers every file in the fixtures directory', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
    expect(files.length).toBe(covered.size);
  });

  it.each(Object.entries(REJECTED))('%s is rejected with %s', (file, kind) => {
    const schema: NamespaceSchema = {
      namespace: 'app',
      features: [{ key: 'feature::app::known', type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: false } }],
    };
    expect(decodeSnapshot(read(file), schema)).toMatchObject({ ok: false, error: { kind } });
  });

  it('reports where the fixtures go wrong', () => {
    const schema: NamespaceSchema = { namespace: 'app', features: [] };
    const invalid = decodeSnapshot(read('invalid-json.json'), schema);
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'InvalidJson', message: expect.stringMatching(/line 1, column 3/) } });
    expect(invalid).not.toHaveProperty('error.path');
    expect(decodeSnapshot(read('null-flags.json'), schema)).toMatchObject({ error: { path: '/flags' } });
    expect(decodeSnapshot(read('unknown-feature-key.json'), schema)).toMatchObject({ error: { path: '/flags/0/key' } });
  });

  it.each(SNAPSHOTS)('%s is accepted when its features are declared', (file) => {
    const text = read(file);
    const schema = schemaFor(text);
    const snapshot = decoded(text, schema);
    const raw = JSON.parse(text) as { flags: { key: string }[] };
    expect(snapshot.flags.map((f) => f.key)).toEqual(raw.flags.map((f) => f.key));
    // Decoding is idempotent: the decoded form decodes to itself.
    expect(decoded(JSON.stringify(snapshot), schema)).toEqual(snapshot);
  });

  it('keeps the meta of the documented snapshot', () => {
    const text = read('snapshot-format.md--snapshot-example.json');
    expect(decoded(text, schemaFor(text)).meta).toEqual({
      version: '2026-02-23.1',
      generatedAtEpochMillis: 1766800000000,
      source: 's3://flags/app-snapshot.json',
    });
  });

  it.each([
    [PATCHES[0], 'global', 'feature::global::LEGACY_SUPPORT'],
    [PATCHES[1], 'app', 'feature::app::legacyFlow'],
  ])('%s applies to a snapshot of namespace %s', (file, namespace, removedKey) => {
    const text = read(file ?? '');
    const patchJson = JSON.parse(text) as { flags: { key: string }[] };
    const upserted = patchJson.flags.map((f) => f.key);
    const base = {
      flags: [
        { key: removedKey, defaultValue: { type: 'BOOLEAN', value: true } },
        { key: `feature::${namespace}::other`, defaultValue: { type: 'STRING', value: 'x' } },
      ],
    };
    const baseSchema = schemaFor(JSON.stringify(base));
    const patched = decodeUndeclaredSnapshot(JSON.stringify(patchJson), namespace);
    expect(patched.ok).toBe(true);
    const features: DeclaredFeature[] = [...baseSchema.features, ...(patched.ok ? featuresFromSnapshot(patched.value) : [])];
    const schema: NamespaceSchema = { namespace, features };
    const current = decoded(JSON.stringify(base), schema);
    const patch = decodePatch(text, schema);
    if (!patch.ok) throw new Error(patch.error.message);
    const result = applyPatch(current, patch.value, schema);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.flags.map((f) => f.key)).toEqual([`feature::${namespace}::other`, ...upserted]);
    expect(result.value.meta).toEqual(patch.value.meta);
  });

  describe('the maximal template', () => {
    const text = read(MAXIMAL)
      .replaceAll('${Theme::class.java.name}', 'com.example.Theme')
      .replaceAll('${RetryPolicy::class.java.name}', 'com.example.RetryPolicy')
      .replaceAll('${TestEnvironment::class.java.name}', 'com.example.TestEnvironment')
      .replaceAll('${TestTenant::class.java.name}', 'com.example.TestTenant')
      .replaceAll('NAMESPACE', 'global')
      .replaceAll('RULE_ID', 'rule-1');

    it('has no placeholder left after substitution', () => {
      expect(text).not.toMatch(/\$\{|NAMESPACE|RULE_ID/);
    });

    it('is accepted with every field preserved', () => {
      const snapshot = decoded(text, schemaFor(text));
      const [theme, retry] = snapshot.flags;
      expect(snapshot.meta).toEqual({ version: 'rev-123', generatedAtEpochMillis: 1734480000000, source: 's3://configs/global.json' });
      expect(theme).toMatchObject({
        key: 'feature::global::themeFlag',
        salt: 'salt-v2',
        isActive: false,
        rampUpAllowlist: ['616c6c6f776c69737465642d75736572', '666c61672d616c6c6f776c697374'],
      });
      expect(theme?.rules[0]).toEqual({
        value: { type: 'ENUM', value: 'DARK', enumClassName: 'com.example.Theme' },
        type: 'STATIC',
        ruleId: 'rule-1',
        rampUp: 12.34,
        rampUpAllowlist: ['72756c652d616c6c6f776c697374'],
        note: 'maximal-rule',
        locales: ['UNITED_STATES', 'FRANCE'],
        platforms: ['IOS', 'ANDROID'],
        versionRange: { type: 'MIN_AND_MAX_BOUND', min: { major: 1, minor: 0, patch: 0 }, max: { major: 2, minor: 0, patch: 0 } },
        axes: { 'com.example.TestEnvironment': ['prod', 'stage'], 'com.example.TestTenant': ['enterprise'] },
      });
      expect(retry?.defaultValue).toEqual({
        type: 'DATA_CLASS',
        dataClassName: 'com.example.RetryPolicy',
        value: { maxAttempts: 3, backoffMs: 1000, enabled: true, mode: 'exponential' },
      });
      expect(retry?.rules[0]?.rampUp).toBe(99);
    });

    it('serialises back to the template (predicateRefs dropped)', () => {
      const snapshot = decoded(text, schemaFor(text));
      const expected = JSON.parse(text) as { flags: { rules: Record<string, unknown>[] }[] };
      for (const flag of expected.flags) for (const rule of flag.rules) delete rule.predicateRefs;
      // Same content and the same key order as Konditional writes it.
      expect(JSON.stringify(snapshot)).toBe(JSON.stringify(expected));
      expect(snapshotHash(decoded(JSON.stringify(expected), schemaFor(text)))).toBe(snapshotHash(snapshot));
    });
  });

  it('openapi.json is Konditional reference material that parses', () => {
    const spec = JSON.parse(read('openapi.json')) as {
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(spec.components.schemas.Snapshot?.required).toContain('flags');
    expect(spec.components.schemas.Patch?.required).toEqual(expect.arrayContaining(['flags', 'removeKeys']));
  });
});

describe('stricter than Konditional, on fixtures', () => {
  const text = read('persistence-format.md--snapshot-booleans-strings-version-ranges.json');

  it('rejects a declared type mismatch with the path to the type', () => {
    const schema = schemaFor(text);
    const features = schema.features.map((f): DeclaredFeature =>
      f.key === 'feature::global::darkMode' ? { ...f, type: 'STRING', defaultValue: { type: 'STRING', value: 'off' } } : f,
    );
    expect(decodeSnapshot(text, { ...schema, features })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidSnapshot', path: '/flags/0/defaultValue/type' },
    });
  });

  it('rejects an ENUM constant that is not declared, with the path to the value', () => {
    const enumText = read('persistence-format.md--snapshot-enum.json');
    const schema = schemaFor(enumText);
    const features = schema.features.map((f): DeclaredFeature => ({ ...f, enumValues: ['LIGHT', 'SYSTEM'] }));
    expect(decodeSnapshot(enumText, { ...schema, features })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidSnapshot', path: '/flags/0/rules/0/value/value' },
    });
  });

  it('rejects rampUp 101 with the path to it', () => {
    const bad = text.replace('"rampUp": 50.0', '"rampUp": 101');
    expect(decodeSnapshot(bad, schemaFor(text))).toMatchObject({
      ok: false,
      error: { kind: 'InvalidSnapshot', path: '/flags/0/rules/0/rampUp' },
    });
  });
});
