/**
 * One pass over a namespace's audit events (oldest first): which changes failed, by which
 * failure events, and the recoveries with their time to safe rollback (definitions in
 * ./model.ts). Events of several namespaces may be mixed: each namespace is analysed on its own.
 */
import { DEFAULT_FAILURE_WINDOW_MS, isChange, type Detection, type InsightEvent } from './model';

export interface ChangeOutcome {
  change: InsightEvent;
  /** Failure events that failed this change (within the window), oldest first. */
  failedBy: InsightEvent[];
}

export interface Recovery {
  /** The rollback or kill switch that first failed `changes`. */
  event: InsightEvent;
  /** The changes this event failed first, oldest first. */
  changes: InsightEvent[];
  /** What detected the problem first; null when nothing did (the clock starts at the change). */
  detection: Detection | null;
  /** When the clock starts: the detection, or the earliest change recovered. */
  startAt: number;
  /** event.at - startAt. */
  durationMs: number;
}

export interface Analysis {
  changes: ChangeOutcome[];
  recoveries: Recovery[];
  /** Every rollback (snapshot and rollout), oldest first. */
  rollbacks: InsightEvent[];
  /** Kill-switch episodes: an enable and the disable that ended it (null while still on). */
  killSwitch: { on: InsightEvent; off: InsightEvent | null }[];
}

export interface AnalysisOptions {
  failureWindowMs?: number;
}

const byTime = (a: { at: number; id: number }, b: { at: number; id: number }) => a.at - b.at || a.id - b.id;

/**
 * `events`: audit events (any order; sorted here by time, then id). `detections`: guard breaches
 * and parity spikes of the namespaces' rollouts (any order).
 */
export function analyze(events: readonly InsightEvent[], detections: readonly Detection[], options: AnalysisOptions = {}): Analysis {
  const windowMs = options.failureWindowMs ?? DEFAULT_FAILURE_WINDOW_MS;
  const inOrder = events.every((e, i) => i === 0 || byTime(events[i - 1] ?? e, e) <= 0);
  const sorted = inOrder ? events : [...events].sort(byTime);
  const signals = new Map<string, Detection[]>();
  for (const d of [...detections].sort((a, b) => a.at - b.at)) {
    const list = signals.get(d.namespace) ?? [];
    list.push(d);
    signals.set(d.namespace, list);
  }

  const changes: ChangeOutcome[] = [];
  const firstFailure = new Map<ChangeOutcome, InsightEvent>();
  const groups = new Map<InsightEvent, ChangeOutcome[]>();
  const killSwitch: Analysis['killSwitch'] = [];
  const rollbacks: InsightEvent[] = [];

  // Per namespace: which change wrote each version, its latest change, the promotions of each
  // rollout since that rollout's previous rollback, and an open kill-switch episode.
  const writerOf = new Map<string, Map<number, ChangeOutcome>>();
  const latest = new Map<string, ChangeOutcome>();
  const promotions = new Map<string, ChangeOutcome[]>();
  const openKill = new Map<string, { on: InsightEvent; off: InsightEvent | null }>();

  const fail = (outcome: ChangeOutcome | undefined, by: InsightEvent) => {
    if (!outcome || by.at - outcome.change.at > windowMs || outcome.failedBy.includes(by)) return;
    outcome.failedBy.push(by);
    if (firstFailure.has(outcome)) return;
    firstFailure.set(outcome, by);
    const group = groups.get(by) ?? [];
    group.push(outcome);
    groups.set(by, group);
  };

  for (const e of sorted) {
    const ns = e.namespace;
    if (isChange(e.action)) {
      const outcome: ChangeOutcome = { change: e, failedBy: [] };
      changes.push(outcome);
      latest.set(ns, outcome);
      if (e.toVersion !== null) {
        const writers = writerOf.get(ns) ?? new Map<number, ChangeOutcome>();
        writers.set(e.toVersion, outcome);
        writerOf.set(ns, writers);
      }
      if (e.action === 'rollout.promote' && e.rolloutId !== null) {
        const key = `${ns}\u0000${e.rolloutId}`;
        const list = promotions.get(key);
        if (list) list.push(outcome);
        else promotions.set(key, [outcome]);
      }
      continue;
    }
    switch (e.action) {
      case 'snapshot.rollback':
        rollbacks.push(e);
        for (const v of e.discarded) fail(writerOf.get(ns)?.get(v), e);
        break;
      case 'rollout.rollback': {
        rollbacks.push(e);
        const key = `${ns}\u0000${e.rolloutId ?? ''}`;
        for (const p of promotions.get(key) ?? []) fail(p, e);
        promotions.delete(key);
        break;
      }
      case 'killswitch.enable': {
        fail(latest.get(ns), e);
        const episode = { on: e, off: null };
        killSwitch.push(episode);
        openKill.set(ns, episode);
        break;
      }
      case 'killswitch.disable': {
        const episode = openKill.get(ns);
        if (episode) episode.off = e;
        openKill.delete(ns);
        break;
      }
      default:
        break;
    }
  }

  const recoveries: Recovery[] = [];
  for (const [event, group] of groups) {
    const recovered = group.map((o) => o.change).sort(byTime);
    const earliest = recovered[0]?.at ?? event.at;
    const detection = (signals.get(event.namespace) ?? []).find((d) => d.at >= earliest && d.at <= event.at) ?? null;
    const startAt = detection?.at ?? earliest;
    recoveries.push({ event, changes: recovered, detection, startAt, durationMs: event.at - startAt });
  }
  recoveries.sort((a, b) => byTime(a.event, b.event));
  return { changes, recoveries, rollbacks, killSwitch };
}

/** Mean and 90th percentile (nearest rank) of durations; nulls without samples. */
export function durationStats(samples: readonly number[]): { samples: number; meanMs: number | null; p90Ms: number | null } {
  if (samples.length === 0) return { samples: 0, meanMs: null, p90Ms: null };
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const rank = Math.ceil(0.9 * sorted.length);
  return { samples: sorted.length, meanMs: Math.round(mean), p90Ms: sorted[rank - 1] ?? null };
}
