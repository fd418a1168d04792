/** How the events drawer names a number and its events, and where each event links. Pure. */
import type { InsightMetric } from '@contract/insights';
import type { AuditEvent } from '@contract/schemas';
import type { Drill } from './insight-params';

export const METRIC_TITLES: Readonly<Record<InsightMetric, string>> = {
  changes: 'Changes',
  loads: 'Loads',
  patches: 'Patches',
  restores: 'Restores',
  promotions: 'Rollout promotions',
  failures: 'Failed changes',
  rollbacks: 'Rollbacks',
  rollbacks_manual: 'Manual rollbacks',
  rollbacks_automatic: 'Automatic rollbacks',
  kill_switch: 'Kill-switch episodes',
  recoveries: 'Recoveries (time to safe rollback)',
};

/** What the related events are to each item: the failures of a change, or the changes a rollback failed. */
export function relatedHeading(metric: InsightMetric): string {
  switch (metric) {
    case 'changes':
    case 'loads':
    case 'patches':
    case 'restores':
    case 'promotions':
    case 'failures':
      return 'Failed by';
    case 'recoveries':
      return 'Made safe';
    default:
      return 'Failed';
  }
}

const SINGLE_ACTION: Partial<Record<InsightMetric, AuditEvent['action']>> = {
  loads: 'snapshot.load',
  patches: 'snapshot.patch',
  restores: 'snapshot.restore',
  promotions: 'rollout.promote',
  kill_switch: 'killswitch.enable',
};

/** The same events in the audit log, when its filters can say so (one action). */
export function auditHref(d: Drill): string | null {
  const action = SINGLE_ACTION[d.metric];
  if (!action) return null;
  const q = new URLSearchParams();
  if (d.namespace) q.set('namespace', d.namespace);
  q.set('action', action);
  q.set('from', new Date(d.from).toISOString());
  q.set('to', new Date(d.to - 1).toISOString());
  return `/audit?${q.toString()}`;
}

/** A change links to its diff (or the version it wrote); anything without versions to the namespace. */
export function eventHref(e: Pick<AuditEvent, 'namespace' | 'fromVersion' | 'toVersion'>): { href: string; text: string } | null {
  if (e.namespace === null) return null;
  const ns = encodeURIComponent(e.namespace);
  if (e.fromVersion !== null && e.toVersion !== null && e.fromVersion !== e.toVersion) {
    return { href: `/namespaces/${ns}/diff?from=${e.fromVersion}&to=${e.toVersion}`, text: `Diff v${e.fromVersion} → v${e.toVersion}` };
  }
  if (e.toVersion !== null) return { href: `/namespaces/${ns}/versions/${e.toVersion}`, text: `v${e.toVersion}` };
  return null;
}
