import { describe, expect, it } from 'vitest';
import fixture from '../../../shared/fixtures/jido/rollout-snapshot.json';
import type { CumulativeReport } from './model';
import { CumulativeReportSchema } from './schemas';
import { DEFAULT_GATE_THRESHOLDS, acceptStreak, evaluateGate, gateCountsFromReport, promotionAllowed, type GateCounts } from './gate';

const report: CumulativeReport = CumulativeReportSchema.parse(fixture);

const counts = (over: Partial<GateCounts> = {}): GateCounts => ({
  enqueueRuntime: 100,
  parityOnly: 0,
  drop: 0,
  parityReports: 20,
  match: 20,
  mismatch: 0,
  legacyUnavailable: 0,
  ...over,
});

describe('evaluateGate on the jido fixture', () => {
  it('accepts: 1240 enqueued, 87 dropped, 48 reports, 1 mismatch, 2 legacy unavailable', () => {
    const g = evaluateGate(report);
    expect(g.status).toBe('accept');
    expect(g.reasons).toEqual([]);
    expect(g.metrics).toEqual({
      enqueueRuntime: 1240,
      parityOnly: 0,
      drop: 87,
      parityReports: 48,
      match: 45,
      mismatch: 1,
      legacyUnavailable: 2,
      runtimeDecisions: 1240,
      totalDecisions: 1327,
      dropRate: 87 / 1327,
      mismatchRate: 1 / 48,
      legacyUnavailableRate: 2 / 48,
    });
    expect(g.thresholds).toEqual(DEFAULT_GATE_THRESHOLDS);
  });

  it('lists the checklist in plain English with the measured values', () => {
    expect(evaluateGate(report).checks.map((c) => [c.id, c.label, c.detail, c.ok])).toEqual([
      ['runtime_decisions', 'At least 25 runtime decisions', '1,240 runtime decisions', true],
      ['parity_reports', 'At least 10 parity reports', '48 parity reports', true],
      ['mismatch_rate', 'Parity mismatches in at most 5% of parity reports', '2.1% (1 of 48 reports)', true],
      ['legacy_unavailable_rate', 'Legacy (V1) output unavailable in at most 10% of parity reports', '4.2% (2 of 48 reports)', true],
      ['drop_rate', 'At most 20% of signals dropped', '6.6% (87 of 1,327 decisions)', true],
    ]);
  });
});

describe('evaluateGate: holds', () => {
  it('holds on too few runtime decisions (parity_only counts as runtime)', () => {
    expect(evaluateGate(counts({ enqueueRuntime: 20, parityOnly: 4 }))).toMatchObject({ status: 'hold', reasons: ['insufficient_runtime_decisions'] });
    expect(evaluateGate(counts({ enqueueRuntime: 20, parityOnly: 5 })).status).toBe('accept');
  });

  it('holds on too few parity reports', () => {
    expect(evaluateGate(counts({ parityReports: 9, match: 9 }))).toMatchObject({ status: 'hold', reasons: ['insufficient_parity_reports'] });
  });

  it('holds when legacy output is unavailable too often (> 10%)', () => {
    expect(evaluateGate(counts({ parityReports: 20, legacyUnavailable: 3 }))).toMatchObject({ status: 'hold', reasons: ['legacy_unavailable_rate_exceeded'] });
    expect(evaluateGate(counts({ parityReports: 20, legacyUnavailable: 2 })).status).toBe('accept');
  });

  it('holds with zero everything: rates over nothing are 0, minimums fail', () => {
    const g = evaluateGate(counts({ enqueueRuntime: 0, parityReports: 0, match: 0 }));
    expect(g).toMatchObject({ status: 'hold', reasons: ['insufficient_runtime_decisions', 'insufficient_parity_reports'] });
    expect([g.metrics.dropRate, g.metrics.mismatchRate, g.metrics.legacyUnavailableRate]).toEqual([0, 0, 0]);
  });
});

describe('evaluateGate: rollback recommended', () => {
  it('recommends rollback above 5% mismatches', () => {
    expect(evaluateGate(counts({ parityReports: 20, mismatch: 2 }))).toMatchObject({ status: 'rollback_recommended', reasons: ['parity_mismatch_rate_exceeded'] });
    expect(evaluateGate(counts({ parityReports: 20, mismatch: 1 })).status).toBe('accept');
  });

  it('recommends rollback above 20% drops of all decisions', () => {
    expect(evaluateGate(counts({ enqueueRuntime: 79, drop: 21 }))).toMatchObject({ status: 'rollback_recommended', reasons: ['drop_rate_exceeded'] });
    expect(evaluateGate(counts({ enqueueRuntime: 80, drop: 20 })).status).toBe('accept');
  });

  it('lets rollback reasons win and lists the hold reasons after them, as jido did', () => {
    const g = evaluateGate(counts({ enqueueRuntime: 10, drop: 10, parityReports: 5, mismatch: 1, legacyUnavailable: 1 }));
    expect(g.status).toBe('rollback_recommended');
    expect(g.reasons).toEqual([
      'parity_mismatch_rate_exceeded',
      'drop_rate_exceeded',
      'insufficient_runtime_decisions',
      'insufficient_parity_reports',
      'legacy_unavailable_rate_exceeded',
    ]);
    expect(g.checks.filter((c) => !c.ok).map((c) => c.onFail)).toEqual(['hold', 'hold', 'rollback_recommended', 'hold', 'rollback_recommended']);
  });

  it('uses custom thresholds', () => {
    const strict = { ...DEFAULT_GATE_THRESHOLDS, maxMismatchRate: 0 };
    expect(evaluateGate(report, strict)).toMatchObject({ status: 'rollback_recommended', reasons: ['parity_mismatch_rate_exceeded'] });
  });
});

describe('gateCountsFromReport', () => {
  it('counts statuses from the recent reports when the snapshot has no status counts (older jido)', () => {
    const { parityStatusCounts: _omitted, ...older } = report;
    expect(gateCountsFromReport(older)).toMatchObject({ parityReports: 48, mismatch: 1, match: 0, legacyUnavailable: 0 });
  });
});

describe('promotionAllowed', () => {
  it('needs the last two gate verdicts to be accept', () => {
    expect(promotionAllowed([])).toBe(false);
    expect(promotionAllowed(['accept'])).toBe(false);
    expect(promotionAllowed(['accept', 'accept'])).toBe(true);
    expect(promotionAllowed(['hold', 'accept', 'accept'])).toBe(true);
    expect(promotionAllowed(['accept', 'hold', 'accept'])).toBe(false);
    expect(promotionAllowed(['accept', 'accept', 'rollback_recommended'])).toBe(false);
    expect(promotionAllowed(['accept'], 1)).toBe(true);
  });

  it('counts the trailing accept streak', () => {
    expect(acceptStreak(['accept', 'hold', 'accept', 'accept', 'accept'])).toBe(3);
    expect(acceptStreak(['accept', 'hold'])).toBe(0);
  });
});
