import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as portable from '@core/canonical';
import { decodeUndeclaredSnapshot } from '@core/decode';
import { sha256Hex, snapshotHash } from './digest';

const fixture = readFileSync(
  new URL('../../../shared/fixtures/konditional/persistence-format.md--snapshot-booleans-strings-version-ranges.json', import.meta.url),
  'utf8',
);

describe('digest', () => {
  it("gives core/canonical's digests", () => {
    for (const text of ['', 'abc', 'é 😀 \u2028 "quoted"', 'x'.repeat(100_000)]) expect(sha256Hex(text)).toBe(portable.sha256Hex(text));
    const decoded = decodeUndeclaredSnapshot(fixture, 'global');
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(snapshotHash(decoded.value)).toBe(portable.snapshotHash(decoded.value));
  });
});
