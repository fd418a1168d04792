/**
 * One timeline (product I3): audit events (the same kinds and labels as the rollout charts'
 * markers, server/rollouts/reads.ts describeEvent), guard breaches and parity mismatch spikes,
 * oldest first, each with where to see it: the diff of the versions it moved between, the
 * version it wrote, the rollout (its guards and history) or the rollout's parity review.
 */
import type { z } from 'zod';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind, type TimelineLink, type TimelineQuery, type TimelineResponse } from '@contract/insights';
import type { AuditEvent } from '@contract/schemas';
import { SPIKE_WINDOW_MS } from '@core/insights/model';
import { paritySpikes } from '@core/insights/parity-spikes';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import { describeEvent, MARKER_OF } from '../rollouts/reads';
import type { Store } from '../store/types';
import { rangeOf } from './service';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The audit actions of the requested kinds. */
function actionsOf(kinds: ReadonlySet<TimelineKind>): string[] {
  return Object.entries(MARKER_OF).flatMap(([action, kind]) => (kind !== undefined && kinds.has(kind) ? [action] : []));
}

function linkOf(e: AuditEvent, kind: TimelineKind): TimelineLink | null {
  const rolloutId = typeof e.details.rolloutId === 'string' ? e.details.rolloutId : null;
  if (e.namespace === null) return null;
  const moved = e.fromVersion !== null && e.toVersion !== null && e.fromVersion !== e.toVersion;
  if (kind === 'kill_switch_on' || kind === 'kill_switch_off') return { type: 'namespace', namespace: e.namespace };
  if ((kind === 'rollout_pause' || kind === 'rollout_resume') && rolloutId !== null) return { type: 'rollout', rolloutId };
  if (moved && e.fromVersion !== null && e.toVersion !== null) return { type: 'diff', namespace: e.namespace, from: e.fromVersion, to: e.toVersion };
  if (e.toVersion !== null) return { type: 'version', namespace: e.namespace, version: e.toVersion };
  return rolloutId === null ? { type: 'namespace', namespace: e.namespace } : { type: 'rollout', rolloutId };
}

function eventItem(e: AuditEvent): TimelineItem | null {
  const d = describeEvent(e);
  if (d === null) return null;
  const rolloutId = typeof e.details.rolloutId === 'string' ? e.details.rolloutId : null;
  return {
    id: `event:${e.id}`,
    t: Date.parse(e.at),
    kind: d.kind,
    namespace: e.namespace,
    rolloutId,
    label: d.label,
    reason: e.reason,
    actor: e.actor,
    severity: d.severity,
    automatic: d.automatic,
    eventId: e.id,
    version: e.toVersion,
    link: linkOf(e, d.kind),
  };
}

export class TimelineService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async timeline(q: z.infer<typeof TimelineQuery>): Promise<z.infer<typeof TimelineResponse>> {
    const { from, to } = rangeOf(q, this.clock().getTime(), 7 * DAY_MS);
    const kinds = new Set<TimelineKind>(q.kinds ?? TIMELINE_KINDS);
    let rollout: { id: string; namespace: string } | undefined;
    if (q.rollout !== undefined) {
      const namespace = await this.store.insights.rolloutNamespace(q.rollout);
      if (namespace === null) throw notFound(`rollout ${q.rollout}`);
      rollout = { id: q.rollout, namespace };
    }
    const scope = {
      ...(rollout ? { namespace: rollout.namespace, rolloutId: rollout.id } : q.namespace !== undefined ? { namespace: q.namespace } : {}),
    };

    const { events, truncated: eventsTruncated } = await this.store.insights.timelineEvents({
      from: iso(from),
      to: iso(to),
      actions: actionsOf(kinds),
      ...(q.namespace !== undefined ? { namespace: q.namespace } : {}),
      ...(rollout ? { rollout } : {}),
      limit: q.limit,
    });
    const items: TimelineItem[] = events.flatMap((e) => {
      const item = eventItem(e);
      return item ? [item] : [];
    });

    if (kinds.has('guard_breach')) {
      for (const b of await this.store.insights.breaches({ from: iso(from), to: iso(to), ...scope })) {
        items.push({
          id: `breach:${b.rolloutId}:${b.breachId}`,
          t: Date.parse(b.firedAt),
          kind: 'guard_breach',
          namespace: b.namespace,
          rolloutId: b.rolloutId,
          label: `Guard breach: ${b.ruleId}${b.outcome === 'rolled_back' ? ' (rolled back)' : b.outcome === 'paused' ? ' (paused)' : ''}`,
          reason: b.sentence,
          actor: null,
          severity: b.severity,
          automatic: true,
          eventId: b.eventId,
          version: null,
          link: { type: 'rollout', rolloutId: b.rolloutId },
        });
      }
    }
    if (kinds.has('parity_spike')) {
      for (const m of await this.store.insights.mismatchTimes({ from: iso(from - SPIKE_WINDOW_MS), to: iso(to), ...scope })) {
        for (const s of paritySpikes(m.rolloutId, m.namespace, m.times)) {
          if (s.detectedAt < from || s.detectedAt >= to) continue;
          const minutes = Math.max(1, Math.round((s.lastAt - s.firstAt) / 60_000));
          items.push({
            id: `spike:${s.id}`,
            t: s.detectedAt,
            kind: 'parity_spike',
            namespace: s.namespace,
            rolloutId: s.rolloutId,
            label: `Parity mismatch spike: ${s.mismatches} mismatches`,
            reason: `${s.mismatches} parity mismatches in ${minutes} minute${minutes === 1 ? '' : 's'}`,
            actor: null,
            severity: 'warning',
            automatic: true,
            eventId: null,
            version: null,
            link: { type: 'parity', rolloutId: s.rolloutId },
          });
        }
      }
    }
    items.sort((a, b) => a.t - b.t || a.id.localeCompare(b.id));
    const truncated = eventsTruncated || items.length > q.limit;
    return { from, to, items: items.slice(Math.max(0, items.length - q.limit)), truncated };
  }
}
