/**
 * The metrics API's markers (contract `MarkerSchema`) as chart events: a colour family, a label
 * short enough to sit on the chart, the whole story for the tooltip, and for breaches the metric
 * of the rule that fired (from the breach id `ruleId@start`).
 */
import type { Marker } from '@contract/rollouts';
import type { GuardRule } from '@core/rollout/guards';
import type { ChartEvent, MarkerKind } from './to-chart-markers';
import { formatInstant } from './time-range';

const KIND: Readonly<Record<Marker['kind'], MarkerKind>> = {
  snapshot_load: 'config',
  snapshot_patch: 'config',
  snapshot_restore: 'config',
  kill_switch_off: 'config',
  kill_switch_on: 'rollback',
  snapshot_rollback: 'rollback',
  rollout_rollback: 'rollback',
  stage_change: 'stage',
  rollout_resume: 'stage',
  rollout_pause: 'pause',
  guard_breach: 'breach',
  parity_spike: 'pause',
};

function shortLabel(m: Marker): string {
  switch (m.kind) {
    case 'snapshot_load':
    case 'snapshot_patch':
    case 'snapshot_restore':
      return m.version === null ? 'Config' : `v${m.version}`;
    case 'snapshot_rollback':
      return m.version === null ? 'Rollback' : `↩ v${m.version}`;
    case 'kill_switch_on':
      return 'Kill switch';
    case 'kill_switch_off':
      return 'Kill off';
    case 'stage_change': {
      // "Promoted to Ramp 25%: <reason>", "Rollout created at Shadow: <reason>".
      const head = m.label.split(':')[0] ?? m.label;
      if (/created/i.test(head)) return 'Start';
      const to = /(\d+(?:\.\d+)?%|Shadow)\s*$/i.exec(head)?.[1];
      return to ? `→ ${to}` : 'Stage';
    }
    case 'rollout_rollback':
      return m.automatic ? 'Auto rollback' : 'Rollback';
    case 'rollout_pause':
      return m.automatic ? 'Auto pause' : 'Pause';
    case 'rollout_resume':
      return 'Resume';
    case 'guard_breach':
      return 'Breach';
    case 'parity_spike':
      return 'Parity spike';
  }
}

/** "Promoted to Ramp 25% · ada · Tue 19 Feb, 18:05", with "(automatic)" for the guards' actions. */
export function markerDetail(m: Marker): string {
  const who = m.automatic ? 'automatic' : m.actor;
  return [m.label, who, formatInstant(m.t)].filter(Boolean).join(' · ');
}

export function toChartEvents(markers: readonly Marker[], rules: readonly GuardRule[]): ChartEvent[] {
  const metricOf = new Map(rules.map((r) => [r.id, r.metric]));
  return markers.map((m, i) => {
    const event: ChartEvent = { id: `${m.kind}:${m.eventId ?? m.breachId ?? i}:${m.t}`, at: m.t, kind: KIND[m.kind], label: shortLabel(m), detail: markerDetail(m) };
    if (m.kind === 'guard_breach') {
      const ruleId = m.breachId?.split('@')[0];
      const metric = ruleId === undefined ? undefined : metricOf.get(ruleId);
      if (metric) event.metric = metric;
      event.severity = m.severity === 'critical' ? 'critical' : 'warning';
    }
    return event;
  });
}
