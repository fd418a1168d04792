/**
 * Simulated V1 and V2 traffic (pure and deterministic per rollout and minute, so re-sending a
 * minute sends the same window): a daily shape with noise, V2 a little different from V1, jido
 * routing decisions from core/rollout/routing.ts decide(), parity outputs with a few recurring
 * mismatch patterns, and regression episodes that the guards should catch.
 */
import type { DecisionAction, MetricWindow, ParityIngest, ParityOutput, RoutingPolicy, Variant } from '@core/rollout/model';
import { decide } from '@core/rollout/routing';
import type { JsonValue } from '@core/model';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** FNV-1a over a string, then a mulberry32 step: a uniform number in [0, 1) per key. */
export function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A bell-shaped number (mean 0, sd 1, triangular) per key. */
export function gauss(key: string): number {
  return (unit(`${key}:a`) + unit(`${key}:b`) - 1) * Math.sqrt(6);
}

export interface VariantProfile {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errorRate: number;
  memoryMb: number;
  cpuPct: number;
}

export interface MismatchPattern {
  /** Share of parity comparisons that show it. */
  rate: number;
  kind: 'field' | 'v2_extra' | 'v1_extra' | 'legacy_unavailable';
  /** For field: the output type and the data path changed by V2. */
  type: string;
  field?: string[];
}

export interface TrafficProfile {
  rolloutId: string;
  /** Requests per minute at the daily peak and trough. */
  peakPerMinute: number;
  troughPerMinute: number;
  /** Hour of the day (UTC) of the peak. */
  peakHourUtc: number;
  v1: VariantProfile;
  v2: VariantProfile;
  /** Share of V1's traffic mirrored to V2 in shadow mode (V2 runs, outputs are only compared). */
  shadowMirror: number;
  /** Signals per minute that go through jido's routing decision (what the reporter counts). */
  signalsPerMinute: number;
  subjects: string[];
  tenants: string[];
  channels: string[];
  outputs: (subject: string, n: number) => ParityOutput[];
  patterns: MismatchPattern[];
  adapter: string;
}

export type EpisodeKind = 'errors' | 'latency' | 'memory';

/** A regression of V2 for a while: what the guards are there to catch. */
export interface Episode {
  start: number;
  minutes: number;
  kind: EpisodeKind;
  /** errors: V2 error rate; latency: V2 latency multiplier; memory: V2 memory multiplier. */
  magnitude: number;
}

export const activeEpisode = (episodes: readonly Episode[], t: number): Episode | undefined =>
  episodes.find((e) => t >= e.start && t < e.start + e.minutes * MINUTE);

/** Requests per minute at `t`: a daily cosine between trough and peak, with 6% noise. */
export function trafficAt(p: TrafficProfile, t: number): number {
  const hour = ((t % DAY) / 3_600_000 + 24) % 24;
  const phase = Math.cos(((hour - p.peakHourUtc) / 24) * 2 * Math.PI);
  const base = p.troughPerMinute + ((p.peakPerMinute - p.troughPerMinute) * (phase + 1)) / 2;
  return Math.max(1, base * (1 + 0.06 * gauss(`${p.rolloutId}:traffic:${Math.floor(t / MINUTE)}`)));
}

/** The window of one variant for the minute starting at `t`, given V2's share of traffic (0..100). */
export function windowAt(p: TrafficProfile, variant: Variant, t: number, sharePct: number, episodes: readonly Episode[] = []): MetricWindow {
  const total = trafficAt(p, t);
  const v2Share = sharePct > 0 ? sharePct / 100 : p.shadowMirror;
  const requests = Math.max(0, Math.round(variant === 'v2' ? total * v2Share : total * (1 - sharePct / 100)));
  const prof = variant === 'v2' ? p.v2 : p.v1;
  const key = `${p.rolloutId}:${variant}:${Math.floor(t / MINUTE)}`;
  const ep = variant === 'v2' ? activeEpisode(episodes, t) : undefined;
  const lat = (1 + 0.04 * gauss(`${key}:lat`)) * (ep?.kind === 'latency' ? ep.magnitude : 1);
  const load = 0.85 + (0.3 * total) / p.peakPerMinute;
  const errorRate = ep?.kind === 'errors' ? ep.magnitude * (1 + 0.1 * gauss(`${key}:err`)) : prof.errorRate * (1 + 0.3 * gauss(`${key}:err`));
  const memory = prof.memoryMb * (1 + 0.02 * gauss(`${key}:mem`)) * (ep?.kind === 'memory' ? ep.magnitude : 1);
  return {
    variant,
    start: t,
    seconds: 60,
    requests,
    errors: Math.min(requests, Math.max(0, Math.round(requests * Math.max(0, errorRate)))),
    latencyP50Ms: round(prof.p50Ms * lat * load),
    latencyP95Ms: round(prof.p95Ms * lat * load),
    latencyP99Ms: round(prof.p99Ms * lat * load * (1 + 0.05 * Math.abs(gauss(`${key}:p99`)))),
    latencyAvgMs: round(((prof.p50Ms + prof.p95Ms) / 2) * lat * load),
    memoryMb: round(memory),
    cpuPct: round(Math.min(100, prof.cpuPct * load * (1 + 0.05 * gauss(`${key}:cpu`)))),
  };
}

const round = (x: number): number => Math.round(x * 10) / 10;

export interface Decisions {
  counts: Record<DecisionAction, number>;
  reasons: Record<string, number>;
  /** Signals sampled for parity this minute (of those routed one by one). */
  sampled: { id: string; subject: string }[];
  /** How many signals were sampled in all (more than `sampled` when only some were routed one by one). */
  sampledCount: number;
}

/**
 * The routing decisions of the minute's signals (jido decide), deterministic per minute. With
 * `evaluate` below the number of signals, that many are routed one by one and the counts scaled
 * (the demo backfill: a week of minutes in well under a second).
 */
export function decisionsAt(p: TrafficProfile, t: number, policy: RoutingPolicy, evaluate = Number.POSITIVE_INFINITY): Decisions {
  const minute = Math.floor(t / MINUTE);
  const scale = trafficAt(p, t) / p.peakPerMinute;
  const total = Math.max(1, Math.round(p.signalsPerMinute * scale));
  const n = Math.min(total, Math.max(1, Math.floor(evaluate)));
  const factor = total / n;
  const counts: Record<DecisionAction, number> = { enqueue_runtime: 0, parity_only: 0, drop: 0 };
  const reasons: Record<string, number> = {};
  const sampled: { id: string; subject: string }[] = [];
  for (let i = 0; i < n; i++) {
    const key = `${p.rolloutId}:sig:${minute}:${i}`;
    const subject = pick(p.subjects, unit(`${key}:s`));
    const signal = { id: `${p.rolloutId}-${minute}-${i}`, subject, tenantId: pick(p.tenants, unit(`${key}:t`)), channel: pick(p.channels, unit(`${key}:c`)) };
    const d = decide(signal, policy);
    counts[d.action] += 1;
    reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    if (d.sampled) sampled.push({ id: signal.id, subject });
  }
  if (factor !== 1) {
    for (const k of ['enqueue_runtime', 'parity_only', 'drop'] as const) counts[k] = Math.round(counts[k] * factor);
    for (const k of Object.keys(reasons)) reasons[k] = Math.round((reasons[k] ?? 0) * factor);
  }
  // Expected samples of the minute, so the counters keep jido's rate even when few signals were routed one by one.
  const sampledCount = factor === 1 ? sampled.length : Math.round(total * (policy.parity.enabled ? policy.parity.sampleRate : 0) * ((counts.enqueue_runtime + counts.parity_only) / Math.max(1, total)));
  return { counts, reasons, sampled, sampledCount };
}

const pick = <T>(xs: readonly T[], u: number): T => xs[Math.min(xs.length - 1, Math.floor(u * xs.length))] as T;

function setPath(data: JsonValue, path: readonly string[], value: JsonValue): JsonValue {
  if (path.length === 0 || data === null || typeof data !== 'object' || Array.isArray(data)) return value;
  const [head, ...rest] = path;
  if (head === undefined) return value;
  return { ...data, [head]: setPath(data[head] ?? {}, rest, value) };
}

/** Which of the profile's patterns a signal shows (null: both sides agree); the choice parityFor makes, without building outputs. */
export function patternFor(p: TrafficProfile, signalId: string, episode?: Episode): MismatchPattern | null {
  const u = unit(`${signalId}:pattern`);
  const boost = episode?.kind === 'errors' ? 0.5 : 0;
  let acc = 0;
  for (const pattern of p.patterns) {
    acc += pattern.rate + (pattern === p.patterns[0] ? boost : 0);
    if (u < acc) return pattern;
  }
  return null;
}

/** Both sides' outputs for a sampled signal: equal, or differing by one of the profile's patterns. */
export function parityFor(p: TrafficProfile, signal: { id: string; subject: string }, comparedAt: string, episode?: Episode): ParityIngest {
  const n = 1 + Math.floor(unit(`${signal.id}:n`) * 3);
  const v1 = p.outputs(signal.subject, n);
  let v2 = v1.map((o) => ({ ...o }));
  const pattern = patternFor(p, signal.id, episode);
  switch (pattern?.kind) {
    case 'legacy_unavailable':
      return { subject: signal.subject, comparedAt, adapter: p.adapter, v1Outputs: null, v2Outputs: v2, reason: 'legacy_adapter_not_configured' };
    case 'v2_extra':
      v2 = [...v2, { type: pattern.type, subject: signal.subject, data: { signalId: signal.id } }];
      break;
    case 'v1_extra':
      return { subject: signal.subject, comparedAt, adapter: p.adapter, v1Outputs: [...v1, { type: pattern.type, subject: signal.subject, data: {} }], v2Outputs: v2 };
    case 'field': {
      const i = v2.findIndex((o) => o.type === pattern.type);
      const target = v2[i];
      if (target && pattern.field) v2[i] = { ...target, data: setPath(target.data, pattern.field, Math.round(unit(`${signal.id}:v`) * 100)) };
      break;
    }
    default:
      break;
  }
  return { subject: signal.subject, comparedAt, adapter: p.adapter, v1Outputs: v1, v2Outputs: v2 };
}
