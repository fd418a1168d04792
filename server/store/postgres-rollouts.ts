/** The rollout store of the PostgreSQL engine (the SQLite engine's sqlite-rollouts.ts, same semantics). */
import type { AuditEvent } from '@contract/schemas';
import { dedupeWindows } from '@core/rollout/window-math';
import type { CumulativeReport, MetricWindow } from '@core/rollout/model';
import type { BucketSums } from '@core/rollout/series';
import type { Tx } from './postgres-db';
import { bundleOf, patternRow, rolloutRow, type Raw } from './postgres-rollout-rows';
import { applyRolloutWrite, checkRolloutWrite } from './postgres-rollout-writes';
import { claimIdempotency, eventsWhere, insertEvent, insertIdempotency } from './postgres-rows';
import { PARITY_COLUMNS, PRUNE_SLACK, parityParams, patternTriageOf, windowParams } from './shared-rollouts';
import type {
  BreachRow,
  NewParity,
  ObservedPolicy,
  ParityFilter,
  ParityRow,
  PatternRow,
  ReportRow,
  RolloutBundle,
  RolloutCommitOutcome,
  RolloutCommitted,
  RolloutRow,
  RolloutStore,
  TriageRow,
  WindowUpsert,
  RolloutWrite,
} from './rollout-types';
import {
  BUCKET_SUMS_SQL,
  rowToBreach,
  rowToBucketSums,
  rowToParity,
  rowToReport,
  rowToRollout,
  rowToWindow,
  type RawBreach,
  type RawBucket,
  type RawParity,
  type RawPattern,
  type RawReport,
  type RawRollout,
  type RawWindow,
} from './sqlite-rollout-rows';
import type { IdempotencyClaim, IdempotencyRecord, NewEvent, StoredResponse } from './types';

type Txn = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
/** A write whose unique-key conflicts (a racing replica) map to an outcome instead of an error. */
type Guarded = <T>(fn: (tx: Tx) => Promise<T>, onConflict: (constraint: string) => Promise<T | undefined>) => Promise<T>;


async function insertWindow(tx: Tx, id: string, w: MetricWindow, receivedAt: string): Promise<void> {
  await tx.run(
    `INSERT INTO rollout_windows (rollout_id, variant, start, seconds, requests, errors, p50, p95, p99, avg, memory, cpu, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (rollout_id, start, variant) DO UPDATE SET seconds = excluded.seconds, requests = excluded.requests,
       errors = excluded.errors, p50 = excluded.p50, p95 = excluded.p95, p99 = excluded.p99, avg = excluded.avg,
       memory = excluded.memory, cpu = excluded.cpu, received_at = excluded.received_at`,
    windowParams(id, w, receivedAt),
  );
}

/** Sets the triage of the reports matched by `where` (parameters from $6 on). */
function setTriage(tx: Tx, where: string, triage: TriageRow | null, ...args: (string | number)[]): Promise<number> {
  return tx.run(`UPDATE rollout_parity SET triage = $1, triage_note = $2, triage_by = $3, triage_at = $4, triage_via_pattern = $5 WHERE ${where}`, [
    triage?.status ?? null,
    triage?.note ?? null,
    triage?.by ?? null,
    triage?.at ?? null,
    triage?.viaPattern ? 1 : 0,
    ...args,
  ]);
}

async function insertParityRow(tx: Tx, p: NewParity, bounds: { keep: number; keepOutputs: number } | null): Promise<{ row: ParityRow; duplicate: boolean }> {
  const id = p.rolloutId;
  const existing = await tx.get<Raw<RawParity>>('SELECT * FROM rollout_parity WHERE rollout_id = $1 AND subject = $2 AND compared_at = $3', [
    id,
    p.subject,
    p.comparedAt,
  ]);
  if (existing) return { row: rowToParity(existing), duplicate: true };
  let inherited: TriageRow | null = null;
  if (p.status !== 'match') {
    const pat = await tx.get<Raw<RawPattern>>(
      `INSERT INTO rollout_patterns (rollout_id, pattern, status, count, first_seen, last_seen) VALUES ($1, $2, $3, 1, $4, $4)
       ON CONFLICT (rollout_id, pattern) DO UPDATE SET count = rollout_patterns.count + 1,
         first_seen = least(rollout_patterns.first_seen, excluded.first_seen), last_seen = greatest(rollout_patterns.last_seen, excluded.last_seen)
       RETURNING *`,
      [id, p.pattern, p.status, p.comparedAt],
    );
    if (pat) inherited = patternTriageOf(pat);
  }
  const inserted = await tx.get<{ id: number }>(
    `INSERT INTO rollout_parity (${PARITY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    parityParams(p),
  );
  if (!inserted) throw new Error('the parity insert returned nothing');
  if (inherited) await setTriage(tx, 'id = $6', inherited, inserted.id);
  if (bounds) await pruneParity(tx, id, bounds);
  const row = await tx.get<Raw<RawParity>>('SELECT * FROM rollout_parity WHERE id = $1', [inserted.id]);
  if (!row) throw new Error('the parity report vanished inside its own transaction');
  return { row: rowToParity(row), duplicate: false };
}

/** Keeps the latest `keep` reports of a rollout, and both sides' outputs on the latest `keepOutputs`. */
async function pruneParity(tx: Tx, id: string, bounds: { keep: number; keepOutputs: number }): Promise<void> {
  const n = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM rollout_parity WHERE rollout_id = $1', [id]))?.n ?? 0;
  if (n > bounds.keep + PRUNE_SLACK) {
    await tx.run(
      `DELETE FROM rollout_parity WHERE rollout_id = $1 AND id <
         (SELECT id FROM rollout_parity WHERE rollout_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)`,
      [id, bounds.keep - 1],
    );
  }
  await tx.run(
    `UPDATE rollout_parity SET outputs = NULL WHERE rollout_id = $1 AND outputs IS NOT NULL AND id <
       (SELECT id FROM rollout_parity WHERE rollout_id = $1 AND outputs IS NOT NULL ORDER BY id DESC LIMIT 1 OFFSET $2)`,
    [id, bounds.keepOutputs - 1],
  );
}

type TriageOutcome<R> = { kind: 'committed'; response: R; event: AuditEvent } | { kind: 'missing' } | { kind: 'replay'; record: IdempotencyRecord };

export class PgRolloutStore implements RolloutStore {
  constructor(
    private readonly read: Txn,
    private readonly write: Txn,
    private readonly guarded: Guarded,
  ) {}

  listRolloutIds(namespace?: string): Promise<string[]> {
    return this.read(async (tx) =>
      (namespace === undefined
        ? await tx.all<{ id: string }>('SELECT id FROM rollouts ORDER BY created_at, id')
        : await tx.all<{ id: string }>('SELECT id FROM rollouts WHERE namespace = $1 ORDER BY created_at, id', [namespace])
      ).map((r) => r.id),
    );
  }

  bundle(id: string, rollbacksSince: string, windowsSince: number): Promise<RolloutBundle | null> {
    return this.read((tx) => bundleOf(tx, id, rollbacksSince, windowsSince));
  }

  getRollout(id: string): Promise<RolloutRow | null> {
    return this.read((tx) => rolloutRow(tx, id));
  }

  openRolloutForFlag(namespace: string, flagKey: string): Promise<RolloutRow | null> {
    return this.read(async (tx) => {
      const raw = await tx.get<Raw<RawRollout>>("SELECT * FROM rollouts WHERE namespace = $1 AND flag_key = $2 AND status <> 'completed'", [namespace, flagKey]);
      return raw ? rowToRollout(raw) : null;
    });
  }

  commitRolloutChange<R extends StoredResponse>(
    write: RolloutWrite,
    event: NewEvent | null,
    respond: (c: RolloutCommitted) => R,
    idempotency: IdempotencyClaim | undefined,
    rollbacksSince: string,
  ): Promise<RolloutCommitOutcome<R>> {
    return this.guarded(
      async (tx): Promise<RolloutCommitOutcome<R>> => {
        const prior = await claimIdempotency(tx, idempotency);
        if (prior) return tx.abort({ kind: 'replay', record: prior });
        const check = await checkRolloutWrite(tx, write);
        if (check !== 'ok') return tx.abort({ kind: check });
        const written = event ? await insertEvent(tx, event, write.id) : null;
        await applyRolloutWrite(tx, write, written?.id ?? null);
        const bundle = await bundleOf(tx, write.id, rollbacksSince, write.windowsSince ?? 0);
        if (!bundle) throw new Error('the rollout vanished inside its own transaction');
        const committed: RolloutCommitted = { bundle, event: written };
        const response = respond(committed);
        if (idempotency && event) await insertIdempotency(tx, idempotency, response, event.at);
        return { kind: 'committed', committed, response };
      },
      async (constraint) => {
        if (constraint === 'rollout_breaches_once') return { kind: 'breach-recorded' };
        if (constraint === 'rollouts_pkey' || constraint === 'rollouts_open_flag') return { kind: 'stale' };
        return undefined;
      },
    );
  }

  reconcileObserved(id: string, expectedRevision: number, observed: ObservedPolicy, stageStartedAt: string | null): Promise<boolean> {
    return this.write(
      async (tx) =>
        (await tx.run(
          'UPDATE rollouts SET revision = revision + 1, observed = $1, stage_started_at = coalesce($2, stage_started_at) WHERE id = $3 AND revision = $4',
          [JSON.stringify(observed), stageStartedAt, id, expectedRevision],
        )) === 1,
    );
  }

  // ---------- metric windows ----------

  upsertWindows(id: string, windows: readonly MetricWindow[], receivedAt: string, keepSinceMs: number): Promise<WindowUpsert> {
    return this.write(async (tx) => {
      let inserted = 0;
      let updated = 0;
      let dropped = 0;
      // Ingests of one rollout are serialised (two replicas merging the same window see each other's result).
      await tx.get('SELECT id FROM rollouts WHERE id = $1 FOR UPDATE', [id]);
      for (const w of windows) {
        if (w.start < keepSinceMs) {
          dropped++;
          continue;
        }
        const raw = await tx.get<Raw<RawWindow>>('SELECT * FROM rollout_windows WHERE rollout_id = $1 AND start = $2 AND variant = $3', [id, w.start, w.variant]);
        if (raw === undefined) {
          inserted++;
          await insertWindow(tx, id, w, receivedAt);
          continue;
        }
        // The same window twice is a no-op; two different ones for one (variant, start) resolve as
        // the pure guards do (the more complete flush wins), whatever order they arrive in.
        const kept = dedupeWindows([rowToWindow(raw), w])[w.variant][0];
        if (kept === w) {
          updated++;
          await insertWindow(tx, id, w, receivedAt);
        }
      }
      await tx.run('DELETE FROM rollout_windows WHERE rollout_id = $1 AND start < $2', [id, keepSinceMs]);
      const latest = await tx.all<{ variant: string; s: number }>('SELECT variant, max(start) AS s FROM rollout_windows WHERE rollout_id = $1 GROUP BY variant', [id]);
      const of = (variant: string) => latest.find((r) => r.variant === variant)?.s ?? null;
      return { inserted, updated, dropped, latestStart: { v1: of('v1'), v2: of('v2') } };
    });
  }

  windows(id: string, fromMs: number, toMs: number): Promise<MetricWindow[]> {
    return this.read(async (tx) =>
      (await tx.all<Raw<RawWindow>>('SELECT * FROM rollout_windows WHERE rollout_id = $1 AND start >= $2 AND start < $3 ORDER BY start', [id, fromMs, toMs])).map(
        rowToWindow,
      ),
    );
  }

  windowBuckets(id: string, fromMs: number, toMs: number, bucketMs: number): Promise<BucketSums[]> {
    // Bucket i starts at base + i × size; start >= from >= base, so integer division floors.
    // sum(bigint) is numeric (read as text): the request and error sums are cast back.
    const base = Math.floor(fromMs / bucketMs) * bucketMs;
    return this.read(async (tx) =>
      (
        await tx.all<Raw<RawBucket>>(
          `SELECT variant, i, n, seconds, requests::bigint AS requests, errors::bigint AS errors, avg_sum, p50_sum, p95_sum, p99_sum, p99_max, memory, cpu
           FROM (SELECT variant, (start - $1::bigint) / $2::bigint AS i, ${BUCKET_SUMS_SQL}
                 FROM rollout_windows WHERE rollout_id = $3 AND start >= $4 AND start < $5 GROUP BY variant, i) AS b`,
          [base, bucketMs, id, fromMs, toMs],
        )
      ).map((r) => rowToBucketSums(r, base, bucketMs)),
    );
  }

  latestWindowStart(id: string): Promise<number | null> {
    return this.read(async (tx) => (await tx.get<{ s: number | null }>('SELECT max(start) AS s FROM rollout_windows WHERE rollout_id = $1', [id]))?.s ?? null);
  }

  // ---------- cumulative reports ----------

  insertReport(id: string, report: CumulativeReport, receivedAt: string, keep: number): Promise<{ id: number; replaced: boolean }> {
    return this.write(async (tx) => {
      const at = Date.parse(report.capturedAt);
      const row = await tx.get<{ id: number; replaced: boolean }>(
        `INSERT INTO rollout_reports (rollout_id, captured_at, captured_at_text, received_at, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (rollout_id, captured_at) DO UPDATE SET body = excluded.body, received_at = excluded.received_at, captured_at_text = excluded.captured_at_text
         RETURNING id, (xmax::text <> '0') AS replaced`,
        [id, at, report.capturedAt, receivedAt, JSON.stringify(report)],
      );
      if (!row) throw new Error('the report upsert returned nothing');
      const n = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM rollout_reports WHERE rollout_id = $1', [id]))?.n ?? 0;
      if (n > keep + PRUNE_SLACK) {
        await tx.run(
          `DELETE FROM rollout_reports WHERE rollout_id = $1 AND captured_at <
             (SELECT captured_at FROM rollout_reports WHERE rollout_id = $1 ORDER BY captured_at DESC LIMIT 1 OFFSET $2)`,
          [id, keep - 1],
        );
      }
      return { id: row.id, replaced: row.replaced };
    });
  }

  reports(id: string, fromMs: number, toMs: number, limit: number): Promise<ReportRow[]> {
    return this.read(async (tx) => {
      const inRange = (
        await tx.all<Raw<RawReport>>(
          'SELECT * FROM rollout_reports WHERE rollout_id = $1 AND captured_at >= $2 AND captured_at <= $3 ORDER BY captured_at DESC LIMIT $4',
          [id, fromMs, toMs, limit],
        )
      ).reverse();
      const firstAt = inRange[0]?.captured_at ?? fromMs;
      const before = await tx.get<Raw<RawReport>>('SELECT * FROM rollout_reports WHERE rollout_id = $1 AND captured_at < $2 ORDER BY captured_at DESC LIMIT 1', [
        id,
        firstAt,
      ]);
      return [...(before ? [before] : []), ...inRange].map(rowToReport);
    });
  }

  // ---------- parity ----------

  insertParity(p: NewParity, bounds: { keep: number; keepOutputs: number }): Promise<{ row: ParityRow; duplicate: boolean }> {
    return this.guarded(
      (tx) => insertParityRow(tx, p, bounds),
      // The same (subject, comparedAt) inserted by another replica at the same moment: a duplicate.
      async (constraint) => {
        if (constraint !== 'rollout_parity_rollout_id_subject_compared_at_key') return undefined;
        const row = await this.read((tx) =>
          tx.get<Raw<RawParity>>('SELECT * FROM rollout_parity WHERE rollout_id = $1 AND subject = $2 AND compared_at = $3', [p.rolloutId, p.subject, p.comparedAt]),
        );
        return row ? { row: rowToParity(row), duplicate: true } : undefined;
      },
    );
  }

  importData(
    id: string,
    data: { windows: readonly MetricWindow[]; reports: readonly CumulativeReport[]; parity: readonly NewParity[] },
    receivedAt: (ms: number) => string,
    bounds: { keep: number; keepOutputs: number },
  ): Promise<void> {
    return this.write(async (tx) => {
      for (const w of data.windows) await insertWindow(tx, id, w, receivedAt(w.start + 60_000));
      for (const r of data.reports) {
        const at = Date.parse(r.capturedAt);
        await tx.run(
          `INSERT INTO rollout_reports (rollout_id, captured_at, captured_at_text, received_at, body) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (rollout_id, captured_at) DO UPDATE SET captured_at_text = excluded.captured_at_text, received_at = excluded.received_at, body = excluded.body`,
          [id, at, r.capturedAt, receivedAt(at), JSON.stringify(r)],
        );
      }
      for (const p of data.parity) await insertParityRow(tx, p, null);
      await pruneParity(tx, id, bounds);
    });
  }

  parityReports(id: string, f: ParityFilter): Promise<{ items: ParityRow[]; total: number }> {
    const where = ['rollout_id = $1'];
    const args: (string | number)[] = [id];
    const add = (clause: (n: string) => string, value: string | number) => {
      args.push(value);
      where.push(clause(`$${args.length}`));
    };
    if (f.status !== undefined) add((n) => `status = ${n}`, f.status);
    if (f.triage === 'untriaged') where.push('triage IS NULL');
    else if (f.triage !== undefined) add((n) => `triage = ${n}`, f.triage);
    if (f.pattern !== undefined) add((n) => `pattern = ${n}`, f.pattern);
    if (f.subject !== undefined) add((n) => `subject = ${n}`, f.subject);
    const filter = where.join(' AND ');
    return this.read(async (tx) => {
      const total = (await tx.get<{ n: number }>(`SELECT count(*) AS n FROM rollout_parity WHERE ${filter}`, args))?.n ?? 0;
      const pageArgs = [...args];
      let page = '';
      if (f.before !== undefined) {
        pageArgs.push(f.before);
        page = ` AND id < $${pageArgs.length}`;
      }
      pageArgs.push(f.limit);
      const items = (await tx.all<Raw<RawParity>>(`SELECT * FROM rollout_parity WHERE ${filter}${page} ORDER BY id DESC LIMIT $${pageArgs.length}`, pageArgs)).map(
        rowToParity,
      );
      return { items, total };
    });
  }

  parityReport(id: string, reportId: number): Promise<ParityRow | null> {
    return this.read(async (tx) => {
      const raw = await tx.get<Raw<RawParity>>('SELECT * FROM rollout_parity WHERE rollout_id = $1 AND id = $2', [id, reportId]);
      return raw ? rowToParity(raw) : null;
    });
  }

  latestParityWithOutputs(id: string, subject: string): Promise<ParityRow | null> {
    return this.read(async (tx) => {
      const raw = await tx.get<Raw<RawParity>>(
        'SELECT * FROM rollout_parity WHERE rollout_id = $1 AND subject = $2 AND outputs IS NOT NULL ORDER BY compared_at DESC, id DESC LIMIT 1',
        [id, subject],
      );
      return raw ? rowToParity(raw) : null;
    });
  }

  patterns(id: string): Promise<PatternRow[]> {
    return this.read(async (tx) => {
      const rows = await tx.all<Raw<RawPattern>>('SELECT * FROM rollout_patterns WHERE rollout_id = $1 ORDER BY count DESC, last_seen DESC', [id]);
      const out: PatternRow[] = [];
      for (const raw of rows) out.push(await patternRow(tx, id, raw));
      return out;
    });
  }

  parityTotals(id: string): Promise<{ reports: number; match: number; mismatch: number; legacy_unavailable: number }> {
    return this.read(async (tx) => {
      const totals = { reports: 0, match: 0, mismatch: 0, legacy_unavailable: 0 };
      for (const r of await tx.all<{ status: string; n: number }>('SELECT status, count(*) AS n FROM rollout_parity WHERE rollout_id = $1 GROUP BY status', [id])) {
        totals.reports += r.n;
        if (r.status === 'match' || r.status === 'mismatch' || r.status === 'legacy_unavailable') totals[r.status] = r.n;
      }
      return totals;
    });
  }

  triageReport<R extends StoredResponse>(
    id: string,
    reportId: number,
    triage: TriageRow | null,
    event: NewEvent,
    respond: (row: ParityRow, event: AuditEvent) => R,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<TriageOutcome<R>> {
    return this.write(async (tx): Promise<TriageOutcome<R>> => {
      const prior = await claimIdempotency(tx, idempotency);
      if (prior) return tx.abort({ kind: 'replay', record: prior });
      if ((await setTriage(tx, 'rollout_id = $6 AND id = $7', triage, id, reportId)) === 0) return tx.abort({ kind: 'missing' });
      const written = await insertEvent(tx, event, id);
      const row = await tx.get<Raw<RawParity>>('SELECT * FROM rollout_parity WHERE id = $1', [reportId]);
      if (!row) throw new Error('the parity report vanished inside its own transaction');
      const response = respond(rowToParity(row), written);
      if (idempotency) await insertIdempotency(tx, idempotency, response, event.at);
      return { kind: 'committed', response, event: written };
    });
  }

  triagePattern<R extends StoredResponse>(
    id: string,
    pattern: string,
    triage: TriageRow | null,
    event: NewEvent,
    respond: (row: PatternRow, updated: number, event: AuditEvent) => R,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<TriageOutcome<R>> {
    return this.write(async (tx): Promise<TriageOutcome<R>> => {
      const prior = await claimIdempotency(tx, idempotency);
      if (prior) return tx.abort({ kind: 'replay', record: prior });
      const changed = await tx.run(
        'UPDATE rollout_patterns SET triage = $1, triage_note = $2, triage_by = $3, triage_at = $4 WHERE rollout_id = $5 AND pattern = $6',
        [triage?.status ?? null, triage?.note ?? null, triage?.by ?? null, triage?.at ?? null, id, pattern],
      );
      if (changed === 0) return tx.abort({ kind: 'missing' });
      const updated = await setTriage(tx, 'rollout_id = $6 AND pattern = $7', triage, id, pattern);
      const written = await insertEvent(tx, { ...event, details: { ...event.details, updated } }, id);
      const raw = await tx.get<Raw<RawPattern>>('SELECT * FROM rollout_patterns WHERE rollout_id = $1 AND pattern = $2', [id, pattern]);
      if (!raw) throw new Error('the pattern vanished inside its own transaction');
      const response = respond(await patternRow(tx, id, raw), updated, written);
      if (idempotency) await insertIdempotency(tx, idempotency, response, event.at);
      return { kind: 'committed', response, event: written };
    });
  }

  // ---------- markers ----------

  markerEvents(id: string, namespace: string, from: string, to: string, limit: number): Promise<AuditEvent[]> {
    return this.read(async (tx) =>
      (
        await eventsWhere(
          tx,
          'SELECT * FROM events WHERE namespace = $1 AND at >= $2 AND at <= $3 AND (rollout_id IS NULL OR rollout_id = $4) ORDER BY id DESC LIMIT $5',
          [namespace, from, to, id, limit],
        )
      ).reverse(),
    );
  }

  breachesBetween(id: string, fromMs: number, toMs: number): Promise<BreachRow[]> {
    return this.read(async (tx) =>
      (
        await tx.all<Raw<RawBreach>>('SELECT * FROM rollout_breaches WHERE rollout_id = $1 AND fired_at >= $2 AND fired_at <= $3 ORDER BY fired_at', [
          id,
          new Date(fromMs).toISOString(),
          new Date(toMs).toISOString(),
        ])
      ).map(rowToBreach),
    );
  }
}

