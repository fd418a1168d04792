import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDS } from '@core/rollout/guards';
import { downsampleWindows, thresholdLines } from '@core/rollout/series';
import { MIN, T0, minutes } from '@core/rollout/test-support';
import { eventsNear, toChartMarkers, type ChartEvent } from './to-chart-markers';
import { toMetricSeries } from './to-metric-series';

const HOUR = 60 * MIN;
const sampled = downsampleWindows(minutes(0, 60, { requests: 100, errors: 8 }), T0, T0 + HOUR, 60);
const series = toMetricSeries(sampled, 'error_rate', thresholdLines('error_rate', DEFAULT_GUARDS, sampled), DEFAULT_GUARDS);

const event = (id: string, minute: number, kind: ChartEvent['kind'], over: Partial<ChartEvent> = {}): ChartEvent => ({
  id,
  at: T0 + minute * MIN,
  kind,
  label: id,
  detail: `detail ${id}`,
  ...over,
});

describe('toChartMarkers', () => {
  it('draws loads, stage changes and rollbacks as lines and drops events outside the range', () => {
    const m = toChartMarkers(
      [event('load', 5, 'config'), event('promote', 20, 'stage'), event('rb', 40, 'rollback'), event('old', -10, 'stage')],
      'error_rate',
      series.rows,
      T0,
      T0 + HOUR,
    );
    expect(m.lines.map((l) => [l.key, l.x - T0, l.kind])).toEqual([
      ['load', 5 * MIN, 'config'],
      ['promote', 20 * MIN, 'stage'],
      ['rb', 40 * MIN, 'rollback'],
    ]);
    expect(m.dots).toEqual([]);
  });

  it('puts a breach as a dot on its own metric’s chart at V2’s value, and nowhere else', () => {
    const breach = event('b', 12, 'breach', { metric: 'error_rate', severity: 'critical' });
    const here = toChartMarkers([breach], 'error_rate', series.rows, T0, T0 + HOUR);
    expect(here.dots).toHaveLength(1);
    expect(here.dots[0]).toMatchObject({ x: T0 + 12 * MIN, severity: 'critical' });
    expect(here.dots[0]?.y).toBeCloseTo(0.08);
    expect(toChartMarkers([breach], 'cpu', series.rows, T0, T0 + HOUR).dots).toEqual([]);
  });

  it('merges lines that would overlap, keeping every event and the most severe colour', () => {
    const m = toChartMarkers([event('promote', 30, 'stage'), event('rb', 30.3, 'rollback')], 'error_rate', series.rows, T0, T0 + HOUR);
    expect(m.lines).toHaveLength(1);
    expect(m.lines[0]).toMatchObject({ kind: 'rollback', label: '2 events' });
    expect(m.lines[0]?.events.map((e) => e.id)).toEqual(['promote', 'rb']);
  });

  it('stacks the labels of nearby lines in lanes so they do not cover each other', () => {
    const m = toChartMarkers(
      [event('a', 10, 'stage'), event('b', 11, 'pause'), event('c', 12, 'stage'), event('d', 40, 'config')],
      'error_rate',
      series.rows,
      T0,
      T0 + HOUR,
    );
    expect(m.lines.map((l) => [l.key, l.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 0],
    ]);
  });

  it('finds the events in a hovered bucket', () => {
    const m = toChartMarkers([event('promote', 30, 'stage'), event('b', 31, 'breach', { metric: 'error_rate' })], 'error_rate', series.rows, T0, T0 + HOUR);
    expect(eventsNear(m, T0 + 30 * MIN, MIN).map((e) => e.id)).toEqual(['promote']);
    expect(eventsNear(m, T0 + 31 * MIN, MIN).map((e) => e.id)).toEqual(['b']);
    expect(eventsNear(m, T0 + 32 * MIN, MIN)).toEqual([]);
  });
});
