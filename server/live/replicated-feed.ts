/**
 * The change feed of a replica that shares its database with others (the PostgreSQL engine).
 *
 * Every committed audit event reaches the listeners in event-id order, whichever replica made
 * it: the engine hands out event ids in commit order and announces each with NOTIFY, and this
 * feed follows the log ("events after the last id delivered"). A NOTIFY, a local commit, a
 * reconnect of the listener or the safety poll only say "read the log now"; nothing is lost
 * when a notification is (a dropped connection, a replica that was busy), and nothing is
 * delivered twice.
 *
 * Local commits keep their notice (the state their transaction read); another replica's events
 * carry the namespace as read now (never older than the event), which is first offered to the
 * served-snapshot cache, so apps polling or watching this replica get the new snapshot.
 */
import type { AuditEvent } from '@contract/schemas';
import type { ServedSnapshots } from '../registry/served';
import type { NamespaceStateWithContent } from '../store/types';
import { ChangeFeed, type ChangeNotice } from './change-feed';

export interface EventLog {
  eventsAfter(afterId: number, limit: number): Promise<AuditEvent[]>;
  getNamespace(name: string, rollbacksSince: string): Promise<NamespaceStateWithContent | null>;
}

export interface ReplicatedFeedOptions {
  /** The newest event id when this replica started: earlier events are not delivered. */
  startAfter: number;
  /** Safety poll of the log (5 s); 0 turns it off. */
  pollMs?: number;
  onError?: (e: unknown) => void;
}

const BATCH = 500;

export class ReplicatedFeed extends ChangeFeed {
  private delivered: number;
  private readonly local = new Map<number, ChangeNotice>();
  private running: Promise<void> | null = null;
  private again = false;
  private readonly timer: NodeJS.Timeout | null;

  constructor(
    private readonly log: EventLog,
    private readonly served: ServedSnapshots,
    private readonly since: () => string,
    private readonly options: ReplicatedFeedOptions,
  ) {
    super();
    this.delivered = options.startAfter;
    const pollMs = options.pollMs ?? 5_000;
    this.timer = pollMs > 0 ? setInterval(() => void this.sync(), pollMs) : null;
    this.timer?.unref();
  }

  /** The id of the last event delivered to the listeners. */
  get lastDelivered(): number {
    return this.delivered;
  }

  /** A commit of this replica: delivered in id order, after anything committed before it. */
  override publish(notice: ChangeNotice): void {
    if (notice.event.id <= this.delivered) return;
    this.local.set(notice.event.id, notice);
    void this.sync();
  }

  /** Reads the log now (a NOTIFY arrived, the listener reconnected); resolves when caught up. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again);
      } catch (e) {
        this.options.onError?.(e);
      } finally {
        this.running = null;
      }
    };
    this.running = run();
    return this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const events = await this.log.eventsAfter(this.delivered, BATCH);
      if (events.length === 0) return;
      const states = new Map<string, NamespaceStateWithContent | null>();
      for (const e of events) {
        if (e.namespace !== null && !this.local.has(e.id) && !states.has(e.namespace)) {
          states.set(e.namespace, await this.log.getNamespace(e.namespace, this.since()));
        }
      }
      for (const state of states.values()) if (state) this.served.offer(state);
      for (const e of events) {
        const notice = this.local.get(e.id) ?? { event: e, state: e.namespace === null ? null : (states.get(e.namespace) ?? null) };
        this.local.delete(e.id);
        this.delivered = e.id;
        super.publish(notice);
      }
      if (events.length < BATCH) return;
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
