/**
 * A per-metric verdict for the V1 vs V2 charts (product O9): a level and one sentence that
 * explains it with numbers, e.g. "V2 p95 is 18% above V1 for 7 of the last 10 minutes;
 * warning at 15%." or "V2 error rate 0.4% vs V1 0.3%: within thresholds (warning at 2%,
 * critical at 5%)."
 *
 * Over the last N minutes (the N minute slots ending with the minute of `now`):
 * - values are the aggregate of those minutes (request-weighted latency, errors/requests, …);
 * - a rule's "held minutes" are the minutes in which its condition held (per-minute judgement
 *   exactly as the guards make it, see ./guards);
 * - the level is the highest severity of a rule that held for at least min(forMinutes, N) of
 *   those minutes (not necessarily consecutive: this describes, the guards act), else ok;
 *   `no_data` when V2 has no value for the metric in the period;
 * - a relative rule's sentence quotes the median V2/V1 ratio over its held minutes.
 */
import type { Metric, MetricWindow } from './model';
import { judgeMinute, thresholdOf, type GuardRule, type GuardSeverity } from './guards';
import { describeThreshold } from './guard-wording';
import { formatMetricValue, formatPct, formatRatio, METRIC_LABELS } from './format';
import { MINUTE_MS, REQUEST_METRICS, aggregateWindows, dedupeWindows, metricOf, minuteAggregates, minuteOf } from './window-math';
import { deviation } from './series';

export type VerdictLevel = 'ok' | 'warning' | 'critical' | 'no_data';

export interface RuleHeld {
  ruleId: string;
  severity: GuardSeverity;
  heldMinutes: number;
}

export interface MetricVerdict {
  metric: Metric;
  level: VerdictLevel;
  sentence: string;
  /** Aggregates over the period. */
  v2Value: number | null;
  v1Value: number | null;
  /** V2 vs V1 in percent. */
  deviationPct: number | null;
  minutes: number;
  rules: RuleHeld[];
}

export interface VerdictOptions {
  now: number;
  /** Default 10. */
  lastNMinutes?: number;
}

const SEVERITY_RANK: Record<GuardSeverity, number> = { warning: 1, critical: 2 };

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** "warning at 7 s or 15% above V1, critical at 10 s". */
function thresholdList(rules: readonly GuardRule[]): string {
  const groups: string[] = [];
  for (const severity of ['warning', 'critical'] as const) {
    const items = rules.filter((r) => r.severity === severity).map(describeThreshold);
    const head = items[0];
    if (head === undefined) continue;
    const rest = items.slice(1).map((t) => (head.startsWith('at ') && t.startsWith('at ') ? t.slice(3) : t));
    groups.push(`${severity} ${[head, ...rest].join(' or ')}`);
  }
  return groups.join(', ');
}

/** The short threshold of a relative rule in a sentence already about V1: "15%", "2× V1". */
function relativeThresholdShort(rule: GuardRule): string {
  const r = thresholdOf(rule.comparison);
  if (rule.comparison.op === '>' && r > 1 && r < 2) return formatPct((r - 1) * 100);
  if (rule.comparison.op === '<' && r < 1) return formatPct((1 - r) * 100);
  return formatRatio(r);
}

/** The verdict on one metric over the last N minutes of `windows`. */
export function metricVerdict(metric: Metric, windows: Iterable<MetricWindow>, rules: readonly GuardRule[], options: VerdictOptions): MetricVerdict {
  const n = Math.max(1, Math.floor(options.lastNMinutes ?? 10));
  const lastMinute = minuteOf(options.now);
  const firstMinute = lastMinute - n + 1;
  const inPeriod: MetricWindow[] = [];
  for (const w of windows) {
    const m = minuteOf(w.start);
    if (m >= firstMinute && m <= lastMinute && w.start <= options.now) inPeriod.push(w);
  }
  const deduped = dedupeWindows(inPeriod);
  const v2Value = metricOf(aggregateWindows(deduped.v2), metric);
  const v1Value = metricOf(aggregateWindows(deduped.v1), metric);
  const deviationPct = deviation(v1Value, v2Value);
  const label = METRIC_LABELS[metric];
  const metricRules = rules.filter((r) => r.metric === metric);

  const aggs = minuteAggregates(inPeriod, options.now);
  const held = metricRules.map((rule) => {
    const values: number[] = [];
    for (let m = firstMinute; m <= lastMinute; m++) {
      const o = judgeMinute(rule, m, aggs);
      if (o.kind === 'breach') values.push(o.minute.value);
    }
    return { rule, values };
  });
  const base = { metric, v2Value, v1Value, deviationPct, minutes: n, rules: held.map((h) => ({ ruleId: h.rule.id, severity: h.rule.severity, heldMinutes: h.values.length })) };

  if (v2Value === null) {
    const what = REQUEST_METRICS.has(metric) ? 'requests' : 'data';
    return { ...base, level: 'no_data', sentence: `No V2 ${what} in the last ${n} minute${n === 1 ? '' : 's'}.` };
  }

  let rank = 0;
  for (const h of held) {
    if (h.values.length >= Math.min(Math.max(1, h.rule.forMinutes), n)) rank = Math.max(rank, SEVERITY_RANK[h.rule.severity]);
  }
  const level: VerdictLevel = rank === SEVERITY_RANK.critical ? 'critical' : rank === SEVERITY_RANK.warning ? 'warning' : 'ok';

  const v2Text = formatMetricValue(metric, v2Value);
  const v1Text = v1Value === null ? null : formatMetricValue(metric, v1Value);
  const both = v1Text === null ? `${v2Text} (no V1 data)` : `${v2Text} vs V1 ${v1Text}`;
  const period = `of the last ${n} minute${n === 1 ? '' : 's'}`;
  const thresholds = thresholdList(metricRules);

  const focus = held
    .filter((h) => h.values.length > 0)
    .sort((a, b) => SEVERITY_RANK[b.rule.severity] - SEVERITY_RANK[a.rule.severity] || b.values.length - a.values.length)[0];

  let sentence: string;
  if (metricRules.length === 0) {
    sentence = `V2 ${label} ${both}; no thresholds set.`;
  } else if (focus === undefined) {
    sentence = `V2 ${label} ${both}: within thresholds (${thresholds}).`;
  } else if (focus.rule.comparison.kind === 'relative_to_v1') {
    const ratio = median(focus.values);
    sentence = `V2 ${label} is ${formatRatio(ratio)} for ${focus.values.length} ${period}; ${focus.rule.severity} at ${relativeThresholdShort(focus.rule)}.`;
  } else {
    const c = focus.rule.comparison;
    const crossing = `${c.op === '>' ? 'above' : 'below'} ${formatMetricValue(metric, c.value)}`;
    sentence = `V2 ${label} is ${crossing} for ${focus.values.length} ${period} (${both}); ${thresholds}.`;
  }
  return { ...base, level, sentence };
}

/** Start of the verdict period for `now` (for callers that pre-filter windows). */
export const verdictPeriodStart = (now: number, lastNMinutes = 10): number => (minuteOf(now) - Math.max(1, Math.floor(lastNMinutes)) + 1) * MINUTE_MS;
