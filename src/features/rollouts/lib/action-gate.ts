import { useQuery } from '@tanstack/react-query';
import type { Role } from '@contract/schemas';
import { offlineReason, useConnectionStore, type LinkState } from '../../../lib/connection-store';
import { meQuery } from '../../../lib/session-query';

export type RolloutActionKind = 'promote' | 'pause' | 'resume' | 'rollback' | 'settings' | 'countersReset' | 'triage';

const VERBS: Readonly<Record<RolloutActionKind, string>> = {
  promote: 'promote',
  pause: 'pause',
  resume: 'resume',
  rollback: 'roll back',
  settings: 'change the settings',
  countersReset: 'reset the counters',
  triage: 'triage the mismatches of',
};

/** Why a rollout action cannot be taken now (offline first: it affects everyone), or null when it can. */
export function rolloutGateReason(action: RolloutActionKind, role: Role | undefined, link: LinkState): string | null {
  const offline = offlineReason(link);
  if (offline) return offline;
  if (role === undefined) return 'Checking your role…';
  if (role === 'operator' || role === 'admin') return null;
  return `Your role is ${role}: ask an operator to ${VERBS[action]} this rollout.`;
}

/** The signed-in role and the API link decide, in one place, which rollout actions are available. */
export function useRolloutGate() {
  const role = useQuery(meQuery()).data?.role;
  const link = useConnectionStore((s) => s.link);
  return { blocked: (action: RolloutActionKind) => rolloutGateReason(action, role, link), isAdmin: role === 'admin' };
}
