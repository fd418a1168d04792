import { describe, expect, it } from 'vitest';
import type { BucketCounts, RollbackSeries } from '@contract/insights';
import { formatDuration, formatRate } from './format';
import { autoBucket, parseInsightParams, rangeLabel, withDrill, withRange } from './insight-params';
import { toRollbackCharts } from './to-rollback-chart';
import { trendOf } from './trend';

const counts = (manual: number, automatic: number): BucketCounts => ({
  loads: 0,
  patches: 0,
  restores: 0,
  promotions: 0,
  changes: 0,
  failures: 0,
  rollbacks: manual + automatic,
  manual,
  automatic,
  byTrigger: {},
  killSwitchEpisodes: 0,
});

describe('insight params', () => {
  it('reads range, bucket, trigger, time zone and the open drill from the URL', () => {
    const p = parseInsightParams(
      new URLSearchParams('range=7d&bucket=hour&trigger=manual&tz=Europe/Berlin&drill=failures&dns=payments&dfrom=2026-11-01T00:00:00.000Z&dto=2026-11-02T00:00:00.000Z'),
      'UTC',
    );
    expect(p).toEqual({
      range: { key: '7d' },
      bucket: 'hour',
      trigger: 'manual',
      tz: 'Europe/Berlin',
      drill: { metric: 'failures', namespace: 'payments', from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-11-02T00:00:00Z'), trigger: null },
    });
    expect(parseInsightParams(new URLSearchParams('bucket=minute&drill=nope'), 'UTC')).toMatchObject({ range: { key: '14d' }, bucket: null, tz: 'UTC', drill: null });
  });

  it('opening and closing the drawer keeps the rest; a new range closes it', () => {
    const s = new URLSearchParams('range=7d');
    const open = withDrill(s, { metric: 'rollbacks', namespace: null, from: 0, to: 86_400_000, trigger: 'critical-error-rate' });
    expect(open.toString()).toBe('range=7d&drill=rollbacks&dfrom=1970-01-01T00%3A00%3A00.000Z&dto=1970-01-02T00%3A00%3A00.000Z&dtrigger=critical-error-rate');
    expect(withDrill(open, null).toString()).toBe('range=7d');
    expect(withRange(open, { key: '90d' }).toString()).toBe('range=90d');
  });

  it('chooses buckets from the span, and names the range', () => {
    expect([autoBucket(86_400_000), autoBucket(30 * 86_400_000), autoBucket(90 * 86_400_000)]).toEqual(['hour', 'day', 'week']);
    expect(rangeLabel({ key: '30d' }, 0, 1)).toBe('last 30 days');
    expect(rangeLabel({ key: 'custom', from: 0, to: 3 * 86_400_000 }, 0, 3 * 86_400_000)).toBe('3 days');
  });
});

describe('formatting and trends', () => {
  it('rates and durations', () => {
    expect([formatRate(null), formatRate(0), formatRate(0.25), formatRate(0.0625), formatRate(1)]).toEqual(['—', '0%', '25%', '6.3%', '100%']);
    expect([formatDuration(45_000), formatDuration(21 * 60_000), formatDuration(90 * 60_000), formatDuration(50 * 3_600_000)]).toEqual(['45 s', '21 min', '1 h 30 min', '2 d 2 h']);
  });

  it('down is good; small moves are flat; no previous value is no trend', () => {
    expect(trendOf(0.3, 0.2, 'rate')).toEqual({ direction: 'up', good: false, delta: '+10 pts', previous: '20%' });
    expect(trendOf(10 * 60_000, 25 * 60_000, 'duration')).toEqual({ direction: 'down', good: true, delta: '−15 min', previous: '25 min' });
    expect(trendOf(0.201, 0.2, 'rate')?.direction).toBe('flat');
    expect(trendOf(3, 3, 'count')).toMatchObject({ direction: 'flat', good: null });
    expect(trendOf(0.3, null, 'rate')).toBeNull();
  });
});

describe('toRollbackCharts', () => {
  it('one row per bucket per namespace, stacked manual/automatic, a shared scale, busiest first', () => {
    const s: RollbackSeries = {
      from: 0,
      to: 2 * 86_400_000,
      bucket: 'day',
      tz: 'UTC',
      trigger: null,
      buckets: [
        { start: Date.parse('2026-11-01T00:00:00Z'), end: Date.parse('2026-11-02T00:00:00Z') },
        { start: Date.parse('2026-11-02T00:00:00Z'), end: Date.parse('2026-11-03T00:00:00Z') },
      ],
      triggers: [],
      namespaces: [
        { namespace: 'checkout', points: [counts(0, 0), counts(0, 0)], totals: counts(0, 0) },
        { namespace: 'validation', points: [counts(1, 2), counts(0, 0)], totals: counts(1, 2) },
      ],
    };
    const c = toRollbackCharts(s);
    expect(c.max).toBe(3);
    expect(c.charts.map((x) => x.namespace)).toEqual(['validation', 'checkout']);
    expect(c.charts[0]?.rows.map((r) => [r.label, r.manual, r.automatic])).toEqual([
      ['1 Nov', 1, 2],
      ['2 Nov', 0, 0],
    ]);
  });
});

describe('drill view', () => {
  it('opens the audit log when one action says it, and links events to their diff', async () => {
    const { auditHref, eventHref, relatedHeading } = await import('./drill-view');
    const d = { metric: 'loads' as const, namespace: 'payments', from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-11-02T00:00:00Z'), trigger: null };
    expect(auditHref(d)).toBe('/audit?namespace=payments&action=snapshot.load&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-01T23%3A59%3A59.999Z');
    expect(auditHref({ ...d, metric: 'rollbacks' })).toBeNull();
    expect(eventHref({ namespace: 'payments', fromVersion: 14, toVersion: 12 })).toEqual({ href: '/namespaces/payments/diff?from=14&to=12', text: 'Diff v14 → v12' });
    expect(eventHref({ namespace: 'payments', fromVersion: 3, toVersion: 3 })).toEqual({ href: '/namespaces/payments/versions/3', text: 'v3' });
    expect([relatedHeading('failures'), relatedHeading('rollbacks'), relatedHeading('recoveries')]).toEqual(['Failed by', 'Failed', 'Made safe']);
  });
});
