import { describe, expect, it } from 'vitest';
import { counterRates } from '@core/rollout/counters';
import type { CumulativeReport } from '@core/rollout/model';
import { isoAt } from '@core/rollout/test-support';
import { DECISION_LABELS, summarizeCounters, toDecisionSeries, toReasonSeries } from './to-counter-series';

function report(minute: number, runtime: number, drop: number, reasons: Record<string, number>): CumulativeReport {
  return {
    capturedAt: isoAt(minute),
    decisionCounts: { enqueue_runtime: runtime, parity_only: 0, drop },
    reasonCounts: reasons,
    paritySampleCount: 0,
    parityReportCount: 0,
    recentParitySamples: [],
    recentParityReports: [],
  };
}

const reports = [
  report(0, 100, 10, { enabled: 100, canary_filtered: 10 }),
  report(1, 160, 12, { enabled: 160, canary_filtered: 12 }),
  report(3, 260, 16, { enabled: 260, canary_filtered: 16 }),
  // The reporter restarted: counts begin again from zero.
  report(4, 30, 1, { enabled: 30, canary_filtered: 1 }),
];

describe('toDecisionSeries', () => {
  it('gives decisions per minute by action, and totals over the range', () => {
    const s = toDecisionSeries(counterRates(reports));
    expect(s.keys).toEqual(['enqueue_runtime', 'parity_only', 'drop']);
    expect(s.rows.map((r) => [r.values.enqueue_runtime, r.values.drop])).toEqual([
      [60, 2],
      [50, 2],
      [30, 1],
    ]);
    expect(s.totals).toEqual({ enqueue_runtime: 60 + 100 + 30, parity_only: 0, drop: 2 + 4 + 1 });
    // Highest stacked rate 62/min: round ticks up to 100.
    expect(s.ticks).toEqual([0, 25, 50, 75, 100]);
  });

  it('marks the report after a reset', () => {
    const s = toDecisionSeries(counterRates(reports));
    expect(s.rows.map((r) => r.reset)).toEqual([false, false, true]);
    expect(s.resets).toEqual([Date.parse(isoAt(4))]);
  });

  it('is empty with fewer than two reports', () => {
    const s = toDecisionSeries(counterRates(reports.slice(0, 1)));
    expect(s.rows).toEqual([]);
    expect(summarizeCounters(s, (k) => k)).toBe('No counter reports in this time range.');
  });
});

describe('toReasonSeries', () => {
  it('lists every reason seen, busiest first, counting a new reason from zero', () => {
    const withNew = [...reports.slice(0, 2), { ...report(2, 170, 12, { enabled: 170, canary_filtered: 12, shadow_mode: 4 }) }];
    const s = toReasonSeries(counterRates(withNew));
    expect(s.keys).toEqual(['enabled', 'shadow_mode', 'canary_filtered']);
    expect(s.totals).toEqual({ enabled: 70, shadow_mode: 4, canary_filtered: 2 });
    expect(s.rows[1]?.values).toEqual({ enabled: 10, canary_filtered: 0, shadow_mode: 4 });
  });
});

describe('summarizeCounters', () => {
  it('reads out the latest rates and the resets', () => {
    const s = toDecisionSeries(counterRates(reports));
    expect(summarizeCounters(s, (k) => DECISION_LABELS[k as keyof typeof DECISION_LABELS])).toBe(
      'Latest: Runtime (V2) 30/min, Parity only 0/min, Dropped 1/min. 1 reporter reset in this range.',
    );
  });
});
