import { describe, expect, it } from 'vitest';
import { ageText, degradedText, indicatorModel } from './connection-view';

describe('connection view', () => {
  it('says how old the data is in seconds, minutes or hours', () => {
    expect([0, 4_400, 59_000, 61_000, 3_599_000, 7_300_000].map(ageText)).toEqual(['0 s ago', '4 s ago', '59 s ago', '1 min ago', '59 min ago', '2 h ago']);
  });

  it('names each link state, with the age of the data unless live', () => {
    const now = 100_000;
    expect(indicatorModel('live', 90_000, now)).toMatchObject({ label: 'Live', age: null });
    expect(indicatorModel('polling', 90_000, now)).toMatchObject({ label: 'Polling', age: 'updated 10 s ago' });
    expect(indicatorModel('connecting', null, now)).toMatchObject({ label: 'Connecting…', age: null });
    expect(indicatorModel('connecting', 99_000, now)).toMatchObject({ label: 'Reconnecting…', age: 'updated 1 s ago' });
    expect(indicatorModel('offline', 40_000, now)).toMatchObject({ label: 'Offline', tone: 'offline', age: 'updated 1 min ago' });
  });

  it('writes the degraded banner: since when, the age of the data, and what is paused', () => {
    const since = new Date(2026, 10, 21, 3, 4, 5).getTime();
    expect(degradedText(since, since - 12_000, since + 3_000)).toEqual({
      title: "Can't reach the Switchyard API since 03:04:05.",
      detail: 'Showing data from 15 s ago. Changes are paused until the connection returns.',
    });
    expect(degradedText(since, null, since).detail).toBe('No data has been received yet. Changes are paused until the connection returns.');
  });
});
