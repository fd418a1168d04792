/**
 * How a rollout lives in its namespace's snapshot (pure):
 * - the bound flag (BOOLEAN or ENUM, default = the V1 value) carries a rule with ruleId
 *   `switchyard-rollout:<id>`, value = the V2 value, rampUp = the step's share (shadow: 0), no
 *   other targeting, so Konditional's SHA-256 bucketing sends `share`% of stable ids to V2;
 * - a companion DATA_CLASS flag `feature::<ns>::<flagName>Rollout` (dataClassName
 *   `switchyard.RolloutPolicy`, declared when the rollout is created, declared default mode
 *   `disabled`) holds the routing policy apps read: {rolloutId, mode, stage, stepIndex, share,
 *   canary, parity}.
 * Reading back: the policy flag and the rule are the truth for stage and share, so a namespace
 * rollback that changes them is reflected, never contradicted.
 */
import type { RolloutLive, RolloutPolicy } from '@contract/rollouts';
import { RolloutPolicySchema } from '@contract/rollouts';
import type { DeclaredFeature, Flag, FlagValue, Rule, Snapshot } from '@core/model';
import type { CanaryConfig, ParitySampling, Step } from '@core/rollout/model';
import { modeForStage } from '@core/rollout/stages';
import type { ObservedPolicy, RolloutRow } from '../store/rollout-types';

export const POLICY_CLASS = 'switchyard.RolloutPolicy';
export const RULE_PREFIX = 'switchyard-rollout:';

export const ruleIdOf = (rolloutId: string): string => `${RULE_PREFIX}${rolloutId}`;

/** `feature::ns::orchestratorVersion` -> `feature::ns::orchestratorVersionRollout`. */
export const policyKeyOf = (flagKey: string): string => `${flagKey}Rollout`;

export const shortNameOf = (flagKey: string): string => flagKey.split('::')[2] ?? flagKey;

export const DEFAULT_CANARY: CanaryConfig = Object.freeze({ enabled: false, subjects: [], tenantIds: [], channels: [] }) as CanaryConfig;
export const DEFAULT_PARITY: ParitySampling = Object.freeze({ enabled: true, sampleRate: 0.05 }) as ParitySampling;

/** What apps see when the policy flag is absent or the kill switch is on. */
export function disabledPolicy(rolloutId: string): RolloutPolicy {
  return { rolloutId, mode: 'disabled', stage: 'shadow', stepIndex: 0, share: 0, canary: { ...DEFAULT_CANARY }, parity: { enabled: false, sampleRate: 0 } };
}

export function policyFeature(policyKey: string, rolloutId: string): DeclaredFeature {
  return {
    key: policyKey,
    type: 'DATA_CLASS',
    defaultValue: { type: 'DATA_CLASS', dataClassName: POLICY_CLASS, value: { ...disabledPolicy(rolloutId) } },
    description: `Switchyard rollout policy of ${rolloutId} (mode, stage, share, canary allowlists, parity sampling); written by Switchyard`,
  };
}

export function variantValue(flag: Flag | DeclaredFeature, value: boolean | string): FlagValue {
  const dv = flag.defaultValue;
  if (dv.type === 'ENUM') return { type: 'ENUM', value: String(value), enumClassName: dv.enumClassName };
  return { type: 'BOOLEAN', value: value === true };
}

export function policyOf(rolloutId: string, steps: readonly Step[], stepIndex: number, canary: CanaryConfig, parity: ParitySampling): RolloutPolicy {
  const step = steps[stepIndex] ?? steps[0] ?? { stage: 'shadow', share: 0 };
  return { rolloutId, mode: modeForStage(step.stage), stage: step.stage, stepIndex, share: step.share, canary, parity };
}

function rolloutRule(rolloutId: string, stepLabel: string, v2: FlagValue, share: number): Rule {
  return {
    value: v2,
    type: 'STATIC',
    ruleId: ruleIdOf(rolloutId),
    rampUp: share,
    rampUpAllowlist: [],
    note: `Switchyard rollout ${rolloutId}: ${stepLabel}`,
    locales: [],
    platforms: [],
    versionRange: { type: 'UNBOUNDED' },
    axes: {},
  };
}

export interface Placement {
  rolloutId: string;
  flagKey: string;
  policyKey: string;
  v2: FlagValue;
  policy: RolloutPolicy;
  stepLabel: string;
}

/**
 * The snapshot with the rollout placed: the bound flag's rollout rule (appended, or replaced in
 * place) and the policy flag (added or replaced). Everything else is untouched.
 */
export function placeRollout(snapshot: Snapshot, declaredBound: DeclaredFeature, p: Placement): Snapshot {
  const ruleId = ruleIdOf(p.rolloutId);
  const rule = rolloutRule(p.rolloutId, p.stepLabel, p.v2, p.policy.share);
  const flags = snapshot.flags.filter((f) => f.key !== p.policyKey);
  const boundIndex = flags.findIndex((f) => f.key === p.flagKey);
  const existing = flags[boundIndex];
  if (existing === undefined) {
    flags.push({ key: p.flagKey, defaultValue: declaredBound.defaultValue, salt: 'v1', isActive: true, rampUpAllowlist: [], rules: [rule] });
  } else {
    const at = existing.rules.findIndex((r) => r.ruleId === ruleId);
    const rules = at < 0 ? [...existing.rules, rule] : existing.rules.map((r, i) => (i === at ? rule : r));
    flags[boundIndex] = { ...existing, rules };
  }
  flags.push({
    key: p.policyKey,
    defaultValue: { type: 'DATA_CLASS', dataClassName: POLICY_CLASS, value: { ...p.policy } },
    salt: 'v1',
    isActive: true,
    rampUpAllowlist: [],
    rules: [],
  });
  return { ...(snapshot.meta ? { meta: snapshot.meta } : {}), flags };
}

/** What the snapshot says about the rollout. */
export function readLive(snapshot: Snapshot, r: Pick<RolloutRow, 'id' | 'flagKey' | 'policyKey' | 'namespace'>, activeVersion: number, killSwitch: boolean, observed: ObservedPolicy): RolloutLive {
  const policyFlag = snapshot.flags.find((f) => f.key === r.policyKey);
  const parsed = policyFlag?.defaultValue.type === 'DATA_CLASS' ? RolloutPolicySchema.safeParse(policyFlag.defaultValue.value) : undefined;
  const policy = parsed?.success && parsed.data.rolloutId === r.id ? parsed.data : null;
  const rule = snapshot.flags.find((f) => f.key === r.flagKey)?.rules.find((x) => x.ruleId === ruleIdOf(r.id));
  const ruleShare = rule === undefined ? null : rule.rampUp;
  const inSync =
    policy !== null &&
    ruleShare === policy.share &&
    policy.stepIndex === observed.stepIndex &&
    JSON.stringify(observedOf(policy, ruleShare)) === JSON.stringify(observed);
  return { namespace: r.namespace, activeVersion, policy, ruleShare, killSwitch, inSync };
}

export function observedOf(policy: RolloutPolicy | null, ruleShare: number | null): ObservedPolicy {
  return {
    stepIndex: policy?.stepIndex ?? 0,
    share: ruleShare,
    canary: policy?.canary ?? null,
    parity: policy?.parity ?? null,
  };
}
