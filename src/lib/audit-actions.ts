import type { AuditAction } from '@contract/schemas';

/** How each audit action reads in the UI (past tense, what happened). */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'namespace.create': 'Created',
  'namespace.features': 'Changed features',
  'snapshot.load': 'Loaded snapshot',
  'snapshot.patch': 'Patched',
  'snapshot.rollback': 'Rolled back',
  'snapshot.restore': 'Restored',
  'killswitch.enable': 'Kill switch on',
  'killswitch.disable': 'Kill switch off',
  'token.create': 'Created token',
  'token.revoke': 'Revoked token',
  'rollout.create': 'Created rollout',
  'rollout.promote': 'Promoted',
  'rollout.pause': 'Paused rollout',
  'rollout.resume': 'Resumed rollout',
  'rollout.rollback': 'Rolled back rollout',
  'rollout.settings': 'Changed rollout settings',
  'rollout.counters_reset': 'Reset counters',
  'parity.triage': 'Triaged parity',
};

export type ActionTone = 'neutral' | 'danger' | 'warning' | 'success';

export const AUDIT_ACTION_TONES: Record<AuditAction, ActionTone> = {
  'namespace.create': 'neutral',
  'namespace.features': 'neutral',
  'snapshot.load': 'neutral',
  'snapshot.patch': 'neutral',
  'snapshot.rollback': 'warning',
  'snapshot.restore': 'warning',
  'killswitch.enable': 'danger',
  'killswitch.disable': 'success',
  'token.create': 'neutral',
  'token.revoke': 'neutral',
  'rollout.create': 'neutral',
  'rollout.promote': 'neutral',
  'rollout.pause': 'warning',
  'rollout.resume': 'success',
  'rollout.rollback': 'danger',
  'rollout.settings': 'neutral',
  'rollout.counters_reset': 'neutral',
  'parity.triage': 'neutral',
};
