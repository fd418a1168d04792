import { describe, expect, it } from 'vitest';
import { bucketIndex, bucketsBetween, bucketStart, isTimeZone, offsetAt, zonedToInstant } from './time-buckets';

const iso = (ms: number) => new Date(ms).toISOString();
const hours = (b: { starts: number[]; ends: number[] }) => b.starts.map((s, i) => ((b.ends[i] ?? s) - s) / 3_600_000);

describe('time zones', () => {
  it('knows IANA names and refuses anything else', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    for (const bad of ['Mars/Olympus', '', '../../etc/passwd', 'Europe/Berlin; DROP', 'x'.repeat(80)]) expect(isTimeZone(bad)).toBe(false);
  });

  it('maps local wall-clock times to instants, forward across a spring-forward gap, earlier in a fall-back overlap', () => {
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(iso(zonedToInstant(2026, 3, 29, 2, 30, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedToInstant(2026, 10, 25, 2, 30, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    // Chile moves from 24:00 to 01:00: the day has no midnight and starts at the transition.
    expect(iso(zonedToInstant(2026, 9, 6, 0, 0, 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('buckets', () => {
  it('cuts days at local midnight: 23 hours on the spring-forward day, 25 on the fall-back day', () => {
    const spring = bucketsBetween(Date.parse('2026-03-28T12:00:00Z'), Date.parse('2026-03-30T12:00:00Z'), 'day', 'Europe/Berlin');
    expect(spring.starts.map(iso)).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(hours(spring)).toEqual([24, 23, 24]);
    const fall = bucketsBetween(Date.parse('2026-10-25T00:00:00Z'), Date.parse('2026-10-26T00:00:00Z'), 'day', 'Europe/Berlin');
    expect(hours(fall)).toEqual([25, 24]);
    const chile = bucketsBetween(Date.parse('2026-09-05T12:00:00Z'), Date.parse('2026-09-07T12:00:00Z'), 'day', 'America/Santiago');
    expect(chile.starts.map(iso)).toEqual(['2026-09-05T04:00:00.000Z', '2026-09-06T04:00:00.000Z', '2026-09-07T03:00:00.000Z']);
  });

  it('cuts hours at local full hours (half-hour zones too); the repeated fall-back hour is two buckets', () => {
    const kolkata = bucketsBetween(Date.parse('2026-11-01T03:10:00Z'), Date.parse('2026-11-01T05:00:00Z'), 'hour', 'Asia/Kolkata');
    expect(kolkata.starts.map(iso)).toEqual(['2026-11-01T02:30:00.000Z', '2026-11-01T03:30:00.000Z', '2026-11-01T04:30:00.000Z']);
    const ny = bucketsBetween(Date.parse('2026-11-01T04:00:00Z'), Date.parse('2026-11-01T08:00:00Z'), 'hour', 'America/New_York');
    expect(ny.starts.map(iso)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z', '2026-11-01T07:00:00.000Z']);
    expect(hours(ny)).toEqual([1, 1, 1, 1]);
  });

  it('starts weeks on Monday at local midnight', () => {
    expect(iso(bucketStart(Date.parse('2026-11-21T12:00:00Z'), 'week', 'UTC'))).toBe('2026-11-16T00:00:00.000Z');
    expect(iso(bucketStart(Date.parse('2026-11-16T03:00:00Z'), 'week', 'America/New_York'))).toBe('2026-11-09T05:00:00.000Z');
    const weeks = bucketsBetween(Date.parse('2026-10-20T00:00:00Z'), Date.parse('2026-11-01T00:00:00Z'), 'week', 'Europe/Berlin');
    expect(hours(weeks)).toEqual([169, 168]);
  });

  it('every bucket is present, and events find theirs by binary search', () => {
    const b = bucketsBetween(Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-08T00:00:00Z'), 'day', 'UTC');
    expect(b.starts).toHaveLength(7);
    expect(bucketIndex(b, Date.parse('2026-11-01T00:00:00Z'))).toBe(0);
    expect(bucketIndex(b, Date.parse('2026-11-04T23:59:59.999Z'))).toBe(3);
    expect(bucketIndex(b, Date.parse('2026-11-08T00:00:00Z'))).toBe(-1);
    expect(bucketIndex(b, Date.parse('2026-10-31T23:59:59Z'))).toBe(-1);
  });
});
