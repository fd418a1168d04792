/**
 * Evaluation with Konditional's semantics. The primitives live in targeting.ts, the population
 * in population.ts and the shadow comparison in shadow.ts; this module is their public face.
 */
import type { DeclaredFeature, EvalContext, Flag, FlagValue } from './model';
import { compileRules, rampBucket, selectRule } from './targeting';

export { isInRamp, rampBucket, ruleSpecificity } from './targeting';
export { defaultPopulation } from './population';
export { shadowCheck } from './shadow';

/**
 * The value `ctx` gets: the declared default under the kill switch or when the flag is absent or
 * inactive; otherwise the value of the first matching rule (most specific first, ties in array
 * order; allowlisted stable ids bypass the ramp), else the flag's defaultValue.
 */
export function evaluateFlag(
  flag: Flag | undefined,
  declared: DeclaredFeature,
  ctx: EvalContext,
  opts?: { killSwitch?: boolean },
): FlagValue {
  if (opts?.killSwitch === true || flag === undefined || !flag.isActive) return declared.defaultValue;
  const rule = selectRule(compileRules(flag), ctx, () => rampBucket(flag.salt, flag.key, ctx.stableId));
  return rule === undefined ? flag.defaultValue : rule.value;
}
