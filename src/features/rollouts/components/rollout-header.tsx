import { Link } from 'react-router';
import type { RolloutDetail } from '@contract/rollouts';
import { RolloutActions } from './rollout-actions';
import { RolloutStatusBadges } from './rollout-status-badges';

const value = (v: boolean | string) => (typeof v === 'boolean' ? String(v) : v);

/** Name, state, what it is bound to, and the controls. */
export function RolloutHeader({ rollout }: { rollout: RolloutDetail }) {
  return (
    <div className="page-header rollout-header">
      <div className="page-header-text">
        <h1 className="page-title title-with-badge">
          {rollout.id}
          <RolloutStatusBadges rollout={rollout} />
        </h1>
        <p className="page-description">
          {rollout.description && <span>{rollout.description} · </span>}
          <Link to={`/namespaces/${encodeURIComponent(rollout.namespace)}`}>{rollout.namespace}</Link> /{' '}
          <span className="mono" title={rollout.flagKey}>
            {rollout.flagName}
          </span>
          : V1 <code>{value(rollout.v1Value)}</code> → V2 <code>{value(rollout.v2Value)}</code> · <span className="muted">revision {rollout.revision}</span>
        </p>
      </div>
      <div className="page-header-actions">
        <RolloutActions rollout={rollout} />
      </div>
    </div>
  );
}
