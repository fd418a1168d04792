/** Raw SQLite rows and their mapping to the store's typed rows. */
import type { AuditAction, AuditEvent, Role, VersionKind } from '@contract/schemas';
import type { DeclaredFeature } from '@core/model';
import type { NamespaceRow, TokenRow, VersionRow } from './types';

export interface RawNamespace {
  name: string;
  description: string | null;
  created_at: string;
  features: string;
  active_version: number;
  latest_version: number;
  revision: number;
  kill_switch: number;
  kill_switch_changed_at: string | null;
  kill_switch_changed_by: string | null;
  kill_switch_reason: string | null;
}

export interface RawVersion {
  namespace: string;
  version: number;
  kind: string;
  author: string;
  reason: string;
  created_at: string;
  hash: string;
  meta: string | null;
  flag_count: number;
  parent_version: number | null;
  source_version: number | null;
  discarded_event_id: number | null;
  discarded_at: string | null;
  discarded_actor: string | null;
  discarded_reason: string | null;
}

export interface RawEvent {
  id: number;
  at: string;
  namespace: string | null;
  actor: string;
  action: string;
  reason: string;
  from_version: number | null;
  to_version: number | null;
  details: string;
}

export interface RawToken {
  id: string;
  name: string;
  role: string;
  secret_hash: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

/**
 * Parsed feature declarations by their stored text: every read and commit of a namespace maps its
 * row, and a namespace's declarations (a few kB for 100 features) rarely change. The parsed arrays
 * are shared by every row mapped from the same text, so nothing may modify them (nothing does).
 */
const parsedFeatures = new Map<string, DeclaredFeature[]>();
/** Bounded by the texts' length (the oldest parsed go first). */
const MAX_FEATURE_CHARS = 4_000_000;
let featureChars = 0;

function featuresOf(text: string): DeclaredFeature[] {
  const hit = parsedFeatures.get(text);
  if (hit) return hit;
  const parsed = JSON.parse(text) as DeclaredFeature[];
  if (text.length > MAX_FEATURE_CHARS) return parsed;
  parsedFeatures.set(text, parsed);
  featureChars += text.length;
  for (const old of parsedFeatures.keys()) {
    if (featureChars <= MAX_FEATURE_CHARS) break;
    parsedFeatures.delete(old);
    featureChars -= old.length;
  }
  return parsed;
}

export function rowToNamespace(r: RawNamespace): NamespaceRow {
  return {
    name: r.name,
    description: r.description,
    createdAt: r.created_at,
    features: featuresOf(r.features),
    activeVersion: r.active_version,
    latestVersion: r.latest_version,
    revision: r.revision,
    killSwitch: {
      enabled: r.kill_switch === 1,
      changedAt: r.kill_switch_changed_at,
      changedBy: r.kill_switch_changed_by,
      reason: r.kill_switch_reason,
    },
  };
}

export function rowToVersion(r: RawVersion): VersionRow {
  return {
    namespace: r.namespace,
    version: r.version,
    kind: r.kind as VersionKind,
    author: r.author,
    reason: r.reason,
    createdAt: r.created_at,
    hash: r.hash,
    meta: r.meta === null ? null : (JSON.parse(r.meta) as Record<string, unknown>),
    flagCount: r.flag_count,
    parentVersion: r.parent_version,
    sourceVersion: r.source_version,
    discardedBy:
      r.discarded_event_id === null
        ? null
        : {
            eventId: r.discarded_event_id,
            at: r.discarded_at ?? '',
            actor: r.discarded_actor ?? '',
            reason: r.discarded_reason ?? '',
          },
  };
}

export function rowToEvent(r: RawEvent): AuditEvent {
  return {
    id: r.id,
    at: r.at,
    namespace: r.namespace,
    actor: r.actor,
    action: r.action as AuditAction,
    reason: r.reason,
    fromVersion: r.from_version,
    toVersion: r.to_version,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}

export function rowToToken(r: RawToken): TokenRow {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Role,
    secretHash: r.secret_hash,
    createdAt: r.created_at,
    createdBy: r.created_by,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  };
}
