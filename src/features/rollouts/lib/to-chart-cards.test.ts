import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDS } from '@core/rollout/guards';
import { NOW, metricsFor } from '../../../../mocks/rollout-data';
import { toChartCards } from './to-chart-cards';

const HOUR = 3_600_000;

describe('toChartCards', () => {
  const metrics = metricsFor('checkout-variant', NOW - 6 * HOUR, NOW + 60_000);

  it('makes latency (at the chosen percentile), error rate, throughput, memory and CPU cards with their verdicts', () => {
    const cards = toChartCards(metrics, DEFAULT_GUARDS, 'p99');
    expect(cards.map((c) => [c.key, c.title])).toEqual([
      ['latency_p99', 'Latency p99'],
      ['error_rate', 'Error rate'],
      ['throughput', 'Throughput'],
      ['memory', 'Memory'],
      ['cpu', 'CPU'],
    ]);
    expect(cards.every((c) => c.verdict?.metric === c.key)).toBe(true);
    expect(cards[0]?.verdict?.sentence).toMatch(/^V2 p99/);
  });

  it('puts the markers of the range on every card and the server’s threshold lines on their metric', () => {
    const [latency, errors] = toChartCards(metrics, DEFAULT_GUARDS, 'p95');
    expect(latency?.markers.lines.map((l) => l.label)).toEqual(['→ 1%', 'Auto pause', 'Resume', 'v16', '→ 10%']);
    expect(errors?.markers.lines).toHaveLength(5);
    expect(latency?.series.thresholds.map((t) => t.id)).toEqual(['warning-latency-p95', 'warning-p95-deviation']);
    expect(errors?.series.thresholds.map((t) => t.severity)).toEqual(['critical', 'warning']);
  });

  it('keeps 7 days within the points asked for', () => {
    const week = metricsFor('checkout-variant', NOW - 7 * 24 * HOUR, NOW + 60_000, 360, []);
    const cards = toChartCards(week, DEFAULT_GUARDS, 'p95');
    expect(cards[0]?.series.rows.length).toBeLessThanOrEqual(360);
    expect(cards[0]?.series.hasData).toBe(false);
  });
});
