/**
 * The stage track of a rollout (shadow -> 1% -> 10% -> 25% -> 50% -> 100%): where it is, and
 * what happened at each step (who, when, why; automatic rollbacks marked). Pure: the component
 * only draws nodes.
 */
import type { RolloutStatus, Step } from '@core/rollout/model';
import { describeStep } from '@core/rollout/stages';

export type StageAction = 'create' | 'promote' | 'pause' | 'resume' | 'rollback' | 'auto_rollback' | 'complete';

/** One thing that happened to the rollout's stage, oldest first. */
export interface StageEvent {
  id: string | number;
  at: string;
  actor: string;
  action: StageAction;
  fromStepIndex: number;
  toStepIndex: number;
  reason: string;
  /** Set when an admin promoted against the gate. */
  gateOverridden?: boolean;
  /** Set for a pause the guards made (automatic rollbacks have their own action). */
  automatic?: boolean;
}

export type StageNodeStatus = 'passed' | 'current' | 'upcoming';

export interface StageNode {
  index: number;
  /** "Shadow", "1%", "100%". */
  label: string;
  /** "Shadow", "Canary 1%", "Ramp 10%", "Full 100%". */
  title: string;
  status: StageNodeStatus;
  /** A rollback left from this step (the latest one), so it reads as "reached, then undone". */
  rolledBackFrom: boolean;
  /** What happened here, newest first: promotions into it, pauses and resumes at it, rollbacks out of it. */
  events: StageEvent[];
}

export interface StageTrack {
  nodes: StageNode[];
  currentIndex: number;
  /** The current step's title with the status: "Ramp 10% · paused". */
  headline: string;
}

const STATUS_WORDS: Readonly<Record<RolloutStatus, string | null>> = {
  active: null,
  paused: 'paused',
  rolled_back: 'rolled back',
  completed: 'completed',
};

/** Where an event belongs on the track: rollbacks where they left from, everything else where it landed. */
const eventStep = (e: StageEvent): number => (e.action === 'rollback' || e.action === 'auto_rollback' ? e.fromStepIndex : e.toStepIndex);

export function toStageTrack(steps: readonly Step[], currentIndex: number, status: RolloutStatus, events: readonly StageEvent[]): StageTrack {
  const lastRollback = [...events].reverse().find((e) => e.action === 'rollback' || e.action === 'auto_rollback');
  // Anything promoted after the last rollback clears its "rolled back from" mark.
  const rolledBackFrom = lastRollback && status === 'rolled_back' ? lastRollback.fromStepIndex : null;
  const nodes = steps.map((step, index): StageNode => ({
    index,
    label: step.stage === 'shadow' ? 'Shadow' : `${step.share}%`,
    title: describeStep(step),
    status: index < currentIndex ? 'passed' : index === currentIndex ? 'current' : 'upcoming',
    rolledBackFrom: rolledBackFrom === index && index !== currentIndex,
    events: events.filter((e) => eventStep(e) === index).reverse(),
  }));
  const current = steps[currentIndex];
  const word = STATUS_WORDS[status];
  const headline = `${current ? describeStep(current) : `Step ${currentIndex}`}${word ? ` · ${word}` : ''}`;
  return { nodes, currentIndex, headline };
}

const ACTION_VERBS: Readonly<Record<StageAction, string>> = {
  create: 'Started',
  promote: 'Promoted',
  pause: 'Paused',
  resume: 'Resumed',
  rollback: 'Rolled back',
  auto_rollback: 'Rolled back automatically',
  complete: 'Completed',
};

/** "Promoted to Ramp 10%", "Rolled back automatically to Shadow", "Paused at Canary 1%". */
export function describeStageEvent(e: StageEvent, steps: readonly Step[]): string {
  const to = steps[e.toStepIndex];
  const where = to ? describeStep(to) : `step ${e.toStepIndex}`;
  const verb = ACTION_VERBS[e.action];
  if (e.action === 'pause' && e.automatic) return `Paused by a guard at ${where}`;
  if (e.action === 'pause' || e.action === 'resume' || e.action === 'complete') return `${verb} at ${where}`;
  if (e.action === 'create') return `${verb} in ${where}`;
  return `${verb} to ${where}${e.gateOverridden ? ' (gate overridden)' : ''}`;
}
