/**
 * Numbers in the words operators read: verdict sentences, breach descriptions, tooltips.
 * Rounded so that the digits shown mean something ("0.4%", "7 s", "1.2 GB", "1,188/min").
 */
import type { Metric } from './model';

/** Lowercase names that read after "V2": "V2 error rate", "V2 p95". */
export const METRIC_LABELS: Readonly<Record<Metric, string>> = {
  error_rate: 'error rate',
  latency_avg: 'average latency',
  latency_p50: 'p50',
  latency_p95: 'p95',
  latency_p99: 'p99',
  memory: 'memory',
  cpu: 'CPU',
  throughput: 'throughput',
};

const formatters = new Map<number, Intl.NumberFormat>();
/** en-US grouping, at most `decimals` fraction digits, trailing zeros dropped. */
export function formatNumber(value: number, decimals = 0): string {
  let f = formatters.get(decimals);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    formatters.set(decimals, f);
  }
  const text = f.format(value);
  return text === '-0' ? '0' : text;
}

/** A percentage given in percent: 2 decimals under 1%, 1 under 10%, none above. */
export function formatPct(pct: number): string {
  const abs = Math.abs(pct);
  if (abs === 0) return '0%';
  const decimals = abs < 1 ? 2 : abs < 10 ? 1 : 0;
  const text = formatNumber(pct, decimals);
  if (text === '0') return pct > 0 ? '<0.01%' : '>-0.01%';
  return `${text}%`;
}

/** A fraction as a percentage: 0.004 -> "0.4%", 0.05 -> "5%". */
export const formatRate = (fraction: number): string => formatPct(fraction * 100);

/** "850 ms", "2.5 ms", "1.2 s", "10 s", "125 s". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${formatNumber(ms, ms < 10 ? 1 : 0)} ms`;
  const s = ms / 1000;
  return `${formatNumber(s, s < 100 ? 1 : 0)} s`;
}

/** "512 MB", "1.5 GB". */
export function formatMb(mb: number): string {
  return mb < 1024 ? `${formatNumber(mb, mb < 10 ? 1 : 0)} MB` : `${formatNumber(mb / 1024, 1)} GB`;
}

/** "1,188/min", "2.5/min". */
export const formatPerMinute = (perMinute: number): string => `${formatNumber(perMinute, Math.abs(perMinute) < 10 ? 1 : 0)}/min`;

/** A metric value in its unit; "—" for no value. */
export function formatMetricValue(metric: Metric, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (metric) {
    case 'error_rate':
      return formatRate(value);
    case 'latency_avg':
    case 'latency_p50':
    case 'latency_p95':
    case 'latency_p99':
      return formatMs(value);
    case 'memory':
      return formatMb(value);
    case 'cpu':
      return formatPct(value);
    case 'throughput':
      return formatPerMinute(value);
  }
}

/** A V2/V1 ratio: 2.4 -> "2.4× V1", 1.18 -> "18% above V1", 0.5 -> "50% below V1". */
export function formatRatio(ratio: number): string {
  if (ratio >= 2) return `${formatNumber(ratio, 1)}× V1`;
  if (ratio >= 1) return `${formatPct((ratio - 1) * 100)} above V1`;
  return `${formatPct((1 - ratio) * 100)} below V1`;
}

/** A signed deviation in percent: "+18%", "-3.5%", "0%". */
export function formatDeviation(pct: number): string {
  const text = formatPct(pct);
  return pct > 0 ? `+${text}` : text;
}
