/**
 * The insight domain (product I1-I3): what counts as a change, a failure, a rollback and a
 * detection, derived only from the audit log (and the guard breaches and parity reports the
 * rollouts store). Types and definitions only; the analysis is in ./failures.ts.
 *
 * Definitions (README "Insights" repeats them for API users):
 * - A **change** is an audit event that changes what apps are served on purpose: `snapshot.load`,
 *   `snapshot.patch`, `snapshot.restore`, `rollout.promote`. Creating a namespace or a rollout
 *   (traffic stays on V1), rollout settings, pauses and resumes are not changes.
 * - A change **failed** when, on the same namespace and within the failure window after it
 *   (default 24 h): a `snapshot.rollback` discarded the version it wrote; or a `rollout.rollback`
 *   rolled back the rollout it promoted (every promotion of that rollout since its previous
 *   rollback); or the kill switch was turned on (`killswitch.enable`) while it was the
 *   namespace's latest change. A change fails once, however many of these follow it: a kill
 *   switch followed by a rollback is one failure.
 * - **Change failure rate** = failed changes / changes, over the changes made in a period.
 * - A **rollback** is a `snapshot.rollback` (always manual) or a `rollout.rollback` (automatic
 *   when the guards engine fired it; its trigger is the guard rule). A restore is a change, not a
 *   rollback, also when it re-applies a version a rollback discarded ("rollback of a rollback"):
 *   it deploys content again and can fail on its own.
 * - A **recovery** is the first failure event (rollback or kill switch) of one or more changes.
 *   **Time to safe rollback** runs from the first detection to the recovery: the earliest guard
 *   breach (the moment its rule fired) or parity mismatch spike of a rollout of the namespace
 *   between the earliest change it recovers and the recovery, or that change itself when
 *   nothing detected the problem.
 * - A **parity mismatch spike** is a run of parity reports with status `mismatch` in which at
 *   least `SPIKE_MIN_MISMATCHES` fall within `SPIKE_WINDOW_MS`; it is detected at the report
 *   that reaches the count.
 */

export const CHANGE_ACTIONS = ['snapshot.load', 'snapshot.patch', 'snapshot.restore', 'rollout.promote'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export const ROLLBACK_ACTIONS = ['snapshot.rollback', 'rollout.rollback'] as const;
export type RollbackAction = (typeof ROLLBACK_ACTIONS)[number];

/** Every action the analysis reads. */
export const INSIGHT_ACTIONS = [...CHANGE_ACTIONS, ...ROLLBACK_ACTIONS, 'killswitch.enable', 'killswitch.disable'] as const;
export type InsightAction = (typeof INSIGHT_ACTIONS)[number];

export const DEFAULT_FAILURE_WINDOW_MS = 24 * 3_600_000;
export const SPIKE_WINDOW_MS = 10 * 60_000;
export const SPIKE_MIN_MISMATCHES = 5;

/** The trigger of every manual rollback (automatic ones carry their guard rule's id). */
export const MANUAL_TRIGGER = 'manual';

/** One audit event as the analysis needs it (a lean projection of the audit log's row). */
export interface InsightEvent {
  id: number;
  /** Epoch ms. */
  at: number;
  namespace: string;
  action: InsightAction;
  actor: string;
  fromVersion: number | null;
  toVersion: number | null;
  /** Rollout events: the rollout. */
  rolloutId: string | null;
  /** `rollout.rollback` fired by the guards engine. */
  automatic: boolean;
  /** Automatic rollbacks: the guard rule's id and label. */
  triggerId: string | null;
  triggerLabel: string | null;
  /** `snapshot.rollback`: the versions it discarded. */
  discarded: number[];
}

export type DetectionKind = 'guard_breach' | 'parity_spike';

/** Something that detected a problem on a namespace (from a rollout bound to it). */
export interface Detection {
  kind: DetectionKind;
  /** When the detector's condition first held (epoch ms). */
  at: number;
  namespace: string;
  rolloutId: string;
  /** Breach id, or the spike's id. */
  ref: string;
  label: string;
}

const CHANGES: ReadonlySet<string> = new Set(CHANGE_ACTIONS);
export const isChange = (a: InsightAction): a is ChangeAction => CHANGES.has(a);
export const isRollback = (a: InsightAction): a is RollbackAction => a === 'snapshot.rollback' || a === 'rollout.rollback';

/** The trigger a rollback counts under: `manual`, or the guard rule that fired it. */
export const triggerOf = (e: InsightEvent): string => (e.automatic && e.triggerId ? e.triggerId : MANUAL_TRIGGER);
