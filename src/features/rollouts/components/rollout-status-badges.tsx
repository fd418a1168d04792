import type { RolloutSummary } from '@contract/rollouts';
import { Badge } from '../../../components/ui/badge';

const MODE_LABELS = { event_based: 'event-based', shadow: 'shadow', disabled: 'disabled' } as const;

/** Mode, and the status when it is not plain "active" (paused, rolled back, completed). */
export function RolloutStatusBadges({ rollout }: { rollout: RolloutSummary }) {
  const { status, mode } = rollout.state;
  return (
    <span className="rollout-badges">
      <Badge tone={mode === 'disabled' ? 'neutral' : 'accent'} title="Mode: how the runtime routes signals in this stage">
        {MODE_LABELS[mode]}
      </Badge>
      {status === 'paused' && <Badge tone="warning">Paused</Badge>}
      {status === 'rolled_back' && <Badge tone="danger-solid">Rolled back</Badge>}
      {status === 'completed' && <Badge tone="success">Completed</Badge>}
      {rollout.live.killSwitch && <Badge tone="danger">Kill switch on</Badge>}
    </span>
  );
}
