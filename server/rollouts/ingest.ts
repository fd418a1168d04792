/**
 * Reporter ingest (O12): metric windows (upserted by variant and start, then the guards engine
 * runs), the jido cumulative snapshot (one per capturedAt), and parity comparisons (the server
 * runs the multiset comparison, keeps the differing outputs and the pattern).
 *
 * Bounds (per rollout): metric windows 14 days (older ones are dropped on arrival and pruned);
 * cumulative reports the latest 10,000; parity reports the latest 5,000, of which the latest
 * 1,000 keep both sides' full outputs (the others keep the differing outputs only); pattern
 * counts are kept as aggregates and survive pruning. Request-level limits are INGEST_LIMITS.
 */
import type { z } from 'zod';
import type { MetricsIngestResponse, ParityIngestResponse, ReporterIngestResponse, RolloutDataNotice } from '@contract/rollouts';
import { evaluateGate } from '@core/rollout/gate';
import type { CumulativeReport, MetricWindow, ParityIngest } from '@core/rollout/model';
import { compareOutputs, normalizeOutput, parityIngestSubject, summarizeParity } from '@core/rollout/parity';
import { mismatchPattern } from '@core/rollout/parity-pattern';
import type { Clock } from '../clock';
import { ApiError, notFound } from '../errors';
import type { NewParity, RolloutStore } from '../store/rollout-types';
import { gateCounts } from './gate-reading';
import type { GuardsEngine } from './guards-engine';
import { parityDto } from './views';

const DAY_MS = 86_400_000;

export const RETENTION = Object.freeze({
  windowDays: 14,
  reports: 10_000,
  parityReports: 5_000,
  parityOutputs: 1_000,
});

/** Windows may start at most this far ahead of the server clock (reporter clock skew). */
const MAX_FUTURE_MS = 5 * 60_000;

/** The server's side of a parity ingest: the multiset comparison, the differing outputs and the pattern. */
export function toNewParity(id: string, ingest: ParityIngest, receivedAt: string): NewParity {
  const comparison = compareOutputs(ingest.v1Outputs, ingest.v2Outputs);
  const summary = summarizeParity(ingest, comparison);
  return {
    rolloutId: id,
    subject: parityIngestSubject(ingest),
    comparedAt: new Date(ingest.comparedAt).toISOString(),
    receivedAt,
    status: summary.status,
    adapter: summary.adapter ?? null,
    reason: summary.reason ?? null,
    eventOutputCount: summary.eventOutputCount,
    legacyOutputCount: summary.legacyOutputCount,
    missingInLegacy: summary.missingInLegacy,
    missingInEvent: summary.missingInEvent,
    onlyInV1: comparison.onlyInV1,
    onlyInV2: comparison.onlyInV2,
    pattern: mismatchPattern(comparison),
    outputs: { v1: ingest.v1Outputs === null ? null : ingest.v1Outputs.map(normalizeOutput), v2: ingest.v2Outputs.map(normalizeOutput) },
  };
}

export type NotifyData = (notice: RolloutDataNotice) => void;

export class IngestService {
  constructor(
    private readonly store: RolloutStore,
    private readonly clock: Clock,
    private readonly guards: GuardsEngine,
    private readonly notify: NotifyData = () => {},
  ) {}

  private async exists(id: string) {
    const r = await this.store.getRollout(id);
    if (!r) throw notFound(`rollout ${id}`);
    return r;
  }

  async metrics(id: string, windows: MetricWindow[]): Promise<z.infer<typeof MetricsIngestResponse>> {
    await this.exists(id);
    const now = this.clock();
    const limit = now.getTime() + MAX_FUTURE_MS;
    const ahead = windows.findIndex((w) => w.start > limit);
    if (ahead >= 0) {
      throw new ApiError('BadRequest', `windows/${ahead}/start: the window starts in the future (${new Date(windows[ahead]?.start ?? 0).toISOString()}); check the reporter's clock`, `/windows/${ahead}/start`);
    }
    const keepSince = now.getTime() - RETENTION.windowDays * DAY_MS;
    const stored = await this.store.upsertWindows(id, windows, now.toISOString(), keepSince);
    const guards = await this.guards.evaluate(id);
    this.notify({ rolloutId: id, kind: 'metrics', at: now.toISOString() });
    return { accepted: windows.length, ...stored, guards };
  }

  async reporter(id: string, report: CumulativeReport): Promise<z.infer<typeof ReporterIngestResponse>> {
    const rollout = await this.exists(id);
    const now = this.clock().toISOString();
    const { id: rowId, replaced } = await this.store.insertReport(id, report, now, RETENTION.reports);
    const gate = evaluateGate(gateCounts(report, rollout.countersBaseline), rollout.gate);
    this.notify({ rolloutId: id, kind: 'report', at: now });
    return { id: rowId, capturedAt: report.capturedAt, replaced, gate: { status: gate.status, reasons: gate.reasons } };
  }

  async parity(id: string, ingest: ParityIngest): Promise<z.infer<typeof ParityIngestResponse>> {
    await this.exists(id);
    const now = this.clock().toISOString();
    const { row, duplicate } = await this.store.insertParity(toNewParity(id, ingest, now), { keep: RETENTION.parityReports, keepOutputs: RETENTION.parityOutputs });
    if (!duplicate) this.notify({ rolloutId: id, kind: 'parity', at: now });
    return { report: parityDto(row), duplicate };
  }
}
