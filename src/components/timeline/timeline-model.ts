/**
 * The timeline's view model (product I3): kind groups and names, where each item links, which
 * kinds a URL asks for, and where each item sits on the time axis. Pure.
 */
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind, type TimelineLink } from '@contract/insights';
import { QUERY_ROOTS } from '../../lib/query-keys';

/** Every timeline query key starts with this, so one invalidation refreshes them all. */
export const TIMELINE_QUERY_KEY = QUERY_ROOTS.timeline;

export type KindGroupId = 'config' | 'stage' | 'recovery' | 'detection';

export interface KindGroup {
  id: KindGroupId;
  label: string;
  kinds: readonly TimelineKind[];
}

/** The rows of the axis, top to bottom. */
export const KIND_GROUPS: readonly KindGroup[] = [
  { id: 'config', label: 'Config changes', kinds: ['snapshot_load', 'snapshot_patch', 'snapshot_restore'] },
  { id: 'stage', label: 'Stage changes', kinds: ['stage_change', 'rollout_pause', 'rollout_resume'] },
  { id: 'recovery', label: 'Rollbacks, kill switch', kinds: ['snapshot_rollback', 'rollout_rollback', 'kill_switch_on', 'kill_switch_off'] },
  { id: 'detection', label: 'Breaches, parity spikes', kinds: ['guard_breach', 'parity_spike'] },
];

export const KIND_LABELS: Readonly<Record<TimelineKind, string>> = {
  snapshot_load: 'Load',
  snapshot_patch: 'Patch',
  snapshot_restore: 'Restore',
  snapshot_rollback: 'Rollback',
  kill_switch_on: 'Kill switch on',
  kill_switch_off: 'Kill switch off',
  stage_change: 'Stage change',
  rollout_rollback: 'Rollout rollback',
  rollout_pause: 'Pause',
  rollout_resume: 'Resume',
  guard_breach: 'Guard breach',
  parity_spike: 'Parity spike',
};

export const groupOf = (kind: TimelineKind): KindGroupId => KIND_GROUPS.find((g) => g.kinds.includes(kind))?.id ?? 'config';

/** The colour family of a marker: a tone the badge and the axis share. */
export function toneOf(item: Pick<TimelineItem, 'kind' | 'severity'>): 'neutral' | 'accent' | 'success' | 'warning' | 'danger' {
  if (item.kind === 'kill_switch_off' || item.kind === 'rollout_resume') return 'success';
  if (item.severity === 'critical') return 'danger';
  if (item.severity === 'warning') return 'warning';
  return groupOf(item.kind) === 'stage' ? 'accent' : 'neutral';
}

const enc = encodeURIComponent;

export function linkHref(link: TimelineLink): string {
  switch (link.type) {
    case 'diff':
      return `/namespaces/${enc(link.namespace)}/diff?from=${link.from}&to=${link.to}`;
    case 'version':
      return `/namespaces/${enc(link.namespace)}/versions/${link.version}`;
    case 'namespace':
      return `/namespaces/${enc(link.namespace)}`;
    case 'rollout':
      return `/rollouts/${enc(link.rolloutId)}`;
    case 'parity':
      return `/rollouts/${enc(link.rolloutId)}/parity?status=mismatch`;
  }
}

export function linkText(link: TimelineLink): string {
  switch (link.type) {
    case 'diff':
      return `Diff v${link.from} → v${link.to}`;
    case 'version':
      return `v${link.version}`;
    case 'namespace':
      return link.namespace;
    case 'rollout':
      return 'Rollout';
    case 'parity':
      return 'Parity review';
  }
}

const isKind = (k: string): k is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(k);

/** Kinds from the URL (`kinds=snapshot_load,guard_breach`); every kind when absent or unreadable. */
export function parseKinds(raw: string | null): TimelineKind[] {
  const kinds = (raw ?? '').split(',').filter(isKind);
  return kinds.length > 0 ? kinds : [...TIMELINE_KINDS];
}

/** The URL value for these kinds; null when they are all of them (nothing to write). */
export function kindsParam(kinds: readonly TimelineKind[]): string | null {
  const set = new Set(kinds);
  if (TIMELINE_KINDS.every((k) => set.has(k))) return null;
  return TIMELINE_KINDS.filter((k) => set.has(k)).join(',');
}

/** Turns a group on or off in a selection of kinds. */
export function toggleGroup(kinds: readonly TimelineKind[], group: KindGroup): TimelineKind[] {
  const set = new Set(kinds);
  const on = group.kinds.every((k) => set.has(k));
  for (const k of group.kinds) {
    if (on) set.delete(k);
    else set.add(k);
  }
  return TIMELINE_KINDS.filter((k) => set.has(k));
}

export interface PlacedMarker {
  item: TimelineItem;
  /** 0..1 across the axis. */
  x: number;
  row: number;
}

/** Markers on the axis: x by time within [from, to], one row per kind group; items outside are left out. */
export function placeMarkers(items: readonly TimelineItem[], from: number, to: number): PlacedMarker[] {
  const span = Math.max(1, to - from);
  return items
    .filter((i) => i.t >= from && i.t <= to)
    .map((item) => ({ item, x: (item.t - from) / span, row: KIND_GROUPS.findIndex((g) => g.id === groupOf(item.kind)) }));
}

/** A dragged selection on the axis (fractions 0..1) as a time range; too narrow a drag (under 1% or a minute) is no zoom. */
export function brushRange(a: number, b: number, from: number, to: number): { from: number; to: number } | null {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(1, Math.max(a, b));
  const start = Math.round(from + lo * (to - from));
  const end = Math.round(from + hi * (to - from));
  if (hi - lo < 0.01 || end - start < 60_000) return null;
  return { from: start, to: end };
}

/** Items newest first, grouped by local day ("Sat 21 Nov"). */
export function byDay(items: readonly TimelineItem[], timeZone?: string): { day: string; items: TimelineItem[] }[] {
  const fmt = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...(timeZone ? { timeZone } : {}) });
  const groups: { day: string; items: TimelineItem[] }[] = [];
  for (const item of [...items].sort((a, b) => b.t - a.t || b.id.localeCompare(a.id))) {
    const day = fmt.format(item.t);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEPS = [HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];

/** About `target` ticks at round local times (hours within days, midnights beyond), labelled to fit the span. */
export function axisTicks(from: number, to: number, target = 8): { t: number; label: string }[] {
  const span = to - from;
  const step = STEPS.find((s) => span / s <= target) ?? STEPS[STEPS.length - 1] ?? DAY;
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
  const first = new Date(from);
  if (step >= DAY) first.setHours(0, 0, 0, 0);
  else first.setMinutes(0, 0, 0);
  const ticks: { t: number; label: string }[] = [];
  for (let t = first.getTime(); t <= to; ) {
    if (t >= from) {
      const d = new Date(t);
      const midnight = d.getHours() === 0 && d.getMinutes() === 0;
      ticks.push({ t, label: step >= DAY || (midnight && span > DAY) ? date.format(t) : time.format(t) });
    }
    // Local calendar steps: a DST day is 23 or 25 hours, so days are added on the calendar.
    const next = new Date(t);
    if (step >= DAY) next.setDate(next.getDate() + step / DAY);
    else next.setTime(t + step);
    t = next.getTime();
  }
  return ticks;
}
