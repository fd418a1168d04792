import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from '@core/canonical';
import { decodeSnapshot, decodeUndeclaredSnapshot, featuresFromSnapshot } from '@core/decode';
import type { Snapshot } from '@core/model';
import { FIXTURES } from '../test/harness';
import { fittingStoredSnapshot } from './stored-snapshot';

/** Every fixture snapshot that decodes, with the namespace its keys name. */
const decodable: [string, string, Snapshot][] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json') && f.includes('snapshot'))
  .flatMap((file) => {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8');
    const ns = /"feature::([^:]+)::/.exec(text)?.[1];
    const decoded = ns === undefined ? null : decodeUndeclaredSnapshot(text, ns);
    return ns !== undefined && decoded?.ok ? [[file, ns, decoded.value] as [string, string, Snapshot]] : [];
  });

describe('stored snapshots', () => {
  it('has fixtures to check', () => {
    expect(decodable.length).toBeGreaterThan(2);
  });

  // rememberSnapshot relies on this: a decoded snapshot is what its stored content decodes to.
  it.each(decodable)('decoding the stored form of a decoded snapshot gives it again: %s', (_file, ns, snapshot) => {
    const again = decodeUndeclaredSnapshot(serializeSnapshot(snapshot), ns);
    expect(again).toEqual({ ok: true, value: snapshot });
    expect(serializeSnapshot(again.ok ? again.value : { flags: [] })).toBe(serializeSnapshot(snapshot));
  });

  it.each(decodable)('fitting the declarations answers as decoding against them does: %s', (file, ns, snapshot) => {
    const content = serializeSnapshot(snapshot);
    const features = featuresFromSnapshot(snapshot);
    const schema = { namespace: ns, features };
    for (let i = 0; i < 2; i++) expect(fittingStoredSnapshot(schema, `hash-of-${file}`, content)).toEqual(decodeSnapshot(content, schema));
    const fewer = { namespace: ns, features: features.slice(1) };
    for (let i = 0; i < 2; i++) expect(fittingStoredSnapshot(fewer, `hash-of-${file}`, content)).toEqual(decodeSnapshot(content, fewer));
    expect(fittingStoredSnapshot(fewer, `hash-of-${file}`, content).ok).toBe(false);
  });
});
