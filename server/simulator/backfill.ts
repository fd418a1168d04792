/**
 * History for the demo: per-minute V1/V2 windows, a cumulative report every 5 minutes and some
 * parity reports over a time range, following the rollout's stage timeline and regression
 * episodes. Pure; the demo seeding writes the result in one transaction per rollout.
 */
import type { CumulativeReport, MetricWindow, ParityIngest, RoutingPolicy } from '@core/rollout/model';
import { summarizeParity } from '@core/rollout/parity';
import { activeEpisode, decisionsAt, parityFor, patternFor, windowAt, type Episode, type TrafficProfile } from './model';
import { CumulativeReporter } from './reporter';

const MINUTE = 60_000;

/** From `at` on, V2 takes `share`% and signals are routed by `policy`. */
export interface StagePoint {
  at: number;
  share: number;
  policy: RoutingPolicy;
}

export interface Backfill {
  windows: MetricWindow[];
  reports: CumulativeReport[];
  parity: ParityIngest[];
}

export function backfill(p: TrafficProfile, timeline: readonly StagePoint[], episodes: readonly Episode[], from: number, to: number, options: { reportEvery?: number; parityEvery?: number } = {}): Backfill {
  const reportEvery = options.reportEvery ?? 5;
  const parityEvery = options.parityEvery ?? 4;
  const out: Backfill = { windows: [], reports: [], parity: [] };
  const reporter = new CumulativeReporter();
  const sorted = [...timeline].sort((a, b) => a.at - b.at);
  let stage = 0;
  for (let t = Math.floor(from / MINUTE) * MINUTE, i = 0; t < to; t += MINUTE, i++) {
    while (stage + 1 < sorted.length && (sorted[stage + 1]?.at ?? Infinity) <= t) stage++;
    const point = sorted[stage];
    if (!point || t < point.at) continue;
    out.windows.push(windowAt(p, 'v1', t, point.share, episodes), windowAt(p, 'v2', t, point.share, episodes));
    const at = new Date(t + 59_000).toISOString();
    const d = decisionsAt(p, t, point.policy, 3);
    reporter.add(d, at, point.policy);
    // The reporter counts a parity report per sampled signal; a few are kept as full comparisons,
    // and during a regression episode every one (so its mismatch spike is there to review).
    const episode = activeEpisode(episodes, t);
    for (let k = 0; k < d.sampledCount; k++) {
      const s = { id: `${p.rolloutId}-${Math.floor(t / MINUTE)}-s${k}`, subject: p.subjects[(Math.floor(t / MINUTE) * 7 + k * 13) % p.subjects.length] ?? 'subject' };
      if (episode !== undefined || (k === 0 && i % parityEvery === 0)) {
        const ingest = parityFor(p, s, at, episode);
        reporter.report(summarizeParity(ingest));
        out.parity.push(ingest);
      } else {
        const pattern = patternFor(p, s.id, episode);
        reporter.count(pattern === null ? 'match' : pattern.kind === 'legacy_unavailable' ? 'legacy_unavailable' : 'mismatch');
      }
    }
    if (i % reportEvery === reportEvery - 1) out.reports.push(reporter.snapshot(at));
  }
  return out;
}
