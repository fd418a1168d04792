/**
 * Guard rules and breaches in words, for the audit record, the timeline and the verdict
 * sentences: "at 5%", "more than 15% above V1", "V2 error rate above 5% for 5 consecutive
 * minutes (peak 7.3%)".
 */
import type { GuardBreach, GuardRule } from './guards';
import { formatMetricValue, formatPct, formatRatio, METRIC_LABELS } from './format';

/** The threshold after a severity word: "at 5%", "at 10 s", "at 2× V1", "at 15% above V1", "below 50/min". */
export function describeThreshold(rule: GuardRule): string {
  const c = rule.comparison;
  if (c.kind === 'relative_to_v1') return `at ${formatRatio(c.ratio)}`;
  const text = formatMetricValue(rule.metric, c.value);
  return c.op === '>' ? `at ${text}` : `below ${text}`;
}

/** What crossing the threshold means: "above 5%", "more than 15% above V1", "above 2× V1". */
export function describeCrossing(rule: GuardRule): string {
  const c = rule.comparison;
  if (c.kind === 'absolute') return `${c.op === '>' ? 'above' : 'below'} ${formatMetricValue(rule.metric, c.value)}`;
  const r = c.ratio;
  const ofV1 = `${formatPct(r * 100)} of V1`;
  if (c.op === '>') return r >= 2 ? `above ${formatRatio(r)}` : r >= 1 ? `more than ${formatRatio(r)}` : `above ${ofV1}`;
  return r <= 1 ? `more than ${formatRatio(r)}` : r >= 2 ? `below ${formatRatio(r)}` : `below ${ofV1}`;
}

/** A compared value in words: "7.3%" for absolute rules, "2.4× V1" / "18% above V1" for relative ones. */
export const describeCompared = (rule: GuardRule, value: number): string =>
  rule.comparison.kind === 'absolute' ? formatMetricValue(rule.metric, value) : formatRatio(value);

/**
 * One sentence for the audit record and the timeline, e.g. "V2 error rate above 5% for 5
 * consecutive minutes (peak 7.3%)" or "V2 memory above 2× V1 for 5 consecutive minutes
 * (peak 2.4× V1)".
 */
export function describeBreach(rule: GuardRule, breach: GuardBreach): string {
  const n = breach.minutes;
  return `V2 ${METRIC_LABELS[rule.metric]} ${describeCrossing(rule)} for ${n} consecutive minute${n === 1 ? '' : 's'} (peak ${describeCompared(rule, breach.peak)})`;
}
