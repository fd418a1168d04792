/**
 * Parity mismatch spikes: runs of parity reports with status `mismatch` in which at least
 * `minMismatches` fall within `windowMs` (defaults: 5 in 10 minutes). A spike is detected at the
 * report that reaches the count, lasts while every further mismatch keeps the count of the last
 * `windowMs` at the threshold, and ends at the first mismatch that does not (or when they stop).
 */
import { SPIKE_MIN_MISMATCHES, SPIKE_WINDOW_MS, type Detection } from './model';

export interface ParitySpike {
  id: string;
  rolloutId: string;
  namespace: string;
  /** The first mismatch of the run (epoch ms). */
  firstAt: number;
  /** When the count reached the threshold: the detection. */
  detectedAt: number;
  /** The last mismatch of the run. */
  lastAt: number;
  /** Mismatches from firstAt to lastAt. */
  mismatches: number;
}

export interface SpikeOptions {
  windowMs?: number;
  minMismatches?: number;
}

/** Spikes of one rollout, from its mismatch times in ascending order. */
export function paritySpikes(rolloutId: string, namespace: string, times: readonly number[], options: SpikeOptions = {}): ParitySpike[] {
  const windowMs = options.windowMs ?? SPIKE_WINDOW_MS;
  const min = Math.max(1, options.minMismatches ?? SPIKE_MIN_MISMATCHES);
  const spikes: ParitySpike[] = [];
  let open: ParitySpike | null = null;
  let lo = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] ?? 0;
    while ((times[lo] ?? t) <= t - windowMs) lo++;
    const count = i - lo + 1;
    if (open) {
      if (count >= min) {
        open.lastAt = t;
        open.mismatches++;
        continue;
      }
      spikes.push(open);
      open = null;
    }
    if (count >= min) {
      const firstAt = times[lo] ?? t;
      open = { id: `${rolloutId}@${t}`, rolloutId, namespace, firstAt, detectedAt: t, lastAt: t, mismatches: count };
    }
  }
  if (open) spikes.push(open);
  return spikes;
}

export const spikeDetection = (s: ParitySpike): Detection => ({
  kind: 'parity_spike',
  at: s.detectedAt,
  namespace: s.namespace,
  rolloutId: s.rolloutId,
  ref: s.id,
  label: `Parity mismatch spike: ${s.mismatches} mismatches in ${s.rolloutId}`,
});
