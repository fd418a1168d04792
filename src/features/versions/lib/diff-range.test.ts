import { describe, expect, it } from 'vitest';
import { diffHref, diffSentence, parseDiffRange } from './diff-range';

const counts = (c: Partial<{ added: number; removed: number; changed: number; unchanged: number; meta: number }>) => {
  const { added = 0, removed = 0, changed = 0, unchanged = 0, meta = 0 } = c;
  return { added, removed, changed, total: added + removed + changed, unchanged, meta };
};

describe('diff range', () => {
  it('reads positive whole versions from the URL and nothing else', () => {
    expect(parseDiffRange(new URLSearchParams('from=12&to=15'))).toEqual({ from: 12, to: 15 });
    expect(parseDiffRange(new URLSearchParams('from=0&to=1.5'))).toEqual({ from: null, to: null });
    expect(parseDiffRange(new URLSearchParams(''))).toEqual({ from: null, to: null });
    expect(diffHref('a b', 1, 2)).toBe('/namespaces/a%20b/diff?from=1&to=2');
  });

  it('sums a diff up in one sentence', () => {
    expect(diffSentence(12, 14, counts({ added: 1, removed: 1, changed: 1, unchanged: 40 }))).toBe(
      'Going from v12 to v14 changes 3 flags: 1 added, 1 removed, 1 changed. 40 flags stay the same.',
    );
    expect(diffSentence(14, 12, counts({ changed: 1 }))).toBe('Going from v14 to v12 (back to an older version) changes 1 flag: 1 changed.');
  });

  it('says plainly when nothing changes', () => {
    expect(diffSentence(7, 7, counts({ unchanged: 4 }))).toBe('v7 compared with itself: no flag changes.');
    expect(diffSentence(3, 5, counts({ unchanged: 1, meta: 1 }))).toBe(
      'Going from v3 to v5 changes no flags: both serve the same 1 flag. Only the snapshot meta differs.',
    );
  });
});
