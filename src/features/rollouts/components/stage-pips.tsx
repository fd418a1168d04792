import type { RolloutSummary } from '@contract/rollouts';
import { describeStep } from '@core/rollout/stages';

/** A compact stage track for tables: one pip per step, the current one filled, with the step in words. */
export function StagePips({ rollout }: { rollout: RolloutSummary }) {
  const { steps, state } = rollout;
  const current = steps[state.stepIndex];
  const rolledBack = state.status === 'rolled_back';
  return (
    <div className="stage-pips">
      <span className="stage-pips-track" aria-hidden="true">
        {steps.map((s, i) => (
          <span key={`${s.stage}-${s.share}`} className={`stage-pip${i < state.stepIndex ? ' is-passed' : ''}${i === state.stepIndex ? ' is-current' : ''}${rolledBack && i === 0 ? ' is-rolled-back' : ''}`} />
        ))}
      </span>
      <span className="stage-pips-label">
        {current ? describeStep(current) : `Step ${state.stepIndex}`}
        <span className="muted"> · V2 {state.share}%</span>
      </span>
    </div>
  );
}
