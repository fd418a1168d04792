import { describe, expect, it } from 'vitest';
import type { FlagDto } from '@contract/schemas';
import { diffLinks, downloadName, parseVersionTab, snapshotJson, versionFlagRows } from './version-view';

const rule = (rampUp: number) => ({
  value: { type: 'BOOLEAN' as const, value: true },
  type: 'STATIC' as const,
  rampUp,
  rampUpAllowlist: [],
  locales: [],
  platforms: [],
  versionRange: { type: 'UNBOUNDED' as const },
  axes: {},
});
const flag = (key: string, overrides: Partial<FlagDto> = {}): FlagDto => ({
  key,
  defaultValue: { type: 'BOOLEAN', value: false },
  salt: 'v1',
  isActive: true,
  rampUpAllowlist: [],
  rules: [],
  ...overrides,
});

describe('version view', () => {
  it('reads the tab from the URL, defaulting to the flags', () => {
    expect(parseVersionTab('json')).toBe('json');
    expect(parseVersionTab(null)).toBe('flags');
    expect(parseVersionTab('other')).toBe('flags');
  });

  it('names the download after the namespace and version', () => {
    expect(downloadName('payments', 12)).toBe('payments-v12.json');
    expect(downloadName('a/b c', 3)).toBe('a_b_c-v3.json');
  });

  it('pretty-prints the snapshot with a final newline', () => {
    expect(snapshotJson({ flags: [] })).toBe('{\n  "flags": []\n}\n');
  });

  it('sorts flags by short name and summarises their rules and ramp-up', () => {
    const rows = versionFlagRows({
      flags: [
        flag('feature::ns::flag10', { rules: [rule(100), rule(25)] }),
        flag('feature::ns::flag2', { defaultValue: { type: 'STRING', value: 'hi' }, isActive: false }),
      ],
    });
    expect(rows).toEqual([
      { key: 'feature::ns::flag2', name: 'flag2', type: 'STRING', defaultValue: '"hi"', active: false, rules: 0, rampUp: '—' },
      { key: 'feature::ns::flag10', name: 'flag10', type: 'BOOLEAN', defaultValue: 'false', active: true, rules: 2, rampUp: '25%' },
    ]);
  });

  it('links to the changes since the parent and to live, when they differ', () => {
    expect(diffLinks('pay', { version: 12, parentVersion: 11 }, 14).map((l) => l.href)).toEqual([
      '/namespaces/pay/diff?from=11&to=12',
      '/namespaces/pay/diff?from=12&to=14',
    ]);
    expect(diffLinks('pay', { version: 1, parentVersion: null }, 1)).toEqual([]);
  });
});
