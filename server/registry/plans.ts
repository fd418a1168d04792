/**
 * Each registry mutation as a plan: from the state the service read (and the caller's input) to
 * the one NamespaceChange the store commits atomically. Plans validate; they never write.
 */
import type { DeclaredFeature, NamespaceSchema, Snapshot } from '@core/model';
import { serializeSnapshot } from '@core/canonical';
import { diffCounts, diffSummary } from '@core/diff';
import type { AuditAction, VersionKind } from '@contract/schemas';
import { ApiError } from '../errors';
import type { NamespaceChange, NamespaceStateWithContent, NewVersion, VersionRow, VersionWithContent } from '../store/types';
import { snapshotHash } from './digest';
import { storedSnapshot } from './stored-snapshot';

export interface Author {
  actor: string;
  at: string;
  reason: string;
}

export type Plan = Omit<NamespaceChange, 'idempotency'>;

export const schemaOf = (state: NamespaceStateWithContent): NamespaceSchema => ({
  namespace: state.namespace.name,
  features: state.namespace.features,
});

export const activeSnapshot = (state: NamespaceStateWithContent): Snapshot =>
  storedSnapshot(state.namespace.name, state.active.hash, state.active.content);

/** What the audit log and the UI need to describe a snapshot change without fetching it. */
export function changeDetails(from: Snapshot, to: Snapshot, toHash: string): Record<string, unknown> {
  const d = diffCounts(from, to);
  return { diffSummary: diffSummary(d), added: d.added, removed: d.removed, changed: d.changed, hash: toHash };
}

export function newVersion(
  number: number,
  snapshot: Snapshot,
  kind: VersionKind,
  author: Author,
  parentVersion: number | null,
  sourceVersion: number | null = null,
): NewVersion {
  return {
    version: number,
    kind,
    author: author.actor,
    reason: author.reason,
    createdAt: author.at,
    content: serializeSnapshot(snapshot),
    hash: snapshotHash(snapshot),
    meta: snapshot.meta ? { ...snapshot.meta } : null,
    flagCount: snapshot.flags.length,
    parentVersion,
    sourceVersion,
  };
}

/** A load, patch or restore: a new version on top of the active one. Equal content is still a version (an explicit act). */
export function planNewVersion(
  state: NamespaceStateWithContent,
  next: Snapshot,
  kind: VersionKind,
  action: AuditAction,
  author: Author,
  extra: { sourceVersion?: number; details?: Record<string, unknown> } = {},
): Plan {
  const ns = state.namespace;
  const version = newVersion(ns.latestVersion + 1, next, kind, author, ns.activeVersion, extra.sourceVersion ?? null);
  return {
    namespace: ns.name,
    expectedRevision: ns.revision,
    version,
    activeVersion: version.version,
    event: {
      at: author.at,
      namespace: ns.name,
      actor: author.actor,
      action,
      reason: author.reason,
      fromVersion: ns.activeVersion,
      toVersion: version.version,
      details: {
        ...changeDetails(activeSnapshot(state), next, version.hash),
        noop: version.hash === state.active.hash,
        ...extra.details,
      },
    },
  };
}

/**
 * Rollback: `chain` is the active chain from the active version (chain[0]) backwards. The pointer
 * moves to chain[steps]; the versions passed over are discarded. No version is written.
 */
export function planRollback(
  state: NamespaceStateWithContent,
  steps: number,
  chain: VersionRow[],
  target: VersionWithContent,
  targetSnapshot: Snapshot,
  author: Author,
): Plan {
  const ns = state.namespace;
  const discarded = chain.slice(0, steps).map((v) => v.version);
  return {
    namespace: ns.name,
    expectedRevision: ns.revision,
    activeVersion: target.version,
    discard: discarded,
    event: {
      at: author.at,
      namespace: ns.name,
      actor: author.actor,
      action: 'snapshot.rollback',
      reason: author.reason,
      fromVersion: ns.activeVersion,
      toVersion: target.version,
      details: { ...changeDetails(activeSnapshot(state), targetSnapshot, target.hash), steps, discarded },
    },
  };
}

export function insufficientHistory(state: NamespaceStateWithContent, steps: number, available: number): ApiError {
  const ns = state.namespace;
  return new ApiError(
    'InsufficientHistory',
    `cannot roll back ${ns.name} ${steps} step${steps === 1 ? '' : 's'}: the active chain of v${ns.activeVersion} has only ` +
      `${available} earlier version${available === 1 ? '' : 's'}; nothing was changed. Roll back fewer steps or restore a version.`,
    '/steps',
    { available, requested: steps, activeVersion: ns.activeVersion },
  );
}

export function planKillSwitch(state: NamespaceStateWithContent, enabled: boolean, author: Author): Plan {
  const ns = state.namespace;
  return {
    namespace: ns.name,
    expectedRevision: ns.revision,
    killSwitch: { enabled, changedAt: author.at, changedBy: author.actor, reason: author.reason },
    event: {
      at: author.at,
      namespace: ns.name,
      actor: author.actor,
      action: enabled ? 'killswitch.enable' : 'killswitch.disable',
      reason: author.reason,
      fromVersion: ns.activeVersion,
      toVersion: ns.activeVersion,
      details: { enabled, flagsAffected: state.active.flagCount },
    },
  };
}

export function killSwitchUnchanged(state: NamespaceStateWithContent): ApiError {
  const ks = state.namespace.killSwitch;
  const word = ks.enabled ? 'on' : 'off';
  const since = ks.changedAt ? ` since ${ks.changedAt} by ${ks.changedBy ?? 'unknown'}` : '';
  return new ApiError(
    'Conflict',
    `the kill switch of ${state.namespace.name} is already ${word}${since}; nothing was changed`,
    '/enabled',
    { killSwitch: ks },
  );
}

export function planFeatures(state: NamespaceStateWithContent, features: DeclaredFeature[], author: Author): Plan {
  const ns = state.namespace;
  const before = new Map(ns.features.map((f) => [f.key, JSON.stringify(f)]));
  const after = new Map(features.map((f) => [f.key, JSON.stringify(f)]));
  return {
    namespace: ns.name,
    expectedRevision: ns.revision,
    features,
    event: {
      at: author.at,
      namespace: ns.name,
      actor: author.actor,
      action: 'namespace.features',
      reason: author.reason,
      fromVersion: ns.activeVersion,
      toVersion: ns.activeVersion,
      details: {
        features: features.length,
        added: [...after.keys()].filter((k) => !before.has(k)),
        removed: [...before.keys()].filter((k) => !after.has(k)),
        changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)),
      },
    },
  };
}

export function planCreate(
  name: string,
  description: string | null,
  features: DeclaredFeature[],
  snapshot: Snapshot,
  adopted: boolean,
  author: Author,
): Plan {
  const version = newVersion(1, snapshot, 'create', author, null);
  return {
    namespace: name,
    expectedRevision: null,
    create: { description, createdAt: author.at },
    features,
    version,
    event: {
      at: author.at,
      namespace: name,
      actor: author.actor,
      action: 'namespace.create',
      reason: author.reason,
      fromVersion: null,
      toVersion: 1,
      details: { features: features.length, adopted, flagCount: snapshot.flags.length, hash: version.hash },
    },
  };
}
