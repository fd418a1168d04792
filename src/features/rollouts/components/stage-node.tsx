import type { RolloutStatus, Step } from '@core/rollout/model';
import { RelativeTime } from '../../../components/ui/relative-time';
import { describeStageEvent, type StageNode } from '../lib/to-stage-track';

const STATUS_TEXT = { passed: 'passed', current: 'current step', upcoming: 'not reached' } as const;

function Mark({ node, status }: { node: StageNode; status: RolloutStatus }) {
  if (node.rolledBackFrom) return <span className="stage-mark is-rolled-back" aria-hidden="true">↩</span>;
  if (node.status === 'passed') return <span className="stage-mark is-passed" aria-hidden="true">✓</span>;
  if (node.status === 'current') return <span className={`stage-mark is-current is-${status}`} aria-hidden="true" />;
  return <span className="stage-mark" aria-hidden="true" />;
}

/** One step: its mark, its name, and what happened there (latest first, the rest folded away). */
export function StageNodeView({ node, steps, status }: { node: StageNode; steps: readonly Step[]; status: RolloutStatus }) {
  const [latest, ...older] = node.events;
  const cls = `stage-node is-${node.status}${node.rolledBackFrom ? ' is-rolled-back-from' : ''}`;
  return (
    <li className={cls} aria-current={node.status === 'current' ? 'step' : undefined}>
      <div className="stage-node-head">
        <Mark node={node} status={status} />
        <span className="stage-node-label">{node.label}</span>
      </div>
      <span className="stage-node-title">
        {node.title}
        <span className="sr-only">, {node.rolledBackFrom ? 'rolled back from here' : STATUS_TEXT[node.status]}</span>
      </span>
      {latest && (
        <div className={`stage-event stage-event-${latest.action}`} title={latest.reason}>
          <span className="stage-event-what">{describeStageEvent(latest, steps)}</span>
          <span className="stage-event-who">
            {latest.action === 'auto_rollback' || latest.automatic ? 'guards' : latest.actor} · <RelativeTime iso={latest.at} />
          </span>
          <span className="stage-event-why">“{latest.reason}”</span>
        </div>
      )}
      {older.length > 0 && (
        <details className="stage-older">
          <summary>{older.length} earlier</summary>
          <ul>
            {older.map((e) => (
              <li key={e.id}>
                {describeStageEvent(e, steps)} · {e.actor} · <RelativeTime iso={e.at} />
                <br />
                <span className="muted">“{e.reason}”</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
