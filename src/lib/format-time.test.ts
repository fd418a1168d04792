import { format, formatDistanceStrict } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { absoluteTime, clockTime, relativeTime } from './format-time';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('relativeTime', () => {
  it('says "just now" within 45 seconds, either way', () => {
    expect(relativeTime(ago(0), NOW)).toBe('just now');
    expect(relativeTime(ago(44_000), NOW)).toBe('just now');
    expect(relativeTime(ago(-44_000), NOW)).toBe('just now');
  });

  it('words past and future times as date-fns formatDistanceStrict did', () => {
    const offsets = [50_000, 90_000, 12 * 60_000, 59 * 60_000 + 40_000, 3 * 3_600_000, 23 * 3_600_000 + 50 * 60_000, 26 * 3_600_000, 9 * 86_400_000, 29 * 86_400_000, 45 * 86_400_000, 200 * 86_400_000, 400 * 86_400_000, 3 * 365 * 86_400_000];
    for (const ms of [...offsets, ...offsets.map((o) => -o)]) {
      expect(relativeTime(ago(ms), NOW)).toBe(formatDistanceStrict(new Date(NOW - ms), NOW, { addSuffix: true }));
    }
  });

  it('handles unreadable input', () => {
    expect(relativeTime('not a time', NOW)).toBe('unknown time');
  });
});

describe('absoluteTime and clockTime', () => {
  it('prints local date, time and the UTC offset', () => {
    expect(absoluteTime('2026-03-01T12:00:00.000Z')).toMatch(/^2026-03-0[12] \d\d:\d\d:00 UTC[+-]\d\d:\d\d$/);
    for (const iso of ['2026-03-01T12:00:00.000Z', '1999-12-31T23:59:59.000Z', '2026-07-04T00:30:15.500Z']) {
      expect(absoluteTime(iso)).toBe(format(new Date(iso), "yyyy-MM-dd HH:mm:ss 'UTC'xxx"));
    }
    expect(absoluteTime('nope')).toBe('nope');
    expect(clockTime(new Date(2026, 0, 2, 3, 4, 5))).toBe('03:04:05');
  });
});
