import type { RolloutDetail } from '@contract/rollouts';
import { toStageEvents } from '../lib/to-stage-events';
import { toStageTrack } from '../lib/to-stage-track';
import { StageNodeView } from './stage-node';

/** shadow -> 1% -> 10% -> 25% -> 50% -> 100%: where the rollout is and what happened at each step. */
export function StageTrack({ rollout }: { rollout: RolloutDetail }) {
  const track = toStageTrack(rollout.steps, rollout.state.stepIndex, rollout.state.status, toStageEvents(rollout.events));
  return (
    <section className="card stage-track-card" aria-labelledby="stage-track-title">
      <header className="card-head">
        <h2 id="stage-track-title" className="card-title">
          Stage
        </h2>
        <span className="card-head-note">{track.headline}</span>
      </header>
      <ol className="stage-track" aria-label="Rollout steps">
        {track.nodes.map((node) => (
          <StageNodeView key={node.index} node={node} steps={rollout.steps} status={rollout.state.status} />
        ))}
      </ol>
    </section>
  );
}
