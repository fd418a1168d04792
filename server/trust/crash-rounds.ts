/**
 * S2: kill -9 the server during a write storm, restart it on the same database, check, repeat.
 * Shared by the short test (3 rounds, server/crash.test.ts) and the soak (20, bench/soak-crash.ts).
 *
 * Every request carries a unique reason, so after the crash each audit event and each version
 * can be traced to the one request that made it. Checked after every restart:
 * - the store opens (the server starts, /healthz is ok, PRAGMA integrity_check is ok);
 * - every acknowledged write is there, with the acknowledged hash / event;
 * - nothing is there that nobody sent, and nothing was applied twice;
 * - history is contiguous (versions 1..latest, each parent older than its child);
 * - the active version is the one the newest event set, and that event was acknowledged or in
 *   flight when the server died (a commit whose response was lost in the kill).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventPage, MutationResponse, VersionPage, type AuditEvent, type VersionSummary } from '@contract/schemas';
import { FEATURES, NS, snapshot } from '../test/harness';
import { startServer, type ChildServer } from './child-server';

const ADMIN = 'crash-test-admin-secret-42';

export interface CrashReport {
  rounds: number;
  acknowledged: number;
  /** Requests whose response the kill swallowed. */
  inFlightAtKill: number;
  /** Of those, how many had committed (found after restart). */
  inFlightCommitted: number;
  versions: number;
  events: number;
  violations: string[];
  durationMs: number;
}

interface Sent {
  reason: string;
  source: string | null;
  /** A clean refusal (409: nothing to roll back, switch already in that state): known not applied. */
  refused: boolean;
  acked: { eventId: number; toVersion: number | null; version: number | null; hash: string | null } | null;
}

const api = (base: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(base + path, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...init.headers },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });

async function allVersions(base: string): Promise<VersionSummary[]> {
  const items: VersionSummary[] = [];
  let before: number | null | undefined;
  do {
    const q = before ? `&before=${before}` : '';
    const page = VersionPage.parse(await (await api(base, `/api/v1/namespaces/${NS}/versions?limit=1000${q}`)).json());
    items.push(...page.items);
    before = page.nextBefore;
  } while (before !== null);
  return items;
}

async function allEvents(base: string): Promise<AuditEvent[]> {
  const items: AuditEvent[] = [];
  let before: number | null | undefined;
  do {
    const q = before ? `&before=${before}` : '';
    const page = EventPage.parse(await (await api(base, `/api/v1/events?namespace=${NS}&limit=1000${q}`)).json());
    items.push(...page.items);
    before = page.nextBefore;
  } while (before !== null);
  return items;
}

function integrity(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
  } finally {
    db.close();
  }
}

/** One storm worker: loads (and, for worker 0, rollbacks and kill-switch flips) until the server dies. */
async function worker(base: string, round: number, w: number, sent: Sent[], stop: AbortSignal, violations: string[]): Promise<void> {
  for (let n = 0; !stop.aborted; n++) {
    const reason = `storm r${round} w${w} n${n}`;
    const op = w === 0 && n % 5 === 4 ? (n % 10 === 4 ? 'rollback' : 'kill-switch') : 'load';
    const source = op === 'load' ? `r${round}-w${w}-n${n}` : null;
    const body =
      op === 'load'
        ? { snapshot: snapshot(((round * 7 + w * 13 + n) % 1000) / 10, { meta: { source } }), reason }
        : op === 'rollback'
          ? { steps: 1, reason }
          : { enabled: n % 20 === 9, reason };
    const entry: Sent = { reason, source, refused: false, acked: null };
    sent.push(entry);
    try {
      const r = await api(base, `/api/v1/namespaces/${NS}/${op}`, { method: 'POST', headers: { 'if-match': '*' }, body });
      const text = await r.text();
      if (r.status === 200) {
        const m = MutationResponse.parse(JSON.parse(text));
        entry.acked = { eventId: m.event.id, toVersion: m.event.toVersion, version: m.version?.version ?? null, hash: m.version?.hash ?? null };
      } else if (r.status === 409) {
        entry.refused = true;
      } else {
        violations.push(`round ${round}: "${reason}" answered ${r.status}: ${text.slice(0, 200)}`);
      }
    } catch {
      return; // killed mid-request: in flight, outcome unknown
    }
  }
}

export async function crashRounds(rounds: number, options: { stormMs?: (round: number) => number } = {}): Promise<CrashReport> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-crash-'));
  const dbPath = join(dir, 'crash.db');
  const violations: string[] = [];
  const sent: Sent[] = [];
  const start = () => startServer({ dbPath, adminToken: ADMIN, staticDir: join(dir, 'no-dist') });
  let server: ChildServer | null = null;
  let inFlightAtKill = 0;
  let inFlightCommitted = 0;
  let versions = 0;
  let events = 0;
  try {
    server = await start();
    const created = await api(server.base, '/api/v1/namespaces', { method: 'POST', body: { name: NS, features: FEATURES, reason: 'crash test' } });
    if (created.status !== 201) throw new Error(`could not create the namespace: ${await created.text()}`);

    for (let round = 0; round < rounds; round++) {
      const base = server.base;
      const stop = new AbortController();
      const firstOfRound = sent.length;
      const storm = Promise.all([0, 1, 2, 3].map((w) => worker(base, round, w, sent, stop.signal, violations)));
      await new Promise((r) => setTimeout(r, options.stormMs?.(round) ?? 150 + ((round * 37) % 200)));
      await server.kill9();
      server = null;
      stop.abort();
      await storm;
      const lost = sent.slice(firstOfRound).filter((s) => s.acked === null && !s.refused);
      inFlightAtKill += lost.length;

      const check = integrity(dbPath);
      if (check !== 'ok') violations.push(`round ${round}: integrity_check says ${check}`);
      server = await start();
      const health = await fetch(`${server.base}/healthz`);
      if (health.status !== 200) violations.push(`round ${round}: /healthz answered ${health.status}`);

      const vs = await allVersions(server.base);
      const es = (await allEvents(server.base)).sort((a, b) => a.id - b.id);
      versions = vs.length;
      events = es.length;
      const v = (msg: string) => violations.push(`round ${round}: ${msg}`);

      const numbers = vs.map((x) => x.version).sort((a, b) => a - b);
      if (numbers.some((n, i) => n !== i + 1)) v(`versions are not contiguous: ${numbers.join(',')}`);
      for (const x of vs) if (x.parentVersion !== null && x.parentVersion >= x.version) v(`v${x.version} has parent v${x.parentVersion}`);
      const byVersion = new Map(vs.map((x) => [x.version, x]));
      const byReason = new Map<string, AuditEvent[]>();
      for (const e of es) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e]);
      const bySource = new Map(sent.filter((s) => s.source).map((s) => [s.source, s]));

      for (const s of sent) {
        const found = byReason.get(s.reason) ?? [];
        if (found.length > 1) v(`"${s.reason}" was applied ${found.length} times`);
        if (s.refused && found.length > 0) v(`refused "${s.reason}" was applied`);
        if (!s.acked) continue;
        const e = found[0];
        if (!e || e.id !== s.acked.eventId || e.toVersion !== s.acked.toVersion) v(`acknowledged "${s.reason}" (event ${s.acked.eventId}) is lost`);
        if (s.acked.version !== null && byVersion.get(s.acked.version)?.hash !== s.acked.hash) v(`acknowledged v${s.acked.version} is lost`);
      }
      const known = new Set(sent.filter((s) => !s.refused).map((s) => s.reason));
      for (const e of es) if (e.reason !== 'crash test' && !known.has(e.reason)) v(`event ${e.id} ("${e.reason}") was never sent`);
      for (const x of vs) {
        const source = typeof x.meta?.source === 'string' ? x.meta.source : null;
        if (x.version > 1 && (source === null || !bySource.has(source))) v(`v${x.version} (${source}) was never sent`);
      }
      inFlightCommitted += lost.filter((s) => byReason.has(s.reason)).length;

      const detail = (await (await api(server.base, `/api/v1/namespaces/${NS}`)).json()) as { activeVersion: number; latestVersion: number };
      if (detail.latestVersion !== numbers.length) v(`latestVersion ${detail.latestVersion} but ${numbers.length} versions`);
      const newest = es.filter((e) => e.toVersion !== null).at(-1);
      if (!newest || newest.toVersion !== detail.activeVersion) v(`active v${detail.activeVersion} is not what the newest event set (${newest?.toVersion})`);
      const setter = newest && sent.find((s) => s.reason === newest.reason);
      if (newest && newest.reason !== 'crash test' && !setter) v(`active v${detail.activeVersion} was set by a request nobody sent`);
    }
    const acknowledged = sent.filter((s) => s.acked).length;
    return { rounds, acknowledged, inFlightAtKill, inFlightCommitted, versions, events, violations, durationMs: Date.now() - started };
  } finally {
    await server?.kill9();
    rmSync(dir, { recursive: true, force: true });
  }
}
