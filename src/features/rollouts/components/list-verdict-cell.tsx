import type { RolloutSummary } from '@contract/rollouts';
import { Badge } from '../../../components/ui/badge';
import { listVerdict } from '../lib/rollout-list';

export function ListVerdictCell({ rollout }: { rollout: RolloutSummary }) {
  const v = listVerdict(rollout);
  return (
    <div className="cell-stack">
      <Badge tone={v.tone === 'danger' ? 'danger-solid' : v.tone} className="badge-dot">
        {v.label}
      </Badge>
      {v.detail && <span className="cell-sub">{v.detail}</span>}
    </div>
  );
}
