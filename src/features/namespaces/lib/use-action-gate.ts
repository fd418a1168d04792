import { useQuery } from '@tanstack/react-query';
import type { Role } from '@contract/schemas';
import { offlineReason, useConnectionStore, type LinkState } from '../../../lib/connection-store';
import { meQuery } from '../../../lib/session-query';

export type NamespaceAction = 'load' | 'patch' | 'rollback' | 'restore' | 'killSwitch';

const VERBS: Record<NamespaceAction, string> = {
  load: 'load a snapshot',
  patch: 'apply a patch',
  rollback: 'roll back',
  restore: 'restore a version',
  killSwitch: 'turn the kill switch on or off',
};

const MAY_CHANGE: readonly Role[] = ['operator', 'admin'];

/** Why an action cannot be taken now (offline first: it affects everyone), or null when it can. */
export function gateReason(action: NamespaceAction, role: Role | undefined, link: LinkState): string | null {
  const offline = offlineReason(link);
  if (offline) return offline;
  if (role === undefined) return 'Checking your role…';
  if (MAY_CHANGE.includes(role)) return null;
  return `Your role is ${role}: ask an operator to ${VERBS[action]}.`;
}

/** The one line under the action bar: why nothing can be changed here now, or null. */
export function gateSummary(role: Role | undefined, link: LinkState): string | null {
  const offline = offlineReason(link);
  if (offline) return offline;
  if (role === undefined || MAY_CHANGE.includes(role)) return null;
  return `Read-only: your role is ${role}. Ask an operator to make changes here.`;
}

/** One place decides whether namespace actions are available: the signed-in role and the API link. */
export function useActionGate() {
  const role = useQuery(meQuery()).data?.role;
  const link = useConnectionStore((s) => s.link);
  return { gate: (action: NamespaceAction) => gateReason(action, role, link), summary: gateSummary(role, link) };
}
