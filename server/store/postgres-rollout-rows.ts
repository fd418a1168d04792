/** Rollout reads of the PostgreSQL engine that a bundle is made of (the SQLite engine's sqlite-rollout-rows.ts). */
import type { Tx } from './postgres-db';
import { stateOf } from './postgres-rows';
import { patternRowOf, type PatternCount } from './shared-rollouts';
import type { PatternRow, RolloutBundle, RolloutRow } from './rollout-types';
import {
  rowToBreach,
  rowToReport,
  rowToRollout,
  rowToWindow,
  type RawBreach,
  type RawPattern,
  type RawReport,
  type RawRollout,
  type RawWindow,
} from './sqlite-rollout-rows';
import { rowToEvent, type RawEvent } from './sqlite-rows';

/** Raw rows as the driver returns them (records of the SQLite engine's raw shapes). */
export type Raw<T> = T & Record<string, unknown>;

export async function rolloutRow(tx: Tx, id: string): Promise<RolloutRow | null> {
  const raw = await tx.get<Raw<RawRollout>>('SELECT * FROM rollouts WHERE id = $1', [id]);
  return raw ? rowToRollout(raw) : null;
}

export async function patternRow(tx: Tx, rolloutId: string, raw: RawPattern): Promise<PatternRow> {
  const counts = await tx.all<Raw<PatternCount>>(
    `SELECT coalesce(triage, 'untriaged') AS t, count(*) AS n, max(id) AS example
     FROM rollout_parity WHERE rollout_id = $1 AND pattern = $2 GROUP BY 1`,
    [rolloutId, raw.pattern],
  );
  return patternRowOf(raw, counts);
}

/** Stage reports kept in a bundle (the gate's streak looks at the most recent ones). */
const STAGE_REPORTS = 20;
const EVENTS = 200;

/** Everything a rollout's views need, read inside the caller's transaction (see the SQLite engine's bundleOf). */
export async function bundleOf(tx: Tx, id: string, rollbacksSince: string, windowsSince: number): Promise<RolloutBundle | null> {
  const rollout = await rolloutRow(tx, id);
  if (!rollout) return null;
  const namespace = await stateOf(tx, rollout.namespace, rollbacksSince);
  if (!namespace) throw new Error(`rollout ${id}: namespace ${rollout.namespace} is missing`);
  const stageStart = Math.max(Date.parse(rollout.stageStartedAt), windowsSince);
  const stageWindows = (await tx.all<Raw<RawWindow>>('SELECT * FROM rollout_windows WHERE rollout_id = $1 AND start >= $2 ORDER BY start', [id, stageStart])).map(
    rowToWindow,
  );
  const stageReports = (
    await tx.all<Raw<RawReport>>('SELECT * FROM rollout_reports WHERE rollout_id = $1 AND received_at > $2 ORDER BY captured_at DESC LIMIT $3', [
      id,
      rollout.stageStartedAt,
      STAGE_REPORTS,
    ])
  )
    .map(rowToReport)
    .reverse();
  const latestRaw = await tx.get<Raw<RawReport>>('SELECT * FROM rollout_reports WHERE rollout_id = $1 ORDER BY captured_at DESC LIMIT 1', [id]);
  const last = await tx.get<{ s: number | null }>('SELECT max(start) AS s FROM rollout_windows WHERE rollout_id = $1', [id]);
  const breaches = (await tx.all<Raw<RawBreach>>('SELECT * FROM rollout_breaches WHERE rollout_id = $1 ORDER BY detected_at DESC LIMIT 100', [id])).map(
    rowToBreach,
  );
  const events = (await tx.all<Raw<RawEvent>>('SELECT * FROM events WHERE rollout_id = $1 ORDER BY id DESC LIMIT $2', [id, EVENTS])).map(rowToEvent);
  return {
    rollout,
    namespace,
    windowsFrom: stageStart,
    stageWindows,
    stageReports,
    latestReport: latestRaw ? rowToReport(latestRaw) : null,
    lastWindowAt: last?.s ?? null,
    breaches,
    events,
  };
}
