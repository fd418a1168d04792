/** The rollout store of the SQLite engine (same connections and transactions as the registry). */
import type { AuditEvent } from '@contract/schemas';
import { dedupeWindows } from '@core/rollout/window-math';
import type { CumulativeReport, MetricWindow } from '@core/rollout/model';
import type { BucketSums } from '@core/rollout/series';
import type { Conn } from './sqlite-conn';
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
  RolloutWrite,
  TriageRow,
  WindowUpsert,
} from './rollout-types';
import {
  BUCKET_SUMS_SQL,
  bundleOf,
  eventsOf,
  patternRow,
  rolloutRow,
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
import { applyRolloutWrite, checkRolloutWrite } from './sqlite-rollout-writes';
import type { IdempotencyClaim, IdempotencyRecord, NewEvent, StoredResponse } from './types';

type Tx = <T>(fn: (c: Conn) => T) => Promise<T>;


function insertWindow(c: Conn, id: string, w: MetricWindow, receivedAt: string): void {
  c.q(
    `INSERT INTO rollout_windows (rollout_id, variant, start, seconds, requests, errors, p50, p95, p99, avg, memory, cpu, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (rollout_id, start, variant) DO UPDATE SET seconds = excluded.seconds, requests = excluded.requests,
       errors = excluded.errors, p50 = excluded.p50, p95 = excluded.p95, p99 = excluded.p99, avg = excluded.avg,
       memory = excluded.memory, cpu = excluded.cpu, received_at = excluded.received_at`,
  ).run(...windowParams(id, w, receivedAt));
}

function setTriage(c: Conn, where: string, triage: TriageRow | null, ...args: (string | number)[]): number {
  return c
    .q(`UPDATE rollout_parity SET triage = ?, triage_note = ?, triage_by = ?, triage_at = ?, triage_via_pattern = ? WHERE ${where}`)
    .run(triage?.status ?? null, triage?.note ?? null, triage?.by ?? null, triage?.at ?? null, triage?.viaPattern ? 1 : 0, ...args).changes;
}

function insertParityRow(c: Conn, p: NewParity, bounds: { keep: number; keepOutputs: number } | null): { row: ParityRow; duplicate: boolean } {
  const id = p.rolloutId;
  const existing = c.q('SELECT * FROM rollout_parity WHERE rollout_id = ? AND subject = ? AND compared_at = ?').get(id, p.subject, p.comparedAt) as
    | RawParity
    | undefined;
  if (existing) return { row: rowToParity(existing), duplicate: true };
  let inherited: TriageRow | null = null;
  if (p.status !== 'match') {
    c.q(
      `INSERT INTO rollout_patterns (rollout_id, pattern, status, count, first_seen, last_seen) VALUES (?, ?, ?, 1, ?, ?)
       ON CONFLICT (rollout_id, pattern) DO UPDATE SET count = count + 1,
         first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
    ).run(id, p.pattern, p.status, p.comparedAt, p.comparedAt);
    const pat = c.q('SELECT * FROM rollout_patterns WHERE rollout_id = ? AND pattern = ?').get(id, p.pattern) as RawPattern;
    inherited = patternTriageOf(pat);
  }
  const rowId = Number(
    c.q(`INSERT INTO rollout_parity (${PARITY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...parityParams(p)).lastInsertRowid,
  );
  if (inherited) setTriage(c, 'id = ?', inherited, rowId);
  if (bounds) pruneParity(c, id, bounds);
  const row = c.q('SELECT * FROM rollout_parity WHERE id = ?').get(rowId) as RawParity;
  return { row: rowToParity(row), duplicate: false };
}

/** Keeps the latest `keep` reports of a rollout, and both sides' outputs on the latest `keepOutputs`. */
function pruneParity(c: Conn, id: string, bounds: { keep: number; keepOutputs: number }): void {
  const n = (c.q('SELECT count(*) AS n FROM rollout_parity WHERE rollout_id = ?').get(id) as { n: number }).n;
  if (n > bounds.keep + PRUNE_SLACK) {
    c.q(
      `DELETE FROM rollout_parity WHERE rollout_id = ? AND id <
         (SELECT id FROM rollout_parity WHERE rollout_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    ).run(id, id, bounds.keep - 1);
  }
  c.q(
    `UPDATE rollout_parity SET outputs = NULL WHERE rollout_id = ? AND outputs IS NOT NULL AND id <
       (SELECT id FROM rollout_parity WHERE rollout_id = ? AND outputs IS NOT NULL ORDER BY id DESC LIMIT 1 OFFSET ?)`,
  ).run(id, id, bounds.keepOutputs - 1);
}

export class SqliteRolloutStore implements RolloutStore {
  constructor(
    private readonly read: Tx,
    private readonly write: Tx,
  ) {}

  listRolloutIds(namespace?: string): Promise<string[]> {
    return this.read((c) =>
      (
        (namespace === undefined
          ? c.q('SELECT id FROM rollouts ORDER BY created_at, id').all()
          : c.q('SELECT id FROM rollouts WHERE namespace = ? ORDER BY created_at, id').all(namespace)) as { id: string }[]
      ).map((r) => r.id),
    );
  }

  bundle(id: string, rollbacksSince: string, windowsSince: number): Promise<RolloutBundle | null> {
    return this.read((c) => bundleOf(c, id, rollbacksSince, windowsSince));
  }

  getRollout(id: string): Promise<RolloutRow | null> {
    return this.read((c) => rolloutRow(c, id));
  }

  openRolloutForFlag(namespace: string, flagKey: string): Promise<RolloutRow | null> {
    return this.read((c) => {
      const raw = c.q("SELECT * FROM rollouts WHERE namespace = ? AND flag_key = ? AND status <> 'completed'").get(namespace, flagKey) as
        | RawRollout
        | undefined;
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
    return this.write((c): RolloutCommitOutcome<R> => {
      if (idempotency) {
        const prior = c.idempotencyRow(idempotency.tokenId, idempotency.key);
        if (prior) return { kind: 'replay', record: prior };
      }
      const check = checkRolloutWrite(c, write);
      if (check !== 'ok') return { kind: check };
      const eventId = event ? c.insertEvent(event) : null;
      applyRolloutWrite(c, write, eventId);
      const bundle = bundleOf(c, write.id, rollbacksSince, write.windowsSince ?? 0);
      const written = eventId === null ? null : c.eventById(eventId);
      if (!bundle) throw new Error('the rollout vanished inside its own transaction');
      const committed: RolloutCommitted = { bundle, event: written };
      const response = respond(committed);
      if (idempotency && event) c.insertIdempotency(idempotency, response, event.at);
      return { kind: 'committed', committed, response };
    });
  }

  reconcileObserved(id: string, expectedRevision: number, observed: ObservedPolicy, stageStartedAt: string | null): Promise<boolean> {
    return this.write(
      (c) =>
        c
          .q('UPDATE rollouts SET revision = revision + 1, observed = ?, stage_started_at = coalesce(?, stage_started_at) WHERE id = ? AND revision = ?')
          .run(JSON.stringify(observed), stageStartedAt, id, expectedRevision).changes === 1,
    );
  }

  // ---------- metric windows ----------

  upsertWindows(id: string, windows: readonly MetricWindow[], receivedAt: string, keepSinceMs: number): Promise<WindowUpsert> {
    return this.write((c) => {
      let inserted = 0;
      let updated = 0;
      let dropped = 0;
      const existing = c.q('SELECT * FROM rollout_windows WHERE rollout_id = ? AND start = ? AND variant = ?');
      for (const w of windows) {
        if (w.start < keepSinceMs) {
          dropped++;
          continue;
        }
        const raw = existing.get(id, w.start, w.variant) as RawWindow | undefined;
        if (raw === undefined) {
          inserted++;
          insertWindow(c, id, w, receivedAt);
          continue;
        }
        // The same window twice is a no-op; two different ones for one (variant, start) resolve as
        // the pure guards do (the more complete flush wins), whatever order they arrive in.
        const old = rowToWindow(raw);
        const kept = dedupeWindows([old, w])[w.variant][0];
        if (kept === w) {
          updated++;
          insertWindow(c, id, w, receivedAt);
        }
      }
      c.q('DELETE FROM rollout_windows WHERE rollout_id = ? AND start < ?').run(id, keepSinceMs);
      const latest = (variant: string) =>
        (c.q('SELECT max(start) AS s FROM rollout_windows WHERE rollout_id = ? AND variant = ?').get(id, variant) as { s: number | null }).s;
      return { inserted, updated, dropped, latestStart: { v1: latest('v1'), v2: latest('v2') } };
    });
  }

  windows(id: string, fromMs: number, toMs: number): Promise<MetricWindow[]> {
    return this.read((c) =>
      (c.q('SELECT * FROM rollout_windows WHERE rollout_id = ? AND start >= ? AND start < ? ORDER BY start').all(id, fromMs, toMs) as RawWindow[]).map(
        rowToWindow,
      ),
    );
  }

  windowBuckets(id: string, fromMs: number, toMs: number, bucketMs: number): Promise<BucketSums[]> {
    // Bucket i starts at base + i × size; start >= from >= base, so integer division floors.
    const base = Math.floor(fromMs / bucketMs) * bucketMs;
    return this.read((c) =>
      (
        c
          .q(
            `SELECT variant, (start - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS i, ${BUCKET_SUMS_SQL}
             FROM rollout_windows WHERE rollout_id = ? AND start >= ? AND start < ? GROUP BY variant, i`,
          )
          .all(base, bucketMs, id, fromMs, toMs) as RawBucket[]
      ).map((r) => rowToBucketSums(r, base, bucketMs)),
    );
  }

  latestWindowStart(id: string): Promise<number | null> {
    return this.read((c) => (c.q('SELECT max(start) AS s FROM rollout_windows WHERE rollout_id = ?').get(id) as { s: number | null }).s);
  }

  // ---------- cumulative reports ----------

  insertReport(id: string, report: CumulativeReport, receivedAt: string, keep: number): Promise<{ id: number; replaced: boolean }> {
    return this.write((c) => {
      const at = Date.parse(report.capturedAt);
      const prior = c.q('SELECT id FROM rollout_reports WHERE rollout_id = ? AND captured_at = ?').get(id, at) as { id: number } | undefined;
      const body = JSON.stringify(report);
      let rowId: number;
      if (prior) {
        c.q('UPDATE rollout_reports SET body = ?, received_at = ?, captured_at_text = ? WHERE id = ?').run(body, receivedAt, report.capturedAt, prior.id);
        rowId = prior.id;
      } else {
        rowId = Number(
          c
            .q('INSERT INTO rollout_reports (rollout_id, captured_at, captured_at_text, received_at, body) VALUES (?, ?, ?, ?, ?)')
            .run(id, at, report.capturedAt, receivedAt, body).lastInsertRowid,
        );
      }
      const n = (c.q('SELECT count(*) AS n FROM rollout_reports WHERE rollout_id = ?').get(id) as { n: number }).n;
      if (n > keep + PRUNE_SLACK) {
        c.q(
          `DELETE FROM rollout_reports WHERE rollout_id = ? AND captured_at <
             (SELECT captured_at FROM rollout_reports WHERE rollout_id = ? ORDER BY captured_at DESC LIMIT 1 OFFSET ?)`,
        ).run(id, id, keep - 1);
      }
      return { id: rowId, replaced: prior !== undefined };
    });
  }

  reports(id: string, fromMs: number, toMs: number, limit: number): Promise<ReportRow[]> {
    return this.read((c) => {
      const inRange = (
        c
          .q('SELECT * FROM rollout_reports WHERE rollout_id = ? AND captured_at >= ? AND captured_at <= ? ORDER BY captured_at DESC LIMIT ?')
          .all(id, fromMs, toMs, limit) as RawReport[]
      ).reverse();
      const firstAt = inRange[0]?.captured_at ?? fromMs;
      const before = c.q('SELECT * FROM rollout_reports WHERE rollout_id = ? AND captured_at < ? ORDER BY captured_at DESC LIMIT 1').get(id, firstAt) as
        | RawReport
        | undefined;
      return [...(before ? [before] : []), ...inRange].map(rowToReport);
    });
  }

  // ---------- parity ----------

  insertParity(p: NewParity, bounds: { keep: number; keepOutputs: number }): Promise<{ row: ParityRow; duplicate: boolean }> {
    return this.write((c) => insertParityRow(c, p, bounds));
  }

  /** Demo seeding: windows, reports and parity reports of a rollout in one transaction, pruned once. */
  importData(
    id: string,
    data: { windows: readonly MetricWindow[]; reports: readonly CumulativeReport[]; parity: readonly NewParity[] },
    receivedAt: (ms: number) => string,
    bounds: { keep: number; keepOutputs: number },
  ): Promise<void> {
    return this.write((c) => {
      for (const w of data.windows) insertWindow(c, id, w, receivedAt(w.start + 60_000));
      const report = c.q('INSERT OR REPLACE INTO rollout_reports (rollout_id, captured_at, captured_at_text, received_at, body) VALUES (?, ?, ?, ?, ?)');
      for (const r of data.reports) {
        const at = Date.parse(r.capturedAt);
        report.run(id, at, r.capturedAt, receivedAt(at), JSON.stringify(r));
      }
      for (const p of data.parity) insertParityRow(c, p, null);
      pruneParity(c, id, bounds);
    });
  }

  parityReports(id: string, f: ParityFilter): Promise<{ items: ParityRow[]; total: number }> {
    const where = ['rollout_id = ?'];
    const args: (string | number)[] = [id];
    if (f.status !== undefined) {
      where.push('status = ?');
      args.push(f.status);
    }
    if (f.triage === 'untriaged') where.push('triage IS NULL');
    else if (f.triage !== undefined) {
      where.push('triage = ?');
      args.push(f.triage);
    }
    if (f.pattern !== undefined) {
      where.push('pattern = ?');
      args.push(f.pattern);
    }
    if (f.subject !== undefined) {
      where.push('subject = ?');
      args.push(f.subject);
    }
    const filter = where.join(' AND ');
    return this.read((c) => {
      const total = (c.q(`SELECT count(*) AS n FROM rollout_parity WHERE ${filter}`).get(...args) as { n: number }).n;
      const page = f.before === undefined ? '' : ' AND id < ?';
      const items = (
        c.q(`SELECT * FROM rollout_parity WHERE ${filter}${page} ORDER BY id DESC LIMIT ?`).all(...args, ...(f.before === undefined ? [] : [f.before]), f.limit) as RawParity[]
      ).map(rowToParity);
      return { items, total };
    });
  }

  parityReport(id: string, reportId: number): Promise<ParityRow | null> {
    return this.read((c) => {
      const raw = c.q('SELECT * FROM rollout_parity WHERE rollout_id = ? AND id = ?').get(id, reportId) as RawParity | undefined;
      return raw ? rowToParity(raw) : null;
    });
  }

  latestParityWithOutputs(id: string, subject: string): Promise<ParityRow | null> {
    return this.read((c) => {
      const raw = c
        .q('SELECT * FROM rollout_parity WHERE rollout_id = ? AND subject = ? AND outputs IS NOT NULL ORDER BY compared_at DESC, id DESC LIMIT 1')
        .get(id, subject) as RawParity | undefined;
      return raw ? rowToParity(raw) : null;
    });
  }

  patterns(id: string): Promise<PatternRow[]> {
    return this.read((c) =>
      (c.q('SELECT * FROM rollout_patterns WHERE rollout_id = ? ORDER BY count DESC, last_seen DESC').all(id) as RawPattern[]).map((raw) =>
        patternRow(c, id, raw),
      ),
    );
  }

  parityTotals(id: string): Promise<{ reports: number; match: number; mismatch: number; legacy_unavailable: number }> {
    return this.read((c) => {
      const totals = { reports: 0, match: 0, mismatch: 0, legacy_unavailable: 0 };
      for (const r of c.q('SELECT status, count(*) AS n FROM rollout_parity WHERE rollout_id = ? GROUP BY status').all(id) as { status: string; n: number }[]) {
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
  ): Promise<{ kind: 'committed'; response: R; event: AuditEvent } | { kind: 'missing' } | { kind: 'replay'; record: IdempotencyRecord }> {
    return this.write((c) => {
      if (idempotency) {
        const prior = c.idempotencyRow(idempotency.tokenId, idempotency.key);
        if (prior) return { kind: 'replay' as const, record: prior };
      }
      if (setTriage(c, 'rollout_id = ? AND id = ?', triage, id, reportId) === 0) return { kind: 'missing' as const };
      const eventId = c.insertEvent(event);
      c.q('UPDATE events SET rollout_id = ? WHERE id = ?').run(id, eventId);
      const written = c.eventById(eventId);
      const row = c.q('SELECT * FROM rollout_parity WHERE id = ?').get(reportId) as RawParity;
      if (!written) throw new Error('the event vanished inside its own transaction');
      const response = respond(rowToParity(row), written);
      if (idempotency) c.insertIdempotency(idempotency, response, event.at);
      return { kind: 'committed' as const, response, event: written };
    });
  }

  triagePattern<R extends StoredResponse>(
    id: string,
    pattern: string,
    triage: TriageRow | null,
    event: NewEvent,
    respond: (row: PatternRow, updated: number, event: AuditEvent) => R,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<{ kind: 'committed'; response: R; event: AuditEvent } | { kind: 'missing' } | { kind: 'replay'; record: IdempotencyRecord }> {
    return this.write((c) => {
      if (idempotency) {
        const prior = c.idempotencyRow(idempotency.tokenId, idempotency.key);
        if (prior) return { kind: 'replay' as const, record: prior };
      }
      const changed = c
        .q('UPDATE rollout_patterns SET triage = ?, triage_note = ?, triage_by = ?, triage_at = ? WHERE rollout_id = ? AND pattern = ?')
        .run(triage?.status ?? null, triage?.note ?? null, triage?.by ?? null, triage?.at ?? null, id, pattern).changes;
      if (changed === 0) return { kind: 'missing' as const };
      const updated = setTriage(c, 'rollout_id = ? AND pattern = ?', triage, id, pattern);
      const eventId = c.insertEvent({ ...event, details: { ...event.details, updated } });
      c.q('UPDATE events SET rollout_id = ? WHERE id = ?').run(id, eventId);
      const written = c.eventById(eventId);
      const raw = c.q('SELECT * FROM rollout_patterns WHERE rollout_id = ? AND pattern = ?').get(id, pattern) as RawPattern;
      if (!written) throw new Error('the event vanished inside its own transaction');
      const response = respond(patternRow(c, id, raw), updated, written);
      if (idempotency) c.insertIdempotency(idempotency, response, event.at);
      return { kind: 'committed' as const, response, event: written };
    });
  }

  // ---------- markers ----------

  markerEvents(id: string, namespace: string, from: string, to: string, limit: number): Promise<AuditEvent[]> {
    return this.read((c) =>
      eventsOf(
        c,
        `SELECT * FROM events WHERE namespace = ? AND at >= ? AND at <= ? AND (rollout_id IS NULL OR rollout_id = ?) ORDER BY id DESC LIMIT ?`,
        namespace,
        from,
        to,
        id,
        limit,
      ).reverse(),
    );
  }

  breachesBetween(id: string, fromMs: number, toMs: number): Promise<BreachRow[]> {
    return this.read((c) =>
      (
        c
          .q('SELECT * FROM rollout_breaches WHERE rollout_id = ? AND fired_at >= ? AND fired_at <= ? ORDER BY fired_at')
          .all(id, new Date(fromMs).toISOString(), new Date(toMs).toISOString()) as RawBreach[]
      ).map(rowToBreach),
    );
  }
}
