import { describe, expect, it } from 'vitest';
import { formatDeviation, formatMetricValue, formatMs, formatNumber, formatPct, formatRate, formatRatio } from './format';

describe('format', () => {
  it('rounds percentages to meaningful digits', () => {
    expect([0, 0.004, 0.0004, 0.025, 0.05, 0.1234, 1].map(formatRate)).toEqual(['0%', '0.4%', '0.04%', '2.5%', '5%', '12%', '100%']);
    expect(formatPct(0.001)).toBe('<0.01%');
  });

  it('writes latency in ms under a second, seconds above', () => {
    expect([2.54, 850.4, 1000, 1249, 7000, 10_000, 125_000].map(formatMs)).toEqual(['2.5 ms', '850 ms', '1 s', '1.2 s', '7 s', '10 s', '125 s']);
  });

  it('formats every metric in its unit and dashes missing values', () => {
    expect(formatMetricValue('error_rate', 0.061)).toBe('6.1%');
    expect(formatMetricValue('latency_p99', 1500)).toBe('1.5 s');
    expect(formatMetricValue('memory', 512)).toBe('512 MB');
    expect(formatMetricValue('memory', 1536)).toBe('1.5 GB');
    expect(formatMetricValue('cpu', 85.26)).toBe('85%');
    expect(formatMetricValue('throughput', 1188.4)).toBe('1,188/min');
    expect(formatMetricValue('throughput', 2.46)).toBe('2.5/min');
    expect(formatMetricValue('cpu', null)).toBe('—');
    expect(formatMetricValue('cpu', Number.NaN)).toBe('—');
  });

  it('writes ratios to V1 and signed deviations', () => {
    expect([2, 2.35, 1.18, 1, 0.5].map(formatRatio)).toEqual(['2× V1', '2.4× V1', '18% above V1', '0% above V1', '50% below V1']);
    expect([18, -3.5, 0].map(formatDeviation)).toEqual(['+18%', '-3.5%', '0%']);
    expect(formatNumber(-0.0001, 2)).toBe('0');
  });
});
