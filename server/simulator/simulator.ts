/**
 * The demo's traffic simulator: V1 and V2 traffic for the demo rollouts, pushed through the
 * PUBLIC ingest API over HTTP with a reporter token, exactly as a real reporter would. It reads
 * each rollout's policy (mode, share, canary, sampling) from the Konditional endpoint apps poll
 * (`/v1/namespaces/{ns}`), routes signals with jido's decide(), and sends per-minute windows, a
 * cumulative report every few minutes and parity comparisons of sampled signals.
 *
 * Time: windows never start in the future (the guards judge what has happened). The simulator
 * starts behind the clock (where the stored history ends) and plays that gap forward at `speed`
 * simulated minutes per real second; once caught up it follows the wall clock, one window per
 * variant per minute. Now and then (regressions on) V2 regresses for 8 minutes: latency (a guard
 * pause on p95 deviation) or errors (a pause, then an automatic rollback).
 */
import type { CumulativeReport, MetricWindow, ParityIngest, RoutingPolicy } from '@core/rollout/model';
import { RolloutPolicySchema } from '@contract/rollouts';
import { summarizeParity } from '@core/rollout/parity';
import type { Clock } from '../clock';
import { activeEpisode, decisionsAt, parityFor, unit, windowAt, type Episode, type TrafficProfile } from './model';
import { CumulativeReporter } from './reporter';

const MINUTE = 60_000;

export interface SimulatedRollout {
  profile: TrafficProfile;
  namespace: string;
  policyKey: string;
  /** First minute to send (epoch ms): where the stored history ends. */
  from: number;
}

export interface SimulatorOptions {
  baseUrl: string;
  token: string;
  rollouts: SimulatedRollout[];
  clock: Clock;
  /** Simulated minutes per real second while behind the clock. */
  speed: number;
  regressions: boolean;
  /** Real milliseconds between ticks (1 s). */
  tickMs?: number;
  /** Simulated minutes between cumulative reports (5). */
  reportEvery?: number;
  log?: (message: string) => void;
  fetch?: typeof fetch;
}

interface Lane {
  r: SimulatedRollout;
  cursor: number;
  reporter: CumulativeReporter;
  episodes: Episode[];
  policy: RoutingPolicy | null;
  share: number;
  etag: string | null;
  sinceReport: number;
  gone: boolean;
  errors: number;
}

const DISABLED: RoutingPolicy = { mode: 'disabled', canary: { enabled: false, subjects: [], tenantIds: [], channels: [] }, parity: { enabled: false, sampleRate: 0 } };

export class TrafficSimulator {
  private readonly lanes: Lane[];
  private timer: NodeJS.Timeout | null = null;
  private budget = 0;
  private busy = false;
  private readonly fetch: typeof fetch;
  private readonly started: number;

  constructor(private readonly o: SimulatorOptions) {
    this.fetch = o.fetch ?? fetch;
    this.started = o.clock().getTime();
    this.lanes = o.rollouts.map((r, i) => ({
      r,
      cursor: Math.floor(r.from / MINUTE) * MINUTE,
      reporter: new CumulativeReporter(),
      episodes: o.regressions ? this.schedule(r.profile, i) : [],
      policy: null,
      share: 0,
      etag: null,
      sinceReport: 0,
      gone: false,
      errors: 0,
    }));
  }

  /**
   * Regressions: the first a few minutes after start (the second rollout: V2 latency, a guard
   * pause; the first rollout: V2 errors, a pause then an automatic rollback), then every 35-55
   * minutes, alternating.
   */
  private schedule(p: TrafficProfile, lane: number): Episode[] {
    const episodes: Episode[] = [];
    let at = Math.floor(this.started / MINUTE) * MINUTE + (lane === 0 ? 9 : 3) * MINUTE;
    for (let k = 0; k < 48; k++) {
      const errors = (k + lane) % 2 === 0;
      episodes.push({ start: at, minutes: 8, kind: errors ? 'errors' : 'latency', magnitude: errors ? 0.08 : 1.4 });
      at += (35 + Math.floor(unit(`${p.rolloutId}:episode:${k}`) * 20)) * MINUTE;
    }
    return episodes;
  }

  start(): void {
    if (this.timer) return;
    const tick = this.o.tickMs ?? 1_000;
    this.timer = setInterval(() => {
      this.budget = Math.min(this.budget + (this.o.speed * tick) / 1_000, 240);
      if (this.busy) return;
      this.busy = true;
      this.step()
        .catch((e: unknown) => this.o.log?.(`simulator: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          this.busy = false;
        });
    }, tick);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One tick: every lane sends the minutes it may (behind the clock: up to the budget; caught up: completed minutes). */
  async step(budgetMinutes?: number): Promise<number> {
    if (budgetMinutes !== undefined) this.budget = budgetMinutes;
    const now = this.o.clock().getTime();
    let sent = 0;
    for (const lane of this.lanes) {
      if (lane.gone) continue;
      const due = Math.max(0, Math.floor((now - lane.cursor) / MINUTE));
      if (due === 0) continue;
      const behind = due > 2;
      const n = behind ? Math.min(due, Math.max(0, Math.floor(this.budget))) : due;
      if (n === 0) continue;
      await this.refreshPolicy(lane);
      sent += await this.send(lane, n);
    }
    this.budget = Math.max(0, this.budget - sent / Math.max(1, this.lanes.length));
    return sent;
  }

  private async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(`${this.o.baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  /** The policy apps see: the companion flag of the live snapshot (declared default, disabled, under the kill switch). */
  private async refreshPolicy(lane: Lane): Promise<void> {
    const res = await this.call('GET', `/v1/namespaces/${encodeURIComponent(lane.r.namespace)}`, undefined, lane.etag ? { 'if-none-match': lane.etag } : {});
    if (res.status === 304) return;
    if (!res.ok) {
      lane.policy = DISABLED;
      return;
    }
    lane.etag = res.headers.get('etag');
    const killed = res.headers.get('x-switchyard-kill-switch') === 'on';
    const snapshot = (await res.json()) as { flags?: { key: string; defaultValue?: { value?: unknown } }[] };
    const flag = snapshot.flags?.find((f) => f.key === lane.r.policyKey);
    const parsed = RolloutPolicySchema.safeParse(flag?.defaultValue?.value);
    if (killed || !parsed.success) {
      lane.policy = DISABLED;
      lane.share = 0;
      return;
    }
    lane.policy = { mode: parsed.data.mode, canary: parsed.data.canary, parity: parsed.data.parity };
    lane.share = parsed.data.share;
  }

  private async send(lane: Lane, minutes: number): Promise<number> {
    const p = lane.r.profile;
    const policy = lane.policy ?? DISABLED;
    const windows: MetricWindow[] = [];
    const parity: ParityIngest[] = [];
    const reports: CumulativeReport[] = [];
    const every = this.o.reportEvery ?? 5;
    for (let i = 0; i < minutes; i++) {
      const t = lane.cursor;
      lane.cursor += MINUTE;
      const share = policy.mode === 'disabled' ? 0 : lane.share;
      windows.push(windowAt(p, 'v1', t, share, lane.episodes));
      if (policy.mode !== 'disabled') windows.push(windowAt(p, 'v2', t, share, lane.episodes));
      const at = new Date(t + 59_000).toISOString();
      const d = decisionsAt(p, t, policy);
      lane.reporter.add(d, at, policy);
      const episode = activeEpisode(lane.episodes, t);
      for (const [k, s] of d.sampled.entries()) {
        const ingest = parityFor(p, s, at, episode);
        lane.reporter.report(summarizeParity(ingest));
        if (k < 2) parity.push(ingest);
      }
      lane.sinceReport += 1;
      if (lane.sinceReport >= every) {
        lane.sinceReport = 0;
        reports.push(lane.reporter.snapshot(at));
      }
    }
    const auth = { authorization: `Bearer ${this.o.token}` };
    const id = encodeURIComponent(p.rolloutId);
    const posted = await this.call('POST', `/api/v1/rollouts/${id}/ingest/metrics`, { windows }, auth);
    if (posted.status === 404 || posted.status === 401 || posted.status === 403) {
      lane.gone = true;
      this.o.log?.(`simulator: ${p.rolloutId}: ingest answered ${posted.status}; stopping this rollout`);
      return 0;
    }
    if (!posted.ok) this.complain(lane, `metrics ${posted.status} ${await posted.text()}`);
    for (const report of reports) {
      const r = await this.call('POST', `/api/v1/rollouts/${id}/ingest/reporter`, report, auth);
      if (!r.ok) this.complain(lane, `report ${r.status}`);
    }
    // Parity comparisons: the latest few (the backlog of a catch-up is summarised by the counters).
    for (const ingest of parity.slice(-6)) {
      const r = await this.call('POST', `/api/v1/rollouts/${id}/ingest/parity`, ingest, auth);
      if (!r.ok) this.complain(lane, `parity ${r.status}`);
    }
    return minutes;
  }

  private complain(lane: Lane, what: string): void {
    lane.errors += 1;
    if (lane.errors <= 5) this.o.log?.(`simulator: ${lane.r.profile.rolloutId}: ${what}`);
  }
}
