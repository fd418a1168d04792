import { describe, expect, it } from 'vitest';
import { latencyMetric, parseChartParams, writeChartParams } from './chart-params';

describe('chart params', () => {
  it('defaults to 6 hours of p95 as charts', () => {
    expect(parseChartParams(new URLSearchParams())).toEqual({ range: { key: '6h' }, pct: 'p95', asTable: false });
  });

  it('round-trips a range, a percentile and the table view', () => {
    const next = writeChartParams(new URLSearchParams('tab=x'), { range: { key: '7d' }, pct: 'p99', asTable: true });
    expect(next.toString()).toBe('tab=x&range=7d&pct=p99&view=table');
    expect(parseChartParams(next)).toEqual({ range: { key: '7d' }, pct: 'p99', asTable: true });
    expect(writeChartParams(next, { range: { key: '6h' }, pct: 'p95', asTable: false }).toString()).toBe('tab=x');
  });

  it('maps a percentile to its metric', () => {
    expect([latencyMetric('p50'), latencyMetric('p95'), latencyMetric('p99')]).toEqual(['latency_p50', 'latency_p95', 'latency_p99']);
  });
});
