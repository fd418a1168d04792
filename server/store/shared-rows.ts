/**
 * Row-level pieces both engines share around their own SQL: the version columns (with the
 * discarding event joined), and the mapping and insert parameters of idempotency and token rows.
 */
import type { IdempotencyClaim, IdempotencyRecord, StoredResponse, TokenRow } from './types';

export const VERSION_COLUMNS = `v.namespace, v.version, v.kind, v.author, v.reason, v.created_at, v.hash, v.meta,
  v.flag_count, v.parent_version, v.source_version, v.discarded_event_id,
  d.at AS discarded_at, d.actor AS discarded_actor, d.reason AS discarded_reason`;
export const VERSION_JOIN = `versions v LEFT JOIN events d ON d.id = v.discarded_event_id`;

/** The columns `idempotencyOf` reads. */
export const IDEMPOTENCY_COLUMNS = 'fingerprint, status, body, created_at';

export interface RawIdempotency {
  fingerprint: string;
  status: number;
  body: string;
  created_at: string;
}

export function idempotencyOf(raw: RawIdempotency): IdempotencyRecord {
  return { fingerprint: raw.fingerprint, status: raw.status, body: JSON.parse(raw.body) as unknown, createdAt: raw.created_at };
}

/** Values for `(token_id, key, fingerprint, status, body, created_at)`. */
export function idempotencyParams(claim: IdempotencyClaim, response: StoredResponse, at: string): (string | number)[] {
  return [claim.tokenId, claim.key, claim.fingerprint, response.status, JSON.stringify(response.body), at];
}

/** Values for `(id, name, role, secret_hash, created_at, created_by, last_used_at, expires_at, revoked_at)`. */
export function tokenParams(t: TokenRow): (string | null)[] {
  return [t.id, t.name, t.role, t.secretHash, t.createdAt, t.createdBy, t.lastUsedAt, t.expiresAt, t.revokedAt];
}
