/** Hand-built audit sequences for the insight tests: minutes from a fixed start. */
import type { Detection, InsightAction, InsightEvent } from './model';

export const T0 = Date.parse('2026-11-02T09:00:00Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;

let nextId = 1;
export const resetIds = () => {
  nextId = 1;
};

export function ev(minute: number, action: InsightAction, extra: Partial<InsightEvent> = {}): InsightEvent {
  return {
    id: nextId++,
    at: T0 + minute * MIN,
    namespace: 'payments',
    action,
    actor: 'ada',
    fromVersion: null,
    toVersion: null,
    rolloutId: null,
    automatic: false,
    triggerId: null,
    triggerLabel: null,
    discarded: [],
    ...extra,
  };
}

/** A load, patch or restore writing `version`. */
export const write = (minute: number, version: number, action: InsightAction = 'snapshot.load', extra: Partial<InsightEvent> = {}) =>
  ev(minute, action, { fromVersion: version - 1, toVersion: version, ...extra });

export const rollback = (minute: number, from: number, to: number, discarded: number[], extra: Partial<InsightEvent> = {}) =>
  ev(minute, 'snapshot.rollback', { fromVersion: from, toVersion: to, discarded, ...extra });

export const breach = (minute: number, rolloutId = 'pay-v2', namespace = 'payments'): Detection => ({
  kind: 'guard_breach',
  at: T0 + minute * MIN,
  namespace,
  rolloutId,
  ref: `critical-error-rate@${T0 + minute * MIN}`,
  label: 'V2 error rate above 5%',
});
