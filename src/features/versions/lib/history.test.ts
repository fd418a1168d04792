import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '@contract/schemas';
import { compareHref, filterVersions, metaFacts, parseHistoryParams, toggleCompare, toHistorySearch } from './history';

const v = (version: number, overrides: Partial<VersionSummary> = {}): VersionSummary => ({
  version,
  kind: 'load',
  author: 'ada@switchyard.dev',
  reason: 'r',
  createdAt: '2026-01-01T00:00:00.000Z',
  meta: null,
  hash: `sha256:${version}`,
  flagCount: 1,
  parentVersion: version - 1 || null,
  sourceVersion: null,
  active: false,
  discardedBy: null,
  ...overrides,
});

describe('history params', () => {
  it('reads kind, author and the compared versions from the URL and writes them back', () => {
    const params = parseHistoryParams(new URLSearchParams('kind=patch&author=Ada&compare=3,9'));
    expect(params).toEqual({ kind: 'patch', author: 'Ada', compare: [3, 9] });
    expect(toHistorySearch(params).toString()).toBe('kind=patch&author=Ada&compare=3%2C9');
  });

  it('ignores what it does not understand instead of failing', () => {
    expect(parseHistoryParams(new URLSearchParams('kind=rollback&compare=x,-1,4,4,5,6'))).toEqual({ kind: null, author: '', compare: [5, 6] });
    expect(toHistorySearch({ kind: null, author: '  ', compare: [] }).toString()).toBe('');
  });
});

describe('filterVersions', () => {
  const items = [v(3, { kind: 'patch', author: 'maria@x' }), v(2, { author: 'ada@x' }), v(1, { kind: 'create', author: 'ADA@x' })];

  it('keeps every version without filters', () => {
    expect(filterVersions(items, { kind: null, author: '', compare: [] })).toBe(items);
  });

  it('matches kind exactly and the author case-insensitively in part', () => {
    expect(filterVersions(items, { kind: null, author: 'ada', compare: [] }).map((x) => x.version)).toEqual([2, 1]);
    expect(filterVersions(items, { kind: 'patch', author: '', compare: [] }).map((x) => x.version)).toEqual([3]);
    expect(filterVersions(items, { kind: 'create', author: 'maria', compare: [] })).toEqual([]);
  });
});

describe('comparing', () => {
  it('keeps the last two picks and un-picks a picked version', () => {
    expect(toggleCompare([], 4)).toEqual([4]);
    expect(toggleCompare([4], 9)).toEqual([4, 9]);
    expect(toggleCompare([4, 9], 2)).toEqual([9, 2]);
    expect(toggleCompare([4, 9], 4)).toEqual([9]);
  });

  it('links older -> newer, whatever the order of picking', () => {
    expect(compareHref('pay ments', [12, 3])).toBe('/namespaces/pay%20ments/diff?from=3&to=12');
    expect(compareHref('payments', [12])).toBeNull();
  });
});

describe('metaFacts', () => {
  it('reads the Konditional meta fields and tolerates anything else', () => {
    expect(metaFacts({ version: '2026.11.20', generatedAtEpochMillis: 0, source: 'git:abc' })).toEqual({
      label: '2026.11.20',
      generatedAt: '1970-01-01T00:00:00.000Z',
      source: 'git:abc',
    });
    expect(metaFacts({ version: 7, generatedAtEpochMillis: 'soon', source: '' })).toEqual({ label: null, generatedAt: null, source: null });
    expect(metaFacts(null)).toEqual({ label: null, generatedAt: null, source: null });
  });
});
