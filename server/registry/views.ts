/** Store rows -> the contract's response shapes. */
import type { z } from 'zod';
import type {
  AuditEvent,
  ChangeEvent,
  MutationResponse,
  NamespaceSummary,
  SnapshotDiffDto,
  SnapshotSchema,
  TokenDto,
  VersionSummary,
} from '@contract/schemas';
import type { SnapshotDiff } from '@core/diff';
import type { Snapshot } from '@core/model';
import type { Committed, NamespaceState, TokenRow, VersionRow } from '../store/types';

export function toSummary(s: NamespaceState): NamespaceSummary {
  const ns = s.namespace;
  return {
    name: ns.name,
    description: ns.description,
    createdAt: ns.createdAt,
    activeVersion: ns.activeVersion,
    latestVersion: ns.latestVersion,
    flagCount: s.active.flagCount,
    activeHash: s.active.hash,
    killSwitch: ns.killSwitch,
    lastChange: s.lastChange,
    rollbacks7d: s.rollbacks7d,
    changes7d: s.changes7d,
    changeFailureRate7d: s.changeFailureRate7d,
    revision: ns.revision,
  };
}

export function toVersionSummary(v: VersionRow, activeVersion: number): VersionSummary {
  return {
    version: v.version,
    kind: v.kind,
    author: v.author,
    reason: v.reason,
    createdAt: v.createdAt,
    meta: v.meta,
    hash: v.hash,
    flagCount: v.flagCount,
    parentVersion: v.parentVersion,
    sourceVersion: v.sourceVersion,
    active: v.version === activeVersion,
    discardedBy: v.discardedBy,
  };
}

export function toMutationResponse(c: Committed): MutationResponse {
  return {
    namespace: toSummary(c.state),
    event: c.event,
    version: c.version ? toVersionSummary(c.version, c.state.namespace.activeVersion) : null,
  };
}

export function toTokenDto(t: TokenRow): TokenDto {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    createdAt: t.createdAt,
    createdBy: t.createdBy,
    lastUsedAt: t.lastUsedAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
  };
}

export function toChangeEvent(e: AuditEvent): ChangeEvent {
  const rolloutId = e.details.rolloutId;
  return {
    namespace: e.namespace,
    eventId: e.id,
    action: e.action,
    activeVersion: e.toVersion,
    at: e.at,
    ...(typeof rolloutId === 'string' ? { rolloutId } : {}),
  };
}

/*
 * The contract describes snapshots loosely (looseObject: an index signature), and TypeScript does
 * not let interfaces such as Flag meet index signatures. The shapes do match; these two casts
 * are the one place that says so.
 */
export const snapshotDto = (s: Snapshot): z.infer<typeof SnapshotSchema> => s as unknown as z.infer<typeof SnapshotSchema>;
export const diffDto = (d: SnapshotDiff): SnapshotDiffDto => d as unknown as SnapshotDiffDto;
