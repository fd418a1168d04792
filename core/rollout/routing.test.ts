import { describe, expect, it } from 'vitest';
import type { CanaryConfig, RoutingPolicy } from './model';
import { SAMPLING_BUCKETS, canaryMatches, decide, isParitySampled, samplingBucket } from './routing';

const noCanary: CanaryConfig = { enabled: false, subjects: [], tenantIds: [], channels: [] };
const canary: CanaryConfig = { enabled: true, subjects: ['conv-42'], tenantIds: ['acme'], channels: ['web'] };
const policy = (over: Partial<RoutingPolicy> = {}): RoutingPolicy => ({
  mode: 'event_based',
  canary: noCanary,
  parity: { enabled: false, sampleRate: 0 },
  ...over,
});

describe('samplingBucket', () => {
  it('takes the first 4 bytes of sha256 scaled to 10 000 buckets (known answers)', () => {
    // sha256("abc") starts ba7816bf = 3128432319; floor(3128432319 * 10000 / 2^32) = 7283
    expect(samplingBucket('abc')).toBe(7283);
    // sha256 of the fixture's signal id starts 0ef61bdd = 251010013 -> 584
    expect(samplingBucket('0195a3c2-7f1e-7b2a-9d41-3c5e8f0a1b22')).toBe(584);
  });

  it('stays within 0..9999', () => {
    for (let i = 0; i < 2000; i++) {
      const b = samplingBucket(`sig-${i}`);
      expect(b >= 0 && b < SAMPLING_BUCKETS && Number.isInteger(b)).toBe(true);
    }
  });
});

describe('isParitySampled', () => {
  it('is deterministic per signal id: the bucket ratio is compared with the rate', () => {
    // bucket 584 -> 0.0584
    expect(isParitySampled('0195a3c2-7f1e-7b2a-9d41-3c5e8f0a1b22', { enabled: true, sampleRate: 0.0585 })).toBe(true);
    expect(isParitySampled('0195a3c2-7f1e-7b2a-9d41-3c5e8f0a1b22', { enabled: true, sampleRate: 0.0584 })).toBe(false);
  });

  it('never samples when disabled or at rate 0, always at rate 1', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `sig-${i}`);
    expect(ids.some((id) => isParitySampled(id, { enabled: false, sampleRate: 1 }))).toBe(false);
    expect(ids.some((id) => isParitySampled(id, { enabled: true, sampleRate: 0 }))).toBe(false);
    expect(ids.every((id) => isParitySampled(id, { enabled: true, sampleRate: 1 }))).toBe(true);
  });

  it('samples close to the rate over many ids', () => {
    const n = 20_000;
    let hits = 0;
    for (let i = 0; i < n; i++) if (isParitySampled(`signal-${i}`, { enabled: true, sampleRate: 0.1 })) hits++;
    expect(hits / n).toBeGreaterThan(0.09);
    expect(hits / n).toBeLessThan(0.11);
  });
});

describe('canaryMatches', () => {
  it('matches everything when the canary is disabled', () => {
    expect(canaryMatches({ id: 's' }, noCanary)).toBe(true);
  });

  it('matches on subject OR tenant OR channel', () => {
    expect(canaryMatches({ id: 's', subject: 'conv-42' }, canary)).toBe(true);
    expect(canaryMatches({ id: 's', subject: 'conv-1', tenantId: 'acme' }, canary)).toBe(true);
    expect(canaryMatches({ id: 's', subject: 'conv-1', tenantId: 'other', channel: 'web' }, canary)).toBe(true);
    expect(canaryMatches({ id: 's', subject: 'conv-1', tenantId: 'other', channel: 'sms' }, canary)).toBe(false);
  });

  it('matches nothing when enabled with empty allowlists, and never matches missing fields', () => {
    expect(canaryMatches({ id: 's', subject: 'conv-42' }, { ...noCanary, enabled: true })).toBe(false);
    expect(canaryMatches({ id: 's', subject: null, tenantId: undefined }, canary)).toBe(false);
  });
});

describe('decide', () => {
  const sampledAll = { enabled: true, sampleRate: 1 };

  it('drops everything when disabled, even canary matches, unsampled', () => {
    expect(decide({ id: 'a', subject: 'conv-42' }, policy({ mode: 'disabled', canary, parity: sampledAll }))).toEqual({
      mode: 'disabled',
      action: 'drop',
      reason: 'rollout_disabled',
      canaryMatch: false,
      sampled: false,
    });
  });

  it('enqueues to the runtime in event_based mode when the canary matches', () => {
    expect(decide({ id: 'a', subject: 'conv-42' }, policy({ canary, parity: sampledAll }))).toEqual({
      mode: 'event_based',
      action: 'enqueue_runtime',
      reason: 'enabled',
      canaryMatch: true,
      sampled: true,
    });
  });

  it('routes parity-only in shadow mode', () => {
    expect(decide({ id: 'a' }, policy({ mode: 'shadow' }))).toEqual({
      mode: 'shadow',
      action: 'parity_only',
      reason: 'shadow_mode',
      canaryMatch: true,
      sampled: false,
    });
  });

  it('drops canary misses with canary_filtered in both modes, never sampled', () => {
    for (const mode of ['event_based', 'shadow'] as const) {
      expect(decide({ id: 'a', subject: 'conv-1' }, policy({ mode, canary, parity: sampledAll }))).toEqual({
        mode,
        action: 'drop',
        reason: 'canary_filtered',
        canaryMatch: false,
        sampled: false,
      });
    }
  });

  it('enqueues everything unsampled in minimal mode', () => {
    expect(decide({ id: 'a' }, policy({ mode: 'disabled', minimalMode: true, parity: sampledAll }))).toEqual({
      mode: 'event_based',
      action: 'enqueue_runtime',
      reason: 'minimal_mode_enabled',
      canaryMatch: true,
      sampled: false,
    });
  });

  it('gives the same answer for the same signal every time', () => {
    const p = policy({ parity: { enabled: true, sampleRate: 0.5 } });
    const first = Array.from({ length: 200 }, (_, i) => decide({ id: `id-${i}` }, p).sampled);
    const again = Array.from({ length: 200 }, (_, i) => decide({ id: `id-${i}` }, p).sampled);
    expect(again).toEqual(first);
  });
});
