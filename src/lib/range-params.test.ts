import { describe, expect, it } from 'vitest';
import { parseRangeParam, presetMs, rangeKey, resolveRangeValue, writeRangeParam } from './range-params';

const spec = { presets: ['7d', '30d', '90d'] as const, fallback: '30d' as const };
const tl = { presets: ['24h', '7d', '30d'] as const, fallback: '7d' as const, param: 'tl' };

describe('range params', () => {
  it('reads presets and custom ranges, falling back on anything unreadable', () => {
    expect(parseRangeParam(new URLSearchParams('range=7d'), spec)).toEqual({ key: '7d' });
    expect(parseRangeParam(new URLSearchParams('range=1y'), spec)).toEqual({ key: '30d' });
    expect(parseRangeParam(new URLSearchParams('range=custom&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z'), spec)).toEqual({
      key: 'custom',
      from: Date.parse('2026-11-01T00:00:00Z'),
      to: Date.parse('2026-11-02T00:00:00Z'),
    });
    expect(parseRangeParam(new URLSearchParams('range=custom&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z'), spec)).toEqual({ key: '30d' });
    expect(parseRangeParam(new URLSearchParams('tl=24h&range=7d'), tl)).toEqual({ key: '24h' });
  });

  it('writes under its prefix, leaving other parameters alone; the fallback leaves no trace', () => {
    const s = new URLSearchParams('range=6h&x=1');
    expect(writeRangeParam(s, { key: 'custom', from: 0, to: 60_000 }, tl).toString()).toBe(
      'range=6h&x=1&tl=custom&tlFrom=1970-01-01T00%3A00%3A00.000Z&tlTo=1970-01-01T00%3A01%3A00.000Z',
    );
    expect(writeRangeParam(new URLSearchParams('tl=24h&tlFrom=x'), { key: '7d' }, tl).toString()).toBe('');
  });

  it('resolves presets to the next full minute', () => {
    const now = Date.parse('2026-11-21T12:00:30Z');
    expect(resolveRangeValue({ key: '24h' }, now)).toEqual({ from: Date.parse('2026-11-20T12:01:00Z'), to: Date.parse('2026-11-21T12:01:00Z') });
    expect(presetMs('30d')).toBe(30 * 86_400_000);
    expect(rangeKey({ key: 'custom', from: 1, to: 2 })).toEqual(['custom', 1, 2]);
  });
});
