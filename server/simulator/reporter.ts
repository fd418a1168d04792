/**
 * A jido-style rollout reporter in memory: cumulative decision, reason and parity counters since
 * it started, and the bounded recent samples and reports, as `rollout_snapshot/0` returned them.
 */
import type { CumulativeReport, DecisionAction, ParityReportSummary, ParitySample, ParityStatus, RoutingPolicy } from '@core/rollout/model';
import type { Decisions } from './model';

const RECENT = 20;

export class CumulativeReporter {
  private decisions: Record<DecisionAction, number> = { enqueue_runtime: 0, parity_only: 0, drop: 0 };
  private reasons: Record<string, number> = {};
  private samples = 0;
  private statuses: Record<ParityStatus, number> = { match: 0, mismatch: 0, legacy_unavailable: 0 };
  private recentSamples: ParitySample[] = [];
  private recentReports: ParityReportSummary[] = [];

  add(d: Decisions, at: string, policy: RoutingPolicy): void {
    for (const k of ['enqueue_runtime', 'parity_only', 'drop'] as const) this.decisions[k] += d.counts[k];
    for (const [k, v] of Object.entries(d.reasons)) this.reasons[k] = (this.reasons[k] ?? 0) + v;
    this.samples += d.sampledCount;
    for (const s of d.sampled.slice(0, 2)) {
      this.recentSamples.push({ signalId: s.id, type: 'signal.in', subject: s.subject, sampledAt: at, mode: policy.mode, action: policy.mode === 'shadow' ? 'parity_only' : 'enqueue_runtime', reason: policy.mode === 'shadow' ? 'shadow_mode' : 'enabled' });
    }
    if (this.recentSamples.length > RECENT) this.recentSamples = this.recentSamples.slice(-RECENT);
  }

  /** A parity report counted without its details (only the recent ones are kept in full). */
  count(status: ParityStatus): void {
    this.statuses[status] += 1;
  }

  report(summary: ParityReportSummary): void {
    this.statuses[summary.status] += 1;
    this.recentReports.push(summary);
    if (this.recentReports.length > RECENT) this.recentReports = this.recentReports.slice(-RECENT);
  }

  snapshot(capturedAt: string): CumulativeReport {
    const reports = this.statuses.match + this.statuses.mismatch + this.statuses.legacy_unavailable;
    return {
      capturedAt,
      recentLimit: RECENT,
      decisionCounts: { ...this.decisions },
      reasonCounts: { ...this.reasons },
      paritySampleCount: this.samples,
      parityReportCount: reports,
      parityStatusCounts: { ...this.statuses },
      recentParitySamples: [...this.recentSamples],
      recentParityReports: [...this.recentReports],
    };
  }
}
