/**
 * What the verification gate (core/rollout/gate.ts) means for the next step, in the words a
 * release manager acts on: go or no-go, and why.
 */
import type { Step } from '@core/rollout/model';
import type { GateCheck, GateStatus } from '@core/rollout/gate';
import { describeStep } from '@core/rollout/stages';

/** The parts of a check the decision reads (core `GateCheck`, or the gate endpoint's). */
export type DecisionCheck = Pick<GateCheck, 'label' | 'detail' | 'ok' | 'onFail'>;

export interface GateDecisionInput {
  status: GateStatus;
  checks: readonly DecisionCheck[];
  /** Accepts in a row since the current stage began. */
  acceptStreak: number;
  requiredStreak: number;
  /** The step a promotion would go to; null at the last step. */
  nextStep: Step | null;
  /** Why promotion is impossible besides the gate (paused, rolled back…), as the server says. */
  blockers?: readonly string[];
}

export interface GateDecision {
  go: boolean;
  tone: 'success' | 'warning' | 'danger' | 'neutral';
  /** "Go: promote to Ramp 10%", "No-go: hold", "No-go: roll back recommended". */
  headline: string;
  /** The reason in one sentence. */
  detail: string;
}

const failing = (checks: readonly DecisionCheck[], onFail: GateCheck['onFail']) => checks.filter((c) => !c.ok && c.onFail === onFail);

const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

export function gateDecision(input: GateDecisionInput): GateDecision {
  const { nextStep, blockers = [] } = input;
  const [blocker] = blockers;
  if (blocker !== undefined && nextStep !== null) {
    // The state of the rollout stops promotion whatever the gate says: that comes first.
    const gate = gateDecision({ ...input, blockers: [] });
    const itself = gate.go ? 'The gate itself would allow the promotion.' : `The gate itself: ${gate.headline.replace(/^No-go(?: yet)?: /, '')}.`;
    return { go: false, tone: 'danger', headline: 'No-go: promotion is blocked', detail: `${blockers.map(sentence).join(' ')} ${itself}` };
  }
  const { status, checks, acceptStreak, requiredStreak } = input;
  if (nextStep === null) {
    return { go: false, tone: 'neutral', headline: 'At 100%', detail: 'There is no further step; the gate keeps watching V2 at full traffic.' };
  }
  const target = describeStep(nextStep);
  if (status === 'rollback_recommended') {
    const why = failing(checks, 'rollback_recommended').map((c) => `${c.label.toLowerCase()} failed (${c.detail})`);
    return { go: false, tone: 'danger', headline: 'No-go: rollback recommended', detail: `${why.join('; ')}.` };
  }
  if (status === 'hold') {
    const why = failing(checks, 'hold').map((c) => `${c.detail} (${c.label.toLowerCase()})`);
    return { go: false, tone: 'warning', headline: 'No-go: hold', detail: `Waiting for evidence: ${why.join('; ')}.` };
  }
  if (acceptStreak < requiredStreak) {
    return {
      go: false,
      tone: 'warning',
      headline: `No-go yet: ${acceptStreak} of ${requiredStreak} accepts`,
      detail: `The gate accepts now; promotion to ${target} needs ${requiredStreak} accepts in a row (the next report decides).`,
    };
  }
  return { go: true, tone: 'success', headline: `Go: promote to ${target}`, detail: `The gate accepted ${acceptStreak} reports in a row; every check passes.` };
}
