import { describe, expect, it } from 'vitest';
import { makeEvent, makeSummary } from '../../../../mocks/data';
import {
  DEFAULT_PARAMS,
  failureRateText,
  filterNamespaces,
  isBehindLatest,
  nextSort,
  overviewRows,
  overviewTotals,
  parseOverviewParams,
  sortNamespaces,
  toSearchParams,
} from './overview';

const names = (items: { name: string }[]) => items.map((n) => n.name);

const items = [
  makeSummary({
    name: 'payments',
    activeVersion: 9,
    latestVersion: 11,
    flagCount: 3,
    rollbacks7d: 3,
    killSwitch: { enabled: true, changedAt: null, changedBy: 'oncall', reason: 'outage' },
    lastChange: makeEvent({ at: '2026-11-20T10:00:00Z', actor: 'oncall@x.dev', reason: 'Provider outage' }),
  }),
  makeSummary({
    name: 'checkout',
    description: 'Checkout flow',
    activeVersion: 14,
    latestVersion: 14,
    flagCount: 4,
    rollbacks7d: 1,
    lastChange: makeEvent({ at: '2026-11-21T09:00:00Z', actor: 'maria@x.dev', reason: 'Ramp address form' }),
  }),
  makeSummary({ name: 'search10', activeVersion: 27, latestVersion: 27, flagCount: 4 }),
  makeSummary({ name: 'search9', activeVersion: 2, latestVersion: 2, flagCount: 6 }),
];

describe('URL state', () => {
  it('reads defaults from an empty query string and leaves them out when writing', () => {
    expect(parseOverviewParams(new URLSearchParams())).toEqual(DEFAULT_PARAMS);
    expect(toSearchParams(DEFAULT_PARAMS).toString()).toBe('');
  });

  it('round-trips a search and a sort', () => {
    const params = { q: 'pay', sort: 'version', dir: 'asc' } as const;
    expect(parseOverviewParams(toSearchParams(params))).toEqual(params);
    expect(toSearchParams(params).toString()).toBe('q=pay&sort=version&dir=asc');
  });

  it('ignores unknown sort keys and directions', () => {
    expect(parseOverviewParams(new URLSearchParams('sort=drop&dir=up'))).toEqual(DEFAULT_PARAMS);
    expect(parseOverviewParams(new URLSearchParams('sort=rollbacks'))).toEqual({ q: '', sort: 'rollbacks', dir: 'desc' });
  });
});

describe('nextSort', () => {
  it('flips the direction of the current column', () => {
    expect(nextSort(DEFAULT_PARAMS, 'name')).toEqual({ sort: 'name', dir: 'desc' });
  });

  it('starts another column at its natural direction (biggest or latest first)', () => {
    expect(nextSort(DEFAULT_PARAMS, 'lastChange')).toEqual({ sort: 'lastChange', dir: 'desc' });
  });
});

describe('filterNamespaces', () => {
  it('matches name, description, author and reason, case-insensitively, every term', () => {
    expect(names(filterNamespaces(items, 'PAY'))).toEqual(['payments']);
    expect(names(filterNamespaces(items, 'checkout flow'))).toEqual(['checkout']);
    expect(names(filterNamespaces(items, 'maria'))).toEqual(['checkout']);
    expect(names(filterNamespaces(items, 'outage'))).toEqual(['payments']);
    expect(names(filterNamespaces(items, 'search nothing'))).toEqual([]);
  });

  it('returns everything for a blank search', () => {
    expect(filterNamespaces(items, '   ')).toHaveLength(4);
  });
});

describe('sortNamespaces', () => {
  it('sorts names naturally (search9 before search10)', () => {
    expect(names(sortNamespaces(items, 'name', 'asc'))).toEqual(['checkout', 'payments', 'search9', 'search10']);
    expect(names(sortNamespaces(items, 'name', 'desc'))).toEqual(['search10', 'search9', 'payments', 'checkout']);
  });

  it('sorts numbers and breaks ties by name', () => {
    expect(names(sortNamespaces(items, 'flags', 'desc'))).toEqual(['search9', 'checkout', 'search10', 'payments']);
    expect(names(sortNamespaces(items, 'version', 'asc'))).toEqual(['search9', 'payments', 'checkout', 'search10']);
  });

  it('puts killed namespaces first when sorting by status', () => {
    expect(names(sortNamespaces(items, 'status', 'desc'))[0]).toBe('payments');
  });

  it('puts namespaces that never changed last for "latest change first"', () => {
    expect(names(sortNamespaces(items, 'lastChange', 'desc'))).toEqual(['checkout', 'payments', 'search9', 'search10']);
  });

  it('does not mutate its input', () => {
    const before = names(items);
    sortNamespaces(items, 'rollbacks', 'desc');
    expect(names(items)).toEqual(before);
  });
});

describe('overview', () => {
  it('filters, then sorts', () => {
    expect(names(overviewRows(items, { q: 'search', sort: 'version', dir: 'desc' }))).toEqual(['search10', 'search9']);
  });

  it('sorts by the 7-day failure rate, namespaces without changes last, and writes it as a percentage', () => {
    const rated = items.map((n, i) => ({ ...n, changeFailureRate7d: [0.25, null, 0, 0.0625][i] ?? null }));
    expect(sortNamespaces(rated, 'failureRate', 'desc').map((n) => n.changeFailureRate7d)).toEqual([0.25, 0.0625, 0, null]);
    expect(rated.map(failureRateText)).toEqual(['25%', '—', '0%', '6.3%']);
  });

  it('totals namespaces, killed ones and rollbacks', () => {
    expect(overviewTotals(items)).toEqual({ total: 4, killed: 1, rollbacks7d: 4 });
  });

  it('flags a namespace whose live version is older than its newest', () => {
    expect(isBehindLatest(items[0] as (typeof items)[number])).toBe(true);
    expect(isBehindLatest(items[1] as (typeof items)[number])).toBe(false);
  });
});
