/**
 * The namespace summary's 7-day change numbers (changes, change failure rate), kept per namespace
 * so a read or commit does not re-read and re-analyse 7 days of audit events each time.
 *
 * Per namespace it keeps the insight events since the window's start it has seen, up to the
 * namespace's last event id at that read. Both engines hand out event ids in commit order (SQLite:
 * one writer at a time; PostgreSQL: the events lock of switchyard_append_event), events are never
 * deleted, and the columns the analysis reads never change after the commit: so a later read of
 * the same namespace only needs the insight events with a larger id, and its result is exactly
 * what re-reading the whole window gives. Events that fall out of the window as the clock moves on
 * are dropped; a window that starts earlier than the one cached (a clock set back), a read that
 * is behind what is cached, or a namespace not cached yet reads the whole window.
 *
 * A write transaction reads its own uncommitted event; what it settles is staged (see `staged`)
 * and kept only once the transaction has committed, so a rolled-back event is never remembered.
 */
import { periodNumbers } from '@core/insights/aggregate';
import { analyze } from '@core/insights/failures';
import type { InsightEvent } from '@core/insights/model';

export interface ChangeFailure {
  changes: number;
  changeFailureRate: number | null;
}

interface Entry {
  /** The namespace's last event id (of any action) when `events` was complete. */
  lastId: number;
  /** Window start (ISO, as queried) the events were kept for. */
  since: string;
  /** Insight events with at >= since, oldest first (by at, then id). */
  events: readonly InsightEvent[];
  result: ChangeFailure;
}

/** What to read: the namespace's insight events in the window with an id above `afterId` (null: all of them). */
export interface FailureRead {
  afterId: number | null;
  base: Entry | null;
}

/** Bounds the events held across namespaces (an entry is dropped whole, least recently used first). */
const MAX_EVENTS_CACHED = 200_000;

const byTime = (a: InsightEvent, b: InsightEvent) => a.at - b.at || a.id - b.id;

export function changeFailureOf(namespace: string, events: readonly InsightEvent[], sinceMs: number): ChangeFailure {
  if (events.length === 0) return { changes: 0, changeFailureRate: null };
  const n = periodNumbers(analyze(events, []), namespace, sinceMs, Number.MAX_SAFE_INTEGER);
  return { changes: n.changes, changeFailureRate: n.changeFailureRate };
}

export class ChangeFailureCache {
  private readonly entries = new Map<string, Entry>();
  private held = 0;

  /** `parent`: the cache a staged one reads through and publishes to. */
  constructor(private readonly parent: ChangeFailureCache | null = null) {}

  /**
   * For one write transaction: reads through to this cache, keeps what it settles to itself, and
   * hands it to this cache on `publish()`, which the caller does only once the transaction committed.
   */
  staged(): ChangeFailureCache {
    return new ChangeFailureCache(this);
  }

  publish(): void {
    if (!this.parent) return;
    for (const [namespace, entry] of this.entries) this.parent.keep(namespace, entry);
    this.clear();
  }

  private lookup(namespace: string): Entry | undefined {
    const own = this.entries.get(namespace);
    const inherited = this.parent?.lookup(namespace);
    return own && inherited ? (own.lastId >= inherited.lastId ? own : inherited) : (own ?? inherited);
  }

  /** Before reading: which of the namespace's insight events the read must fetch. */
  plan(namespace: string, since: string): FailureRead {
    const base = this.lookup(namespace);
    // ISO timestamps of one format compare as strings; a window that starts earlier needs events we dropped.
    if (!base || since < base.since) return { afterId: null, base: null };
    return { afterId: base.lastId, base };
  }

  /**
   * After a read that fetched the insight events since `since` with an id above `read.afterId`
   * (`fetched`), in the same snapshot as `lastId`, the namespace's last event id (null: no
   * events). Null when that read was behind the cached entry: read the whole window then (whole).
   */
  settle(namespace: string, since: string, read: FailureRead, lastId: number | null, fetched: readonly InsightEvent[]): ChangeFailure | null {
    const base = read.base;
    if (!base) return this.whole(namespace, since, lastId, fetched);
    if (lastId === null || lastId < base.lastId) return null;
    const sinceMs = Date.parse(since);
    const first = base.events[0];
    const kept = first !== undefined && first.at < sinceMs ? base.events.filter((e) => e.at >= sinceMs) : base.events;
    const unchanged = fetched.length === 0 && kept === base.events;
    const events = fetched.length === 0 ? kept : [...kept, ...fetched].sort(byTime);
    const result = unchanged ? base.result : changeFailureOf(namespace, events, sinceMs);
    this.keep(namespace, { lastId, since, events, result });
    return result;
  }

  /** After a read of all the namespace's insight events since `since` (any order), in the same snapshot as `lastId`. */
  whole(namespace: string, since: string, lastId: number | null, events: readonly InsightEvent[]): ChangeFailure {
    const sorted = [...events].sort(byTime);
    const result = changeFailureOf(namespace, sorted, Date.parse(since));
    if (lastId !== null) this.keep(namespace, { lastId, since, events: sorted, result });
    return result;
  }

  /** Forgets everything (tests; a store that is closed). */
  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  private keep(namespace: string, entry: Entry): void {
    const current = this.entries.get(namespace);
    // A slower read that started earlier must not replace what a newer one settled.
    if (current && current.lastId > entry.lastId) return;
    if (current) {
      this.entries.delete(namespace);
      this.held -= current.events.length;
    }
    if (entry.events.length > MAX_EVENTS_CACHED) return;
    this.entries.set(namespace, entry);
    this.held += entry.events.length;
    for (const [name, e] of this.entries) {
      if (this.held <= MAX_EVENTS_CACHED || name === namespace) break;
      this.entries.delete(name);
      this.held -= e.events.length;
    }
  }
}
