/** Parity review (O6-O8): reports, patterns, triage (one report or a whole pattern), on-demand compare. */
import type { z } from 'zod';
import type {
  CompareResponse,
  ParityPatternsResponse,
  ParityReportDetail,
  ParityReportPage,
  ParityReportsQuery,
  PatternTriageResponse,
  TriageResponse,
  TriageStatus,
} from '@contract/rollouts';
import { compareOutputs } from '@core/rollout/parity';
import { mismatchPattern } from '@core/rollout/parity-pattern';
import type { Clock } from '../clock';
import { ApiError, notFound } from '../errors';
import type { ChangeFeed } from '../live/change-feed';
import { idempotencyKeyReused } from '../registry/service';
import type { RolloutStore, TriageRow } from '../store/rollout-types';
import type { IdempotencyClaim, IdempotencyRecord } from '../store/types';
import { parityDetailDto, parityDto, triageDto } from './views';

export interface TriageCtx {
  actor: string;
  idempotency?: IdempotencyClaim;
}

export interface Replied<T> {
  status: number;
  body: T;
  replayed: boolean;
}

function replay<T>(record: IdempotencyRecord, ctx: TriageCtx): Replied<T> {
  if (ctx.idempotency && record.fingerprint !== ctx.idempotency.fingerprint) throw idempotencyKeyReused();
  return { status: record.status, body: record.body as T, replayed: true };
}

export class ParityReview {
  constructor(
    private readonly store: RolloutStore,
    private readonly clock: Clock,
    private readonly feed: ChangeFeed,
  ) {}

  private async rollout(id: string) {
    const r = await this.store.getRollout(id);
    if (!r) throw notFound(`rollout ${id}`);
    return r;
  }

  async reports(id: string, q: z.infer<typeof ParityReportsQuery>): Promise<z.infer<typeof ParityReportPage>> {
    await this.rollout(id);
    const { items, total } = await this.store.parityReports(id, q);
    const last = items.at(-1);
    return { items: items.map(parityDto), total, nextBefore: last && items.length === q.limit ? last.id : null };
  }

  async report(id: string, reportId: number): Promise<ParityReportDetail> {
    await this.rollout(id);
    const row = await this.store.parityReport(id, reportId);
    if (!row) throw notFound(`parity report ${reportId} of rollout ${id}`);
    return parityDetailDto(row);
  }

  async patterns(id: string): Promise<z.infer<typeof ParityPatternsResponse>> {
    await this.rollout(id);
    const items = (await this.store.patterns(id)).map((p) => ({ ...p, patternTriage: triageDto(p.patternTriage) }));
    return { rolloutId: id, items, totals: await this.store.parityTotals(id) };
  }

  private triageRow(status: TriageStatus | null, note: string | undefined, ctx: TriageCtx, viaPattern: boolean): TriageRow | null {
    if (status === null) return null;
    return { status, note: note === undefined || note === '' ? null : note, by: ctx.actor, at: this.clock().toISOString(), viaPattern };
  }

  async triage(id: string, reportId: number, status: TriageStatus | null, note: string | undefined, ctx: TriageCtx): Promise<Replied<z.infer<typeof TriageResponse>>> {
    const rollout = await this.rollout(id);
    const at = this.clock().toISOString();
    const existing = await this.store.parityReport(id, reportId);
    const outcome = await this.store.triageReport(
      id,
      reportId,
      this.triageRow(status, note, ctx, false),
      {
        at,
        namespace: rollout.namespace,
        actor: ctx.actor,
        action: 'parity.triage',
        reason: note || (status === null ? 'Triage cleared' : `Triaged as ${status}`),
        fromVersion: null,
        toVersion: null,
        details: { rolloutId: id, reportId, triage: status, subject: existing?.subject ?? null, pattern: existing?.pattern ?? null, before: existing?.triage?.status ?? null },
      },
      (row, event) => ({ status: 200, body: { report: parityDto(row), event } }),
      ctx.idempotency,
    );
    switch (outcome.kind) {
      case 'missing':
        throw notFound(`parity report ${reportId} of rollout ${id}`);
      case 'replay':
        return replay(outcome.record, ctx);
      case 'committed':
        this.feed.publish({ event: outcome.event, state: null });
        return { ...outcome.response, replayed: false };
    }
  }

  async triagePattern(
    id: string,
    pattern: string,
    status: TriageStatus | null,
    note: string | undefined,
    ctx: TriageCtx,
  ): Promise<Replied<z.infer<typeof PatternTriageResponse>>> {
    const rollout = await this.rollout(id);
    const outcome = await this.store.triagePattern(
      id,
      pattern,
      this.triageRow(status, note, ctx, true),
      {
        at: this.clock().toISOString(),
        namespace: rollout.namespace,
        actor: ctx.actor,
        action: 'parity.triage',
        reason: note || (status === null ? 'Pattern triage cleared' : `Pattern triaged as ${status}`),
        fromVersion: null,
        toVersion: null,
        details: { rolloutId: id, pattern, triage: status, wholePattern: true },
      },
      (row, updated, event) => ({ status: 200, body: { pattern: { ...row, patternTriage: triageDto(row.patternTriage) }, updated, event } }),
      ctx.idempotency,
    );
    switch (outcome.kind) {
      case 'missing':
        throw new ApiError('NotFound', `rollout ${id} has no parity pattern ${JSON.stringify(pattern)}`, '/pattern');
      case 'replay':
        return replay(outcome.record, ctx);
      case 'committed':
        this.feed.publish({ event: outcome.event, state: null });
        return { ...outcome.response, replayed: false };
    }
  }

  /** Re-runs the comparison over the newest kept outputs of the subject; stores nothing. */
  async compare(id: string, subject: string): Promise<z.infer<typeof CompareResponse>> {
    await this.rollout(id);
    const source = await this.store.latestParityWithOutputs(id, subject);
    if (!source?.outputs) {
      throw new ApiError('NotFound', `no outputs are stored for subject ${JSON.stringify(subject)} (the latest 1,000 parity reports keep them)`, '/subject');
    }
    const c = compareOutputs(source.outputs.v1, source.outputs.v2);
    const pattern = mismatchPattern(c);
    return {
      subject,
      comparedAt: this.clock().toISOString(),
      source: { reportId: source.id, comparedAt: source.comparedAt, status: source.status },
      status: c.status,
      eventOutputCount: c.eventOutputCount,
      legacyOutputCount: c.legacyOutputCount,
      missingInLegacy: c.missingInLegacy,
      missingInEvent: c.missingInEvent,
      onlyInV1: c.onlyInV1,
      onlyInV2: c.onlyInV2,
      pattern,
      v1Outputs: source.outputs.v1,
      v2Outputs: source.outputs.v2,
      sameAsStored: c.status === source.status && pattern === source.pattern,
    };
  }
}
