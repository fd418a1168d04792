/**
 * In-process notification of committed changes. Publishers call it only after the transaction
 * committed, so a listener never sees a change that could still vanish. (On PostgreSQL the feed is
 * a ReplicatedFeed: it follows the audit log, woken by LISTEN/NOTIFY, so every replica's changes
 * arrive, in event-id order.)
 */
import type { AuditEvent } from '@contract/schemas';
import type { NamespaceStateWithContent } from '../store/types';

export interface ChangeNotice {
  event: AuditEvent;
  /** The namespace as the change left it (namespace changes only). */
  state: NamespaceStateWithContent | null;
}

export type ChangeListener = (notice: ChangeNotice) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(notice: ChangeNotice): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(notice);
      } catch {
        // One broken subscriber (e.g. a socket that closed mid-write) must not stop the others.
      }
    }
  }
}
