/**
 * What a replica on the PostgreSQL engine needs to see the other replicas' changes: a LISTEN
 * connection (reconnected when it drops), the log-following change feed it wakes (which also
 * refreshes the served-snapshot cache), and the rollout-data notices (`event: rollout-data` on
 * /api/v1/stream), which are not audit events and travel as NOTIFY payloads only.
 */
import { randomUUID } from 'node:crypto';
import { RolloutDataNotice } from '@contract/rollouts';
import type { ServedSnapshots } from '../registry/served';
import type { PostgresStore } from '../store/postgres';
import { PgListener } from '../store/postgres-listen';
import { EVENTS_CHANNEL } from '../store/postgres-rows';
import type { RolloutDataFeed } from './rollout-data';
import { ReplicatedFeed } from './replicated-feed';

export const DATA_CHANNEL = 'switchyard_rollout_data';

export interface ReplicationOptions {
  store: PostgresStore;
  url: string;
  served: ServedSnapshots;
  since: () => string;
  rolloutData: RolloutDataFeed;
  onError: (e: unknown, what: string) => void;
  /** Safety poll of the event log (5 s). */
  pollMs?: number;
  /** First delay before reconnecting a dropped LISTEN connection (100 ms, doubling up to 5 s). */
  minRetryMs?: number;
}

export class Replication {
  readonly id = randomUUID();

  private constructor(
    readonly feed: ReplicatedFeed,
    readonly listener: PgListener,
    private readonly options: ReplicationOptions,
  ) {}

  static async start(options: ReplicationOptions): Promise<Replication> {
    // Start after the newest event: a replica that starts later has nothing to replay to listeners
    // that did not exist yet (streams replay with Last-Event-ID from the store).
    const feed = new ReplicatedFeed(options.store, options.served, options.since, {
      startAfter: await options.store.lastEventId(),
      onError: (e) => options.onError(e, 'following the event log'),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    });
    let self: Replication | null = null;
    const listener = new PgListener({
      url: options.url,
      channels: [EVENTS_CHANNEL, DATA_CHANNEL],
      onNotify: (channel, payload) => {
        if (channel === EVENTS_CHANNEL) void feed.sync();
        else if (self) self.received(payload);
      },
      // Whatever was committed while nobody listened is in the log.
      onReconnect: () => void feed.sync(),
      onError: (e) => options.onError(e, 'the LISTEN connection'),
      ...(options.minRetryMs !== undefined ? { minRetryMs: options.minRetryMs, maxRetryMs: Math.max(5_000, options.minRetryMs) } : {}),
    });
    await listener.start();
    self = new Replication(feed, listener, options);
    return self;
  }

  /** Publishes ingested-data notices here and announces them to the other replicas. */
  publishRolloutData(notice: RolloutDataNotice): void {
    this.options.rolloutData.publish(notice);
    this.options.store.db
      .run('SELECT pg_notify($1, $2)', [DATA_CHANNEL, JSON.stringify({ origin: this.id, notice })])
      .catch((e: unknown) => this.options.onError(e, 'announcing rollout data'));
  }

  private received(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || !('origin' in parsed) || parsed.origin === this.id || !('notice' in parsed)) return;
    const notice = RolloutDataNotice.safeParse(parsed.notice);
    if (notice.success) this.options.rolloutData.publish(notice.data);
  }

  async close(): Promise<void> {
    this.feed.close();
    await this.listener.stop();
  }
}
