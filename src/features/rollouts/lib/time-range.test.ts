import { describe, expect, it } from 'vitest';
import { fromLocalInput, parseRange, rangeKeyPart, resolveRange, tickFormatFor, timeTicks, toLocalInput, writeRange } from './time-range';

const at = Date.UTC(2026, 1, 19, 18, 5, 30);

describe('parseRange', () => {
  it('reads presets and falls back to 6h for anything else', () => {
    expect(parseRange(new URLSearchParams('range=7d'))).toEqual({ key: '7d' });
    expect(parseRange(new URLSearchParams('range=2y'))).toEqual({ key: '6h' });
    expect(parseRange(new URLSearchParams(''))).toEqual({ key: '6h' });
  });

  it('reads a custom range in ISO or epoch ms, and refuses one that ends before it starts', () => {
    expect(parseRange(new URLSearchParams('range=custom&from=2026-02-19T10:00:00Z&to=2026-02-19T12:00:00Z'))).toEqual({
      key: 'custom',
      from: Date.UTC(2026, 1, 19, 10),
      to: Date.UTC(2026, 1, 19, 12),
    });
    expect(parseRange(new URLSearchParams(`range=custom&from=${at}&to=${at + 1000}`))).toEqual({ key: 'custom', from: at, to: at + 1000 });
    expect(parseRange(new URLSearchParams(`range=custom&from=${at}&to=${at - 1}`))).toEqual({ key: '6h' });
    expect(parseRange(new URLSearchParams('range=custom&from=yesterday&to=today'))).toEqual({ key: '6h' });
  });
});

describe('writeRange', () => {
  it('keeps other parameters, drops the default, writes custom times as ISO', () => {
    expect(writeRange(new URLSearchParams('metric=p99&range=1h'), { key: '6h' }).toString()).toBe('metric=p99');
    expect(writeRange(new URLSearchParams('from=1&to=2'), { key: '24h' }).toString()).toBe('range=24h');
    const custom = writeRange(new URLSearchParams(), { key: 'custom', from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2) });
    expect(custom.get('from')).toBe('2026-01-01T00:00:00.000Z');
    expect(parseRange(custom)).toEqual({ key: 'custom', from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2) });
  });
});

describe('resolveRange', () => {
  it('ends presets at the next minute boundary so refetches within a minute ask for the same windows', () => {
    const r = resolveRange({ key: '1h' }, at);
    expect(r.to).toBe(Date.UTC(2026, 1, 19, 18, 6));
    expect(r.to - r.from).toBe(3_600_000);
    expect(resolveRange({ key: '1h' }, at + 20_000)).toEqual(r);
  });

  it('passes custom ranges through', () => {
    expect(resolveRange({ key: 'custom', from: 1, to: 2 }, at)).toEqual({ key: 'custom', from: 1, to: 2 });
  });

  it('keys presets by name and custom ranges by their times', () => {
    expect(rangeKeyPart({ key: '7d' })).toEqual(['7d']);
    expect(rangeKeyPart({ key: 'custom', from: 1, to: 2 })).toEqual(['custom', 1, 2]);
  });
});

describe('local inputs and ticks', () => {
  it('round-trips datetime-local text', () => {
    const ms = new Date(2026, 1, 19, 9, 30).getTime();
    expect(toLocalInput(ms)).toBe('2026-02-19T09:30');
    expect(fromLocalInput('2026-02-19T09:30')).toBe(ms);
    expect(fromLocalInput('19/02/2026')).toBeNull();
  });

  it('shows times for short spans and dates for long ones', () => {
    const t = new Date(2026, 1, 19, 9, 30).getTime();
    expect(tickFormatFor(3_600_000)(t)).toBe('09:30');
    expect(tickFormatFor(7 * 86_400_000)(t)).toBe('19 Feb');
  });
});

describe('timeTicks', () => {
  it('puts at most seven ticks on round local times', () => {
    const from = new Date(2026, 1, 19, 9, 7).getTime();
    const hour = timeTicks(from, from + 3_600_000);
    expect(hour.map((t) => new Date(t).getMinutes())).toEqual([10, 20, 30, 40, 50, 0]);
    const week = timeTicks(from, from + 7 * 86_400_000);
    expect(week).toHaveLength(7);
    expect(week.every((t) => new Date(t).getHours() === 0 && new Date(t).getMinutes() === 0)).toBe(true);
    expect(timeTicks(from, from + 6 * 3_600_000).length).toBeLessThanOrEqual(7);
  });
});
