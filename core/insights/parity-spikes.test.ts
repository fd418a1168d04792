import { describe, expect, it } from 'vitest';
import { paritySpikes } from './parity-spikes';

const MIN = 60_000;
const at = (...minutes: number[]) => minutes.map((m) => m * MIN);

describe('paritySpikes', () => {
  it('detects a spike at the mismatch that makes five within ten minutes', () => {
    const spikes = paritySpikes('conv', 'conversations', at(0, 20, 21, 22, 23, 24, 25, 29, 50));
    expect(spikes).toEqual([{ id: `conv@${24 * MIN}`, rolloutId: 'conv', namespace: 'conversations', firstAt: 20 * MIN, detectedAt: 24 * MIN, lastAt: 29 * MIN, mismatches: 7 }]);
  });

  it('scattered mismatches are no spike; ten minutes apart is outside the window', () => {
    expect(paritySpikes('conv', 'c', at(0, 3, 6, 9, 12, 15, 18))).toEqual([]);
    expect(paritySpikes('conv', 'c', at(0, 1, 2, 3, 10))).toEqual([]);
    expect(paritySpikes('conv', 'c', at(0, 1, 2, 3, 9.99))).toHaveLength(1);
  });

  it('a spike ends when the count drops, and a later run is a second spike', () => {
    const spikes = paritySpikes('conv', 'c', at(0, 1, 2, 3, 4, 30, 60, 61, 62, 63, 64), { minMismatches: 5 });
    expect(spikes.map((s) => [s.detectedAt / MIN, s.lastAt / MIN, s.mismatches])).toEqual([
      [4, 4, 5],
      [64, 64, 5],
    ]);
    expect(paritySpikes('conv', 'c', at(0, 1), { minMismatches: 2, windowMs: 5 * MIN })).toHaveLength(1);
  });
});
