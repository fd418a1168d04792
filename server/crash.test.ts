/**
 * S2: kill -9 the server during a write storm, restart, repeat (3 rounds here; the soak,
 * bench/soak-crash.ts, runs 20). The rounds and their checks live in trust/crash-rounds.ts.
 */
import { describe, expect, it } from 'vitest';
import { crashRounds } from './trust/crash-rounds';

const ROUNDS = Number(process.env.SWITCHYARD_CRASH_ROUNDS ?? 3);

describe('crash safety (kill -9 during a write storm)', () => {
  it(`loses no acknowledged write over ${ROUNDS} crashes; the store opens and history stays contiguous`, { timeout: 60_000 + ROUNDS * 15_000 }, async () => {
    const report = await crashRounds(ROUNDS);
    expect(report.violations).toEqual([]);
    // The storm really wrote between kills, and the checks had something to check.
    expect(report.acknowledged).toBeGreaterThan(ROUNDS * 4);
    expect(report.versions).toBeGreaterThan(ROUNDS * 4);
  });
});
