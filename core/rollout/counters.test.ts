import { describe, expect, it } from 'vitest';
import fixture from '../../../shared/fixtures/jido/rollout-snapshot.json';
import type { CumulativeReport } from './model';
import { CumulativeReportSchema } from './schemas';
import { counterRates, counterReasonKeys } from './counters';

const base: CumulativeReport = CumulativeReportSchema.parse(fixture); // captured 18:10:00

/** A report at 18:10 + `seconds`, with counts replaced. */
function later(seconds: number, over: Partial<CumulativeReport>): CumulativeReport {
  return { ...base, capturedAt: new Date(Date.parse(base.capturedAt) + seconds * 1000).toISOString(), ...over };
}

describe('counterRates', () => {
  it('gives the deltas between successive reports and their per-minute rates', () => {
    const next = later(120, {
      decisionCounts: { enqueue_runtime: 1480, parity_only: 0, drop: 97 },
      reasonCounts: { enabled: 1480, canary_filtered: 97 },
      paritySampleCount: 336,
      parityReportCount: 52,
      parityStatusCounts: { match: 48, mismatch: 2, legacy_unavailable: 2 },
    });
    const [p] = counterRates([base, next]);
    expect(p).toEqual({
      at: Date.parse('2026-02-19T18:12:00.000Z'),
      capturedAt: '2026-02-19T18:12:00.000Z',
      seconds: 120,
      reset: false,
      decisions: { enqueue_runtime: 240, parity_only: 0, drop: 10 },
      reasons: { canary_filtered: 10, enabled: 240 },
      parity: { samples: 24, reports: 4, match: 3, mismatch: 1, legacy_unavailable: 0 },
      perMinute: {
        decisions: { enqueue_runtime: 120, parity_only: 0, drop: 5 },
        reasons: { canary_filtered: 5, enabled: 120 },
        parity: { samples: 12, reports: 2, match: 1.5, mismatch: 0.5, legacy_unavailable: 0 },
      },
    });
  });

  it('sorts by capturedAt first', () => {
    const a = later(60, { decisionCounts: { enqueue_runtime: 1300, parity_only: 0, drop: 87 }, reasonCounts: { enabled: 1300, canary_filtered: 87 } });
    const points = counterRates([a, base]);
    expect(points.map((p) => [p.seconds, p.decisions.enqueue_runtime, p.reset])).toEqual([[60, 60, false]]);
  });

  it('detects a reset when any counter decreases, and counts the interval from zero', () => {
    const afterReset = later(60, {
      decisionCounts: { enqueue_runtime: 30, parity_only: 0, drop: 2 },
      reasonCounts: { enabled: 30, canary_filtered: 2 },
      paritySampleCount: 4,
      parityReportCount: 1,
      parityStatusCounts: { match: 1, mismatch: 0, legacy_unavailable: 0 },
    });
    const next = later(120, {
      decisionCounts: { enqueue_runtime: 90, parity_only: 0, drop: 2 },
      reasonCounts: { enabled: 90, canary_filtered: 2 },
      paritySampleCount: 10,
      parityReportCount: 3,
      parityStatusCounts: { match: 3, mismatch: 0, legacy_unavailable: 0 },
    });
    const [r, n] = counterRates([base, afterReset, next]);
    expect(r).toMatchObject({
      reset: true,
      decisions: { enqueue_runtime: 30, parity_only: 0, drop: 2 },
      reasons: { enabled: 30, canary_filtered: 2 },
      parity: { samples: 4, reports: 1, match: 1, mismatch: 0, legacy_unavailable: 0 },
    });
    expect(n).toMatchObject({ reset: false, decisions: { enqueue_runtime: 60, drop: 0 }, parity: { samples: 6, reports: 2 } });
  });

  it('treats a counter that grew past its old value after a reset as counted since the reset', () => {
    // decisions dropped (reset) while paritySampleCount happens to be higher than before
    const r = later(60, { decisionCounts: { enqueue_runtime: 5, parity_only: 0, drop: 0 }, reasonCounts: { enabled: 5 }, paritySampleCount: 400 });
    expect(counterRates([base, r])[0]).toMatchObject({ reset: true, parity: { samples: 400 } });
  });

  it('detects a reset from a reason that disappears', () => {
    const r = later(60, { reasonCounts: { enabled: 1240 } });
    expect(counterRates([base, r])[0]).toMatchObject({ reset: true, reasons: { enabled: 1240, canary_filtered: 0 } });
  });

  it('counts a new reason from zero and keeps unchanged reasons at 0', () => {
    const r = later(30, {
      decisionCounts: { enqueue_runtime: 1240, parity_only: 0, drop: 90 },
      reasonCounts: { enabled: 1240, canary_filtered: 87, rollout_disabled: 3 },
    });
    const [p] = counterRates([base, r]);
    expect(p).toMatchObject({ reset: false, reasons: { enabled: 0, canary_filtered: 0, rollout_disabled: 3 } });
    expect(p?.perMinute.reasons).toEqual({ canary_filtered: 0, enabled: 0, rollout_disabled: 6 });
    expect(counterReasonKeys(counterRates([base, r]))).toEqual(['canary_filtered', 'enabled', 'rollout_disabled']);
  });

  it('keeps a reason named __proto__ as a plain key', () => {
    const r = later(60, { reasonCounts: { ...base.reasonCounts, ...JSON.parse('{"__proto__": 4}') } });
    const [p] = counterRates([base, r]);
    expect(Object.hasOwn(p?.reasons ?? {}, '__proto__')).toBe(true);
    expect(p?.reasons['__proto__']).toBe(4);
  });

  it('gives no point for a report with the same time, which becomes the baseline', () => {
    const same = later(0, { decisionCounts: { enqueue_runtime: 1250, parity_only: 0, drop: 87 } });
    const next = later(60, { decisionCounts: { enqueue_runtime: 1260, parity_only: 0, drop: 87 } });
    expect(counterRates([base, same, next]).map((p) => p.decisions.enqueue_runtime)).toEqual([10]);
  });

  it('leaves status deltas at 0 when a report lacks status counts, without calling it a reset', () => {
    const { parityStatusCounts: _omitted, ...older } = later(60, { paritySampleCount: 320, parityReportCount: 49 });
    const [p] = counterRates([base, older]);
    expect(p).toMatchObject({ reset: false, parity: { samples: 8, reports: 1, match: 0, mismatch: 0, legacy_unavailable: 0 } });
  });

  it('needs two reports', () => {
    expect(counterRates([])).toEqual([]);
    expect(counterRates([base])).toEqual([]);
  });
});
