/** Helpers for the rollout tests: a namespace with an ENUM flag, a rollout on it, windows and reports. */
import type { MetricWindow } from '@core/rollout/model';
import { dumpPg, type Harness, type Reply } from './harness';

export const RNS = 'validation';
export const FLAG = 'orchestratorVersion';
export const FLAG_KEY = `feature::${RNS}::${FLAG}`;
export const RID = 'validation-v2';
export const MIN = 60_000;

export async function createRolloutNamespace(h: Harness): Promise<void> {
  const r = await h.call('POST', '/api/v1/namespaces', {
    body: {
      name: RNS,
      features: [
        {
          key: FLAG_KEY,
          type: 'ENUM',
          enumValues: ['V1', 'V2'],
          defaultValue: { type: 'ENUM', value: 'V1', enumClassName: 'com.shop.validation.OrchestratorVersion' },
        },
        { key: `feature::${RNS}::strictMode`, type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: false } },
      ],
      reason: 'set up',
    },
  });
  if (r.status !== 201) throw new Error(`namespace creation failed: ${r.body}`);
}

export async function createRollout(h: Harness, extra: Record<string, unknown> = {}): Promise<Reply> {
  const r = await h.call('POST', '/api/v1/rollouts', {
    body: { id: RID, namespace: RNS, flag: FLAG, v1Value: 'V1', v2Value: 'V2', reason: 'start the V2 rollout', ...extra },
  });
  if (r.status !== 201) throw new Error(`rollout creation failed: ${r.body}`);
  return r;
}

/** POST a rollout action with If-Match. */
export const act = (h: Harness, action: string, body: unknown, ifMatch: string | number, extra: { token?: string; headers?: Record<string, string> } = {}) =>
  h.call('POST', `/api/v1/rollouts/${RID}/${action}`, {
    ...(extra.token !== undefined ? { token: extra.token } : {}),
    body,
    headers: { 'if-match': typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch, ...extra.headers },
  });

export const revision = async (h: Harness): Promise<number> => (await h.call('GET', `/api/v1/rollouts/${RID}`)).json.revision as number;

/** Minute-aligned V1 and V2 windows for `count` minutes from `startMs`, V2 overridden by `v2`. */
export function windows(startMs: number, count: number, v2: Partial<MetricWindow> = {}, v1: Partial<MetricWindow> = {}): MetricWindow[] {
  const base = (variant: 'v1' | 'v2', start: number): MetricWindow => ({
    variant,
    start,
    seconds: 60,
    requests: 200,
    errors: 1,
    latencyP50Ms: 120,
    latencyP95Ms: 300,
    latencyP99Ms: 600,
    memoryMb: 512,
    cpuPct: 35,
  });
  const out: MetricWindow[] = [];
  for (let i = 0; i < count; i++) {
    const start = startMs + i * MIN;
    out.push({ ...base('v1', start), ...v1 }, { ...base('v2', start), ...v2 });
  }
  return out;
}

/** The next minute boundary after the harness clock. */
export const nextMinute = (h: Harness): number => Math.floor(h.now().getTime() / MIN) * MIN + MIN;

export const ingestWindows = (h: Harness, ws: MetricWindow[], token?: string) =>
  h.call('POST', `/api/v1/rollouts/${RID}/ingest/metrics`, { ...(token !== undefined ? { token } : {}), body: { windows: ws } });

/** A jido cumulative report whose gate accepts (or holds, with `accept: false`). */
export function report(capturedAt: Date, n: number, accept = true) {
  return {
    capturedAt: capturedAt.toISOString(),
    decisionCounts: { enqueue_runtime: accept ? 100 * n : 1, parity_only: 0, drop: accept ? 5 * n : 0 },
    reasonCounts: { enabled: accept ? 100 * n : 1, canary_filtered: accept ? 5 * n : 0 },
    paritySampleCount: 20 * n,
    parityReportCount: accept ? 20 * n : 0,
    parityStatusCounts: { match: accept ? 20 * n : 0, mismatch: 0, legacy_unavailable: 0 },
    recentParitySamples: [],
    recentParityReports: [],
  };
}

export const ingestReport = (h: Harness, body: unknown, token?: string) =>
  h.call('POST', `/api/v1/rollouts/${RID}/ingest/reporter`, { ...(token !== undefined ? { token } : {}), body });

/** Two accepting reports after the clock moves on, so promotion is allowed. */
export async function acceptTwice(h: Harness): Promise<void> {
  for (let i = 1; i <= 2; i++) {
    h.advance(30_000);
    const r = await ingestReport(h, report(h.now(), i + Math.floor(h.now().getTime() / 1000) % 1000));
    if (r.status !== 200) throw new Error(`report failed: ${r.body}`);
  }
}

/** Every row of the rollout tables (plus the registry's), read through a separate connection. */
export async function dumpAll(h: Harness): Promise<Record<string, unknown[]>> {
  const tables = ['namespaces', 'versions', 'events', 'rollouts', 'rollout_windows', 'rollout_reports', 'rollout_parity', 'rollout_patterns', 'rollout_breaches'];
  if (h.databaseUrl !== null) return dumpPg(h.databaseUrl, tables);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(h.dbPath, { readonly: true });
  try {
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all()]));
  } finally {
    db.close();
  }
}

/** Audit events of an action, newest first. */
export const eventsOf = async (h: Harness, action: string) =>
  (await h.call('GET', `/api/v1/events?action=${action}`)).json.items as { actor: string; reason: string; toVersion: number | null; details: Record<string, unknown> }[];
