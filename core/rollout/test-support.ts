/**
 * Builders for the rollout unit tests: minute-aligned windows with healthy defaults that a
 * test overrides field by field. Not used by production code.
 */
import type { MetricWindow, Variant } from './model';

/** 2026-02-19T18:00:00.000Z, a minute boundary. */
export const T0 = Date.UTC(2026, 1, 19, 18, 0, 0);
export const MIN = 60_000;

/** Minute `minute` after T0 as an ISO string. */
export const isoAt = (minute: number): string => new Date(T0 + minute * MIN).toISOString();

export function win(variant: Variant, minute: number, over: Partial<MetricWindow> = {}): MetricWindow {
  return {
    variant,
    start: T0 + minute * MIN,
    seconds: 60,
    requests: 100,
    errors: 0,
    latencyP50Ms: 100,
    latencyP95Ms: 200,
    latencyP99Ms: 300,
    memoryMb: 500,
    cpuPct: 40,
    ...over,
  };
}

/** V1 and V2 windows for each minute in [from, from + count), V2 overridden by `v2`, V1 by `v1`. */
export function minutes(from: number, count: number, v2: Partial<MetricWindow> = {}, v1: Partial<MetricWindow> = {}): MetricWindow[] {
  const out: MetricWindow[] = [];
  for (let m = from; m < from + count; m++) out.push(win('v1', m, v1), win('v2', m, v2));
  return out;
}

/** A deterministic shuffle (mulberry32), for order-independence tests. */
export function shuffled<T>(items: readonly T[], seed = 42): T[] {
  let a = seed >>> 0;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const x = out[i];
    const y = out[j];
    if (x !== undefined && y !== undefined) {
      out[i] = y;
      out[j] = x;
    }
  }
  return out;
}
