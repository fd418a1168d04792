import { describe, expect, it } from 'vitest';
import type { SnapshotDiffDto } from '@contract/schemas';
import { diffHref, diffSentence, parseDiffRange } from './diff-range';

const flag = (name: string) => ({ key: `feature::ns::${name}`, defaultValue: { type: 'BOOLEAN' as const, value: true }, salt: 'v1', isActive: true, rampUpAllowlist: [], rules: [] });
const diff = (c: { added?: string[]; removed?: string[]; changed?: string[]; unchanged?: number; meta?: number }): SnapshotDiffDto => ({
  added: (c.added ?? []).map(flag),
  removed: (c.removed ?? []).map(flag),
  changed: (c.changed ?? []).map((name) => ({ key: `feature::ns::${name}`, fields: [{ path: '/isActive', before: true, after: false }] })),
  unchanged: c.unchanged ?? 0,
  metaChanged: Array.from({ length: c.meta ?? 0 }, () => ({ path: '/version', before: 'a', after: 'b' })),
});

describe('diff range', () => {
  it('reads positive whole versions from the URL and nothing else', () => {
    expect(parseDiffRange(new URLSearchParams('from=12&to=15'))).toEqual({ from: 12, to: 15 });
    expect(parseDiffRange(new URLSearchParams('from=0&to=1.5'))).toEqual({ from: null, to: null });
    expect(parseDiffRange(new URLSearchParams(''))).toEqual({ from: null, to: null });
    expect(diffHref('a b', 1, 2)).toBe('/namespaces/a%20b/diff?from=1&to=2');
  });

  it('names up to three changed flags, and counts more', () => {
    expect(diffSentence(12, 14, diff({ added: ['a'], removed: ['b'], changed: ['c'], unchanged: 40 }))).toBe(
      'Going from v12 to v14 adds a, removes b and changes c. 40 flags stay the same.',
    );
    expect(diffSentence(14, 12, diff({ changed: ['x', 'y'] }))).toBe('Going from v14 to v12 (back to an older version) changes x and y.');
    expect(diffSentence(1, 2, diff({ changed: ['a', 'b', 'c', 'd'], unchanged: 1 }))).toBe('Going from v1 to v2 changes 4 flags: 4 changed. 1 flag stays the same.');
  });

  it('says plainly when nothing changes', () => {
    expect(diffSentence(7, 7, diff({ unchanged: 4 }))).toBe('v7 compared with itself: no flag changes.');
    expect(diffSentence(3, 5, diff({ unchanged: 1, meta: 1 }))).toBe('Going from v3 to v5 changes no flags: both serve the same 1 flag. Only the snapshot meta differs.');
  });
});
