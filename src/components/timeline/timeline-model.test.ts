import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '@contract/insights';
import { axisTicks, brushRange, byDay, kindsParam, linkHref, linkText, parseKinds, placeMarkers, toggleGroup, toneOf, KIND_GROUPS } from './timeline-model';

const item = (t: string, extra: Partial<TimelineItem> = {}): TimelineItem => ({
  id: `event:${t}`,
  t: Date.parse(t),
  kind: 'snapshot_load',
  namespace: 'payments',
  rolloutId: null,
  label: 'Loaded v3',
  reason: 'ramp',
  actor: 'ada',
  severity: 'info',
  automatic: false,
  eventId: 1,
  version: 3,
  link: { type: 'diff', namespace: 'payments', from: 2, to: 3 },
  ...extra,
});

describe('timeline model', () => {
  it('links each item to its diff, version, rollout or parity review', () => {
    expect(linkHref({ type: 'diff', namespace: 'pay ments', from: 14, to: 12 })).toBe('/namespaces/pay%20ments/diff?from=14&to=12');
    expect(linkHref({ type: 'version', namespace: 'p', version: 3 })).toBe('/namespaces/p/versions/3');
    expect(linkHref({ type: 'parity', rolloutId: 'r1' })).toBe('/rollouts/r1/parity?status=mismatch');
    expect(linkHref({ type: 'rollout', rolloutId: 'r1' })).toBe('/rollouts/r1');
    expect(linkText({ type: 'diff', namespace: 'p', from: 14, to: 12 })).toBe('Diff v14 → v12');
  });

  it('reads kinds from the URL and writes only a partial selection', () => {
    expect(parseKinds(null)).toHaveLength(12);
    expect(parseKinds('guard_breach,nope,parity_spike')).toEqual(['guard_breach', 'parity_spike']);
    expect(kindsParam(parseKinds(null))).toBeNull();
    const detections = KIND_GROUPS.find((g) => g.id === 'detection')!;
    const without = toggleGroup(parseKinds(null), detections);
    expect(without).not.toContain('guard_breach');
    expect(kindsParam(toggleGroup(without, detections))).toBeNull();
    expect(kindsParam(['parity_spike', 'snapshot_load'])).toBe('snapshot_load,parity_spike');
  });

  it('places markers by time, one row per group, leaving out what is outside', () => {
    const from = Date.parse('2026-11-01T00:00:00Z');
    const to = Date.parse('2026-11-02T00:00:00Z');
    const placed = placeMarkers([item('2026-11-01T06:00:00Z'), item('2026-11-01T12:00:00Z', { kind: 'guard_breach' }), item('2026-11-03T00:00:00Z')], from, to);
    expect(placed.map((p) => [p.x, p.row])).toEqual([
      [0.25, 0],
      [0.5, 3],
    ]);
  });

  it('zooms to a dragged selection, ignoring a click', () => {
    expect(brushRange(0.5, 0.25, 0, 4 * 3_600_000)).toEqual({ from: 3_600_000, to: 2 * 3_600_000 });
    expect(brushRange(0.5, 0.505, 0, 4 * 3_600_000)).toBeNull();
  });

  it('tones: critical red, warnings amber, recoveries green', () => {
    expect(toneOf({ kind: 'snapshot_rollback', severity: 'critical' })).toBe('danger');
    expect(toneOf({ kind: 'parity_spike', severity: 'warning' })).toBe('warning');
    expect(toneOf({ kind: 'kill_switch_off', severity: 'info' })).toBe('success');
    expect(toneOf({ kind: 'stage_change', severity: 'info' })).toBe('accent');
  });

  it('groups by day, newest first; ticks fall on round times', () => {
    const days = byDay([item('2026-11-01T06:00:00Z'), item('2026-11-02T08:00:00Z'), item('2026-11-01T09:00:00Z')], 'UTC');
    expect(days.map((d) => d.items.length)).toEqual([1, 2]);
    expect(days[0]?.day).toMatch(/Mon,? 2 Nov 2026/);
    const ticks = axisTicks(Date.parse('2026-11-01T00:30:00Z'), Date.parse('2026-11-01T12:00:00Z'));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.every((t) => new Date(t.t).getMinutes() === 0)).toBe(true);
    expect(axisTicks(Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-11-01T00:00:00Z')).length).toBeLessThanOrEqual(7);
  });
});
