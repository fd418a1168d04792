/**
 * jido's routing decision for one signal (`JidoConversation.Rollout.decide/1`): where it goes,
 * why, and whether it is sampled for parity. Pure and deterministic, so the traffic simulator
 * and the dashboard's "what would happen to this signal" agree with each other.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { CanaryConfig, DecisionAction, KnownDecisionReason, ParitySampling, RolloutMode, RoutingPolicy, RoutingSignal } from './model';

export interface RoutingDecision {
  mode: RolloutMode;
  action: DecisionAction;
  reason: KnownDecisionReason;
  canaryMatch: boolean;
  /** Whether this signal's outputs are to be compared (never for dropped signals). */
  sampled: boolean;
}

/** jido samples at a resolution of 1/10 000. */
export const SAMPLING_BUCKETS = 10_000;

const encoder = new TextEncoder();

/**
 * The signal's sampling bucket, 0..9999: the first 4 bytes of sha256(id) scaled to 10 000
 * buckets. jido used `:erlang.phash2(id, 10_000)`; we keep its resolution with a hash that
 * exists in every runtime, so buckets differ from jido's but are equally stable.
 */
export function samplingBucket(signalId: string): number {
  const digest = sha256(encoder.encode(signalId));
  const head = (((digest[0] ?? 0) << 24) | ((digest[1] ?? 0) << 16) | ((digest[2] ?? 0) << 8) | (digest[3] ?? 0)) >>> 0;
  return Math.floor((head * SAMPLING_BUCKETS) / 2 ** 32);
}

/** Deterministic per signal id: sampled when enabled, rate > 0 and bucket/10 000 < rate. */
export function isParitySampled(signalId: string, parity: ParitySampling): boolean {
  if (!parity.enabled || !(parity.sampleRate > 0)) return false;
  return samplingBucket(signalId) / SAMPLING_BUCKETS < parity.sampleRate;
}

const listed = (list: readonly string[], value: string | null | undefined): boolean =>
  value !== undefined && value !== null && list.includes(value);

/** Canary disabled: everything matches. Enabled: subject OR tenant OR channel allowlisted (all empty: nothing). */
export function canaryMatches(signal: RoutingSignal, canary: CanaryConfig): boolean {
  if (!canary.enabled) return true;
  return listed(canary.subjects, signal.subject) || listed(canary.tenantIds, signal.tenantId) || listed(canary.channels, signal.channel);
}

/**
 * disabled -> drop (`rollout_disabled`); no canary match -> drop (`canary_filtered`);
 * event_based -> enqueue_runtime (`enabled`); shadow -> parity_only (`shadow_mode`).
 * Minimal mode short-circuits to enqueue_runtime (`minimal_mode_enabled`), unsampled.
 */
export function decide(signal: RoutingSignal, policy: RoutingPolicy): RoutingDecision {
  if (policy.minimalMode) {
    return { mode: 'event_based', action: 'enqueue_runtime', reason: 'minimal_mode_enabled', canaryMatch: true, sampled: false };
  }
  if (policy.mode === 'disabled') {
    return { mode: 'disabled', action: 'drop', reason: 'rollout_disabled', canaryMatch: false, sampled: false };
  }
  if (!canaryMatches(signal, policy.canary)) {
    return { mode: policy.mode, action: 'drop', reason: 'canary_filtered', canaryMatch: false, sampled: false };
  }
  const sampled = isParitySampled(signal.id, policy.parity);
  return policy.mode === 'event_based'
    ? { mode: 'event_based', action: 'enqueue_runtime', reason: 'enabled', canaryMatch: true, sampled }
    : { mode: 'shadow', action: 'parity_only', reason: 'shadow_mode', canaryMatch: true, sampled };
}
