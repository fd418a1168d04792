import type { Access } from '@contract/routes';
import type { Role } from '@contract/schemas';

export interface Principal {
  tokenId: string;
  /** The token's name: who the audit log says acted. */
  actor: string;
  role: Role;
  via: 'bearer' | 'cookie';
}

const RANK: Record<Role, number> = { reporter: -1, viewer: 1, operator: 2, admin: 3 };

/** viewer < operator < admin; reporter may only ingest (and nothing in the registry). */
export function allows(role: Role, access: Access): boolean {
  if (access === 'public') return true;
  if (access === 'reporter') return role === 'reporter' || role === 'admin';
  if (role === 'reporter') return false;
  return RANK[role] >= RANK[access];
}

export function neededRoles(access: Access): string {
  switch (access) {
    case 'viewer':
      return 'the viewer, operator or admin role';
    case 'operator':
      return 'the operator or admin role';
    case 'admin':
      return 'the admin role';
    case 'reporter':
      return 'the reporter role';
    default:
      return 'no role';
  }
}
