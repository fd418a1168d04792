/**
 * Notices of newly ingested rollout data (metric windows, cumulative reports, parity reports),
 * pushed on /api/v1/stream as `event: rollout-data` so open dashboards refetch without polling.
 * Not audit events: not replayed, and throttled to one per second per rollout and kind.
 */
import type { RolloutDataNotice } from '@contract/rollouts';
import type { Clock } from '../clock';

export type RolloutDataListener = (notice: RolloutDataNotice) => void;

const THROTTLE_MS = 1_000;

export class RolloutDataFeed {
  private readonly listeners = new Set<RolloutDataListener>();
  private readonly last = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  subscribe(listener: RolloutDataListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(notice: RolloutDataNotice): void {
    const key = `${notice.rolloutId}\u0000${notice.kind}`;
    const now = this.clock().getTime();
    const prev = this.last.get(key);
    if (prev !== undefined && now - prev < THROTTLE_MS && now >= prev) return;
    this.last.set(key, now);
    for (const listener of [...this.listeners]) {
      try {
        listener(notice);
      } catch {
        // a closed stream must not stop the others
      }
    }
  }
}
