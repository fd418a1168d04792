/**
 * The insight part of the storage interface: lean reads of the audit log, the guard breaches and
 * the parity mismatches that the insight service aggregates (server/insights). Nothing here is
 * written: insights are derived, never stored.
 */
import type { AuditEvent } from '@contract/schemas';
import type { InsightEvent } from '@core/insights/model';

export interface InsightRange {
  /** ISO instants: [from, to). */
  from: string;
  to: string;
  namespace?: string;
}

export interface BreachRecord {
  rolloutId: string;
  namespace: string;
  breachId: string;
  ruleId: string;
  severity: 'warning' | 'critical';
  outcome: string;
  startedAt: string;
  firedAt: string;
  sentence: string;
  eventId: number | null;
}

export interface MismatchTimes {
  rolloutId: string;
  namespace: string;
  /** compared_at of the rollout's `mismatch` reports in the range, epoch ms ascending. */
  times: number[];
}

export interface TimelineEventQuery extends InsightRange {
  actions: readonly string[];
  /** One rollout: its own events and its namespace's events that belong to no rollout. */
  rollout?: { id: string; namespace: string };
  /** The newest `limit` are returned (oldest first). */
  limit: number;
}

export interface InsightStore {
  /** Every namespace's name, sorted. */
  namespaceNames(): Promise<string[]>;
  /** Change, rollback and kill-switch events in the range, oldest first (one read). */
  insightEvents(range: InsightRange): Promise<InsightEvent[]>;
  /** Guard breaches that fired in the range, of rollouts of the namespace (or one rollout), oldest first. */
  breaches(range: InsightRange & { rolloutId?: string }): Promise<BreachRecord[]>;
  /** Parity mismatch times per rollout (of the namespace, or one rollout) in the range. */
  mismatchTimes(range: InsightRange & { rolloutId?: string }): Promise<MismatchTimes[]>;
  /** Whole audit events by id, in the order of `ids`. */
  eventsByIds(ids: readonly number[]): Promise<AuditEvent[]>;
  /** Audit events for the timeline (actions in the range), oldest first, and whether more matched. */
  timelineEvents(q: TimelineEventQuery): Promise<{ events: AuditEvent[]; truncated: boolean }>;
  /** The namespace a rollout is bound to; null when there is no such rollout. */
  rolloutNamespace(id: string): Promise<string | null>;
}
