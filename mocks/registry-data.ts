/**
 * Versions, diffs and audit events for component tests and the static demo, typed by the contract.
 * Histories are generated so a test can ask for any size (10,000 versions for the virtual list).
 */
import type { AuditEvent, EventPage, SnapshotDiffDto, VersionDetail, VersionPage, VersionSummary } from '@contract/schemas';
import { ago, checkoutDetail, makeEvent, namespaceSummaries } from './data';

const KINDS = ['load', 'patch', 'load', 'restore', 'rollout_step'] as const;
const AUTHORS = ['maria@switchyard.dev', 'lee@switchyard.dev', 'ada@switchyard.dev', 'ci-pipeline'];

export interface HistoryOptions {
  /** The live version; versions above it are discarded by one rollback. */
  active?: number;
  minutesApart?: number;
}

/** `count` versions, newest first, every one with a plausible author, reason and meta. */
export function makeHistory(count: number, { active = count, minutesApart = 60 }: HistoryOptions = {}): VersionSummary[] {
  const rollback = { eventId: 900, at: ago(5), actor: 'oncall@switchyard.dev', reason: 'p95 latency regression after the release' };
  return Array.from({ length: count }, (_, i) => {
    const version = count - i;
    const kind = version === 1 ? 'create' : KINDS[version % KINDS.length];
    return {
      version,
      kind: kind ?? 'load',
      author: AUTHORS[version % AUTHORS.length] ?? 'ada@switchyard.dev',
      reason: version === 1 ? 'Adopt the existing snapshot' : `Release ${version}: tune checkout flags`,
      createdAt: ago((i + 1) * minutesApart),
      meta: { version: `2026.11.${String(version).padStart(2, '0')}`, generatedAtEpochMillis: Date.parse(ago((i + 1) * minutesApart + 2)), source: `git:config@${(version * 7919).toString(16)}` },
      hash: `sha256:${version.toString(16).padStart(8, '0')}`,
      flagCount: 4,
      parentVersion: version === 1 ? null : version - 1,
      sourceVersion: kind === 'restore' ? Math.max(1, version - 3) : null,
      active: version === active,
      discardedBy: version > active ? rollback : null,
    };
  });
}

export const histories: Record<string, VersionSummary[]> = Object.fromEntries(
  namespaceSummaries.map((n) => [n.name, makeHistory(n.latestVersion, { active: n.activeVersion })]),
);

export function versionPage(items: VersionSummary[], before: number | null, limit: number): VersionPage {
  const older = before === null ? items : items.filter((v) => v.version < before);
  const page = older.slice(0, limit);
  const last = page.at(-1);
  return { items: page, total: items.length, nextBefore: page.length === limit && last && last.version > 1 ? last.version : null };
}

export function versionDetail(ns: string, summary: VersionSummary): VersionDetail {
  return { ...summary, snapshot: { ...checkoutDetail.snapshot, meta: { version: `2026.11.${summary.version}`, source: `mock:${ns}` } } };
}

export const sampleDiff: SnapshotDiffDto = {
  added: [
    { key: 'feature::checkout::expressPay', defaultValue: { type: 'BOOLEAN', value: false }, salt: 'v1', isActive: true, rampUpAllowlist: [], rules: [] },
  ],
  removed: [
    { key: 'feature::checkout::legacyCart', defaultValue: { type: 'BOOLEAN', value: true }, salt: 'v1', isActive: true, rampUpAllowlist: [], rules: [] },
  ],
  changed: [
    {
      key: 'feature::checkout::newAddressForm',
      fields: [
        { path: '/rules/0/rampUp', before: 10, after: 25 },
        { path: '/isActive', before: false, after: true },
      ],
    },
  ],
  unchanged: 2,
  metaChanged: [{ path: '/version', before: '2026.11.12', after: '2026.11.14' }],
};

export const emptyDiff: SnapshotDiffDto = { added: [], removed: [], changed: [], unchanged: 4, metaChanged: [] };

export const auditEvents: AuditEvent[] = [
  makeEvent({ id: 60, at: ago(12), namespace: 'checkout', actor: 'maria@switchyard.dev', action: 'snapshot.patch', reason: 'Ramp new address form to 25%', fromVersion: 13, toVersion: 14 }),
  makeEvent({ id: 59, at: ago(48), namespace: 'payments', actor: 'oncall@switchyard.dev', action: 'killswitch.enable', reason: 'Provider outage', fromVersion: 9, toVersion: 9 }),
  makeEvent({ id: 58, at: ago(60 * 5), namespace: 'checkout', actor: 'oncall@switchyard.dev', action: 'snapshot.rollback', reason: 'p95 latency regression after v13', fromVersion: 13, toVersion: 12 }),
  makeEvent({ id: 57, at: ago(60 * 6), namespace: 'checkout', actor: 'maria@switchyard.dev', action: 'snapshot.load', reason: 'Release 2026.11.20', fromVersion: 12, toVersion: 13 }),
  makeEvent({ id: 56, at: ago(60 * 30), namespace: null, actor: 'ada@switchyard.dev', action: 'token.create', reason: 'CI token for the config pipeline', fromVersion: null, toVersion: null }),
  makeEvent({ id: 55, at: ago(60 * 24 * 3), namespace: 'search', actor: 'lee@switchyard.dev', action: 'namespace.create', reason: 'Adopt the ranking snapshot', fromVersion: null, toVersion: 1 }),
];

export interface EventFilter {
  namespace?: string | null;
  actor?: string | null;
  action?: string | null;
  from?: string | null;
  to?: string | null;
  before?: number | null;
  limit: number;
}

/** The server's semantics: exact namespace and actor, comma-separated actions, time bounds, id paging. */
export function eventPage(events: AuditEvent[], f: EventFilter): EventPage {
  const actions = f.action ? f.action.split(',') : null;
  const matching = events.filter(
    (e) =>
      (!f.namespace || e.namespace === f.namespace) &&
      (!f.actor || e.actor === f.actor) &&
      (!actions || actions.includes(e.action)) &&
      (!f.from || e.at >= new Date(f.from).toISOString()) &&
      (!f.to || e.at <= new Date(f.to).toISOString()) &&
      (!f.before || e.id < f.before),
  );
  const items = matching.slice(0, f.limit);
  const last = items.at(-1);
  return { items, nextBefore: matching.length > f.limit && last ? last.id : null };
}
