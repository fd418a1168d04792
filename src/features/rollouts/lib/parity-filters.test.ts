import { describe, expect, it } from 'vitest';
import { hasFilters, parseParityFilters, writeParityFilters } from './parity-filters';

describe('parity filters in the URL', () => {
  it('reads known statuses and triage states and ignores the rest', () => {
    expect(parseParityFilters(new URLSearchParams('status=mismatch&triage=untriaged&pattern=%20v2%20extra%3A%20x%20'))).toEqual({
      status: 'mismatch',
      triage: 'untriaged',
      pattern: 'v2 extra: x',
    });
    expect(parseParityFilters(new URLSearchParams('status=broken&triage=maybe&subject='))).toEqual({});
  });

  it('writes filters back, keeping other parameters and dropping empty ones', () => {
    const next = writeParityFilters(new URLSearchParams('report=12&status=match'), { triage: 'bug', pattern: 'a; b' });
    expect(next.toString()).toBe('report=12&triage=bug&pattern=a%3B+b');
    expect(parseParityFilters(next)).toEqual({ triage: 'bug', pattern: 'a; b' });
  });

  it('knows when a filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ subject: 'conv-1' })).toBe(true);
  });
});
