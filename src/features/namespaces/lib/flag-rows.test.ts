import { describe, expect, it } from 'vitest';
import { checkoutDetail } from '../../../../mocks/data';
import { filterFlagRows, flagRows, formatFlagValue, NO_FLAG_FILTER, parseFlagFilter, shortFlagName, typesOf, type FlagFilter } from './flag-rows';

describe('flagRows', () => {
  it('turns the live snapshot into sorted rows with type, default, active state and rule counts', () => {
    expect(flagRows(checkoutDetail)).toEqual([
      { key: 'feature::checkout::bannerText', name: 'bannerText', type: 'STRING', defaultValue: '"Free shipping over €50"', active: false, rules: 0, partialRamp: null },
      { key: 'feature::checkout::maxCartItems', name: 'maxCartItems', type: 'INT', defaultValue: '80', active: true, rules: 0, partialRamp: null },
      { key: 'feature::checkout::newAddressForm', name: 'newAddressForm', type: 'BOOLEAN', defaultValue: 'false', active: true, rules: 2, partialRamp: 25 },
      { key: 'feature::checkout::variant', name: 'variant', type: 'ENUM', defaultValue: 'CLASSIC', active: true, rules: 1, partialRamp: 10 },
    ]);
  });
});

describe('natural order', () => {
  it('sorts rows by name with numbers compared as numbers, whatever order the snapshot lists them in', () => {
    const [first] = checkoutDetail.snapshot.flags;
    if (!first) throw new Error('fixture missing');
    const named = (name: string) => ({ ...first, key: `feature::checkout::${name}` });
    const snapshot = { ...checkoutDetail.snapshot, flags: ['flag10', 'Flag3', 'flag2', 'alpha', 'flag1'].map(named) };
    expect(flagRows({ snapshot }).map((r) => r.name)).toEqual(['alpha', 'flag1', 'flag2', 'Flag3', 'flag10']);
  });
});

describe('formatting', () => {
  it('shortens keys to their flag name', () => {
    expect(shortFlagName('feature::checkout::variant')).toBe('variant');
    expect(shortFlagName('plain')).toBe('plain');
  });

  it('renders data classes as compact JSON', () => {
    expect(formatFlagValue({ type: 'DATA_CLASS', dataClassName: 'X', value: { a: 1 } })).toBe('{"a":1}');
  });
});

describe('filterFlagRows', () => {
  const rows = flagRows(checkoutDetail);
  const names = (filter: Partial<FlagFilter>) => filterFlagRows(rows, { ...NO_FLAG_FILTER, ...filter }).map((r) => r.name);

  it('filters by text in the key or default, by type and by active state', () => {
    expect(names({ q: 'cart' })).toEqual(['maxCartItems']);
    expect(names({ q: 'classic' })).toEqual(['variant']);
    expect(names({ type: 'BOOLEAN' })).toEqual(['newAddressForm']);
    expect(names({ active: 'inactive' })).toEqual(['bannerText']);
    expect(names({ active: 'active', type: 'ENUM' })).toEqual(['variant']);
    expect(typesOf(rows)).toEqual(['BOOLEAN', 'ENUM', 'INT', 'STRING']);
  });

  it('reads the filter from the URL, ignoring nonsense', () => {
    expect(parseFlagFilter(new URLSearchParams('q=pay&type=INT&active=nope'))).toEqual({ q: 'pay', type: 'INT', active: 'all' });
  });
});
