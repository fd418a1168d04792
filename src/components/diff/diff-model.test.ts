import { describe, expect, it } from 'vitest';
import type { FlagDto, SnapshotDiffDto } from '@contract/schemas';
import { describeFieldPath, describeItem, diffCounts, diffEntries, diffHeadline, diffItems, formatDiffValue, matchesFilter, metaFields } from './diff-model';

const flag = (key: string, value: boolean, rules: FlagDto['rules'] = []): FlagDto => ({
  key,
  defaultValue: { type: 'BOOLEAN', value },
  salt: 'v1',
  isActive: true,
  rampUpAllowlist: [],
  rules,
});

const diff: SnapshotDiffDto = {
  added: [flag('feature::payments::newRouting', true)],
  removed: [flag('feature::payments::legacyRetry', false)],
  changed: [
    {
      key: 'feature::payments::threeDs',
      fields: [
        { path: '/defaultValue/value', before: false, after: true },
        { path: '/rules/0/rampUp', before: 10, after: 50 },
        { path: '/isActive', before: true, after: false },
      ],
    },
  ],
  unchanged: 12,
  metaChanged: [{ path: '/version', before: '2026.11.1', after: '2026.11.2' }],
};

describe('describeFieldPath', () => {
  it('reads JSON pointers inside a flag as words', () => {
    expect(describeFieldPath('/defaultValue/value')).toBe('default value');
    expect(describeFieldPath('/rules/0/rampUp')).toBe('rule 1 › ramp-up');
    expect(describeFieldPath('/rules/2/value/value')).toBe('rule 3 › value');
    expect(describeFieldPath('/rules/1')).toBe('rule 2');
    expect(describeFieldPath('/rules/0/locales/1')).toBe('rule 1 › locales › #2');
    expect(describeFieldPath('/rules/0/axes/tier~1x')).toBe('rule 1 › axes › tier/x');
    expect(describeFieldPath('/isActive')).toBe('active');
    expect(describeFieldPath('')).toBe('whole flag');
  });
});

describe('formatDiffValue', () => {
  it('shows absent, strings, ramps, activity, flag values and rules the way people read them', () => {
    expect(formatDiffValue(undefined)).toBe('(none)');
    expect(formatDiffValue('EXPRESS')).toBe('"EXPRESS"');
    expect(formatDiffValue(25, 'rampUp')).toBe('25%');
    expect(formatDiffValue(false, 'isActive')).toBe('inactive');
    expect(formatDiffValue({ type: 'INT', value: 80 })).toBe('80');
    const rule = { value: { type: 'BOOLEAN', value: true }, rampUp: 25, locales: ['de_DE'], platforms: [] };
    expect(formatDiffValue(rule)).toBe('true · ramp-up 25% · locales de_DE');
    expect(formatDiffValue({ a: 'x'.repeat(400) })).toHaveLength(160);
  });
});

describe('diffEntries', () => {
  it('lists changed, then added, then removed flags with their fields before -> after', () => {
    const entries = diffEntries(diff);
    expect(entries.map((e) => [e.kind, e.name])).toEqual([
      ['changed', 'threeDs'],
      ['added', 'newRouting'],
      ['removed', 'legacyRetry'],
    ]);
    expect(entries[0]?.fields).toEqual([
      { path: '/defaultValue/value', label: 'default value', before: 'false', after: 'true' },
      { path: '/rules/0/rampUp', label: 'rule 1 › ramp-up', before: '10%', after: '50%' },
      { path: '/isActive', label: 'active', before: 'active', after: 'inactive' },
    ]);
    expect(entries[1]?.fields[0]).toMatchObject({ label: 'default value', before: '(none)', after: 'true' });
    expect(entries[2]?.fields[2]).toMatchObject({ label: 'rules', before: 'no rules', after: '(none)' });
    expect(metaFields(diff)).toEqual([{ path: '/version', label: 'version', before: '"2026.11.1"', after: '"2026.11.2"' }]);
  });
});

describe('diffItems', () => {
  it('lists every differing flag by key, described only when asked, as diffEntries describes it', () => {
    const items = diffItems(diff);
    expect(items.map((i) => [i.kind, i.key])).toEqual(diffEntries(diff).map((e) => [e.kind, e.key]));
    expect(items.map(describeItem)).toEqual(diffEntries(diff));
    expect(items.filter((i) => matchesFilter(i, 'ROUTING')).map((i) => i.key)).toEqual([diff.added[0]?.key]);
  });
});

describe('diffHeadline', () => {
  it('counts what changes', () => {
    expect(diffHeadline(diffCounts(diff))).toBe('3 flags change (1 changed, 1 added, 1 removed)');
    expect(diffHeadline(diffCounts({ ...diff, added: [], removed: [] }))).toBe('1 flag changes (1 changed)');
    expect(diffHeadline(diffCounts({ added: [], removed: [], changed: [], unchanged: 3, metaChanged: [] }))).toBe('No flag changes');
  });
});
