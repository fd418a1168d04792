import { describe, expect, it } from 'vitest';
import { entryLink, eventsQuery, fromLocalInput, NO_FILTERS, parseAuditFilters, presetRange, toAuditSearch, toLocalInput } from './audit-filters';

describe('audit filters', () => {
  it('round-trips through the URL in a stable order and drops what is unset or invalid', () => {
    const f = parseAuditFilters(new URLSearchParams('to=nonsense&action=snapshot.rollback&actor=ada&namespace=payments&from=2026-11-20T10:00:00Z'));
    expect(f).toEqual({ namespace: 'payments', actor: 'ada', action: 'snapshot.rollback', from: '2026-11-20T10:00:00.000Z', to: null });
    expect(toAuditSearch(f).toString()).toBe('namespace=payments&actor=ada&action=snapshot.rollback&from=2026-11-20T10%3A00%3A00.000Z');
    expect(parseAuditFilters(new URLSearchParams('action=snapshot.delete'))).toEqual(NO_FILTERS);
  });

  it('makes the events query from the filters that are set', () => {
    expect(eventsQuery({ ...NO_FILTERS, actor: ' lee ', to: '2026-01-01T00:00:00.000Z' })).toEqual({ actor: 'lee', to: '2026-01-01T00:00:00.000Z' });
  });

  it('turns a preset into absolute times', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    expect(presetRange('24h', now)).toEqual({ from: '2026-11-20T12:00:00.000Z', to: null });
    expect(presetRange('any', now)).toEqual({ from: null, to: null });
  });

  it('converts between ISO instants and local datetime inputs', () => {
    const local = toLocalInput('2026-11-21T12:34:00.000Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe('2026-11-21T12:34:00.000Z');
    expect(fromLocalInput('')).toBeNull();
  });
});

describe('entryLink', () => {
  it('links a version move to its diff, a write to its version, and nothing else', () => {
    expect(entryLink({ namespace: 'pay', fromVersion: 14, toVersion: 12 })).toEqual({
      label: 'v14 → v12',
      href: '/namespaces/pay/diff?from=14&to=12',
      title: 'Diff of pay from v14 to v12',
    });
    expect(entryLink({ namespace: 'pay', fromVersion: null, toVersion: 1 })?.href).toBe('/namespaces/pay/versions/1');
    expect(entryLink({ namespace: 'pay', fromVersion: 9, toVersion: 9 })?.label).toBe('v9');
    expect(entryLink({ namespace: null, fromVersion: null, toVersion: null })).toBeNull();
  });
});
