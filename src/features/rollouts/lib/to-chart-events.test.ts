import { describe, expect, it } from 'vitest';
import type { Marker } from '@contract/rollouts';
import { DEFAULT_GUARDS } from '@core/rollout/guards';
import { toChartEvents } from './to-chart-events';

const marker = (over: Partial<Marker>): Marker => ({
  t: Date.UTC(2026, 1, 19, 18, 5),
  kind: 'stage_change',
  label: 'Promoted to Ramp 25%',
  actor: 'ada',
  severity: 'info',
  automatic: false,
  eventId: 7,
  breachId: null,
  version: 15,
  ...over,
});

describe('toChartEvents', () => {
  it('gives stage changes their target as a short label and the whole story as detail', () => {
    const [e] = toChartEvents([marker({})], DEFAULT_GUARDS);
    expect(e).toMatchObject({ kind: 'stage', label: '→ 25%', at: Date.UTC(2026, 1, 19, 18, 5) });
    expect(e?.detail).toMatch(/^Promoted to Ramp 25% · ada · \w{3} 19 Feb, \d\d:05$/);
  });

  it('reads the target step before the reason the server appends', () => {
    const events = toChartEvents(
      [marker({ label: 'Promoted to Canary 1%: Shadow parity within 3% for a day' }), marker({ label: 'Rollout created at Shadow: Start V2 in shadow' })],
      DEFAULT_GUARDS,
    );
    expect(events.map((e) => e.label)).toEqual(['→ 1%', 'Start']);
  });

  it('marks automatic rollbacks and pauses as such', () => {
    const events = toChartEvents(
      [marker({ kind: 'rollout_rollback', label: 'Rolled back to Shadow', automatic: true, actor: 'switchyard-guards' }), marker({ kind: 'rollout_pause', automatic: true })],
      DEFAULT_GUARDS,
    );
    expect(events.map((e) => [e.kind, e.label])).toEqual([
      ['rollback', 'Auto rollback'],
      ['pause', 'Auto pause'],
    ]);
    expect(events[0]?.detail).toContain('· automatic ·');
  });

  it('names snapshot changes by version and finds the metric of a breach from its rule', () => {
    const events = toChartEvents(
      [
        marker({ kind: 'snapshot_load', label: 'Loaded v15', version: 15 }),
        marker({ kind: 'guard_breach', label: 'V2 error rate above 5% for 5 consecutive minutes', severity: 'critical', breachId: 'critical-error-rate@2026-02-19T18:00:00.000Z', eventId: null, version: null }),
      ],
      DEFAULT_GUARDS,
    );
    expect(events[0]).toMatchObject({ kind: 'config', label: 'v15' });
    expect(events[1]).toMatchObject({ kind: 'breach', metric: 'error_rate', severity: 'critical' });
  });
});
