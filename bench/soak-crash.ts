/**
 * S2 soak: 20 rounds of kill -9 during a write storm (4 writers: loads, rollbacks, kill-switch
 * flips), restart on the same database, check (see server/trust/crash-rounds.ts).
 * Run: npx tsx bench/soak-crash.ts
 */
import { crashRounds } from '../server/trust/crash-rounds';
import { isMain, printTable } from './table';

export async function run(): Promise<Record<string, number | string>> {
  const rounds = Number(process.env.SWITCHYARD_CRASH_ROUNDS ?? 20);
  const r = await crashRounds(rounds);
  return {
    rounds: r.rounds,
    acknowledged: r.acknowledged,
    'in flight at kill': r.inFlightAtKill,
    'in flight, committed': r.inFlightCommitted,
    versions: r.versions,
    events: r.events,
    violations: r.violations.length,
    'duration s': Math.round(r.durationMs / 100) / 10,
    ...(r.violations.length > 0 ? { 'first violation': r.violations[0] ?? '' } : {}),
  };
}

if (isMain(import.meta.url)) {
  const figures = await run();
  printTable('S2 crash safety (kill -9 soak)', figures);
  if (figures.violations !== 0) process.exitCode = 1;
}
