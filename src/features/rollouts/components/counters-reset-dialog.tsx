import type { RolloutDetail } from '@contract/rollouts';
import * as rolloutApi from '@contract/routes-rollouts';
import { apiRequest } from '../../../lib/api-client';
import { useRolloutAction } from '../lib/use-rollout-action';
import { RolloutGuard } from './rollout-guard';

const REASONS = ['Start the gate fresh after a fix', 'Counts polluted by a test run'];

/** Guarded counter reset (O5): the latest report becomes the gate's baseline. */
export function CountersResetDialog({ rollout, onClose }: { rollout: RolloutDetail; onClose: () => void }) {
  const action = useRolloutAction<{ reason: string }>({
    rollout,
    send: ({ reason }, g) => apiRequest(rolloutApi.resetRolloutCounters, { params: { id: rollout.id }, body: { reason }, ifMatch: g.ifMatch, idempotencyKey: g.idempotencyKey }),
    success: (r) => ({ title: `Counters of ${r.rollout.id} reset`, description: 'The gate now counts from the latest report.' }),
    onDone: onClose,
  });
  return (
    <RolloutGuard
      action={action}
      title={`Reset the counters of ${rollout.id}`}
      sentence={`Reset the counters the gate reads for ${rollout.id}: the latest cumulative report becomes the baseline, so the gate needs fresh evidence (at least ${rollout.gateThresholds.minRuntimeDecisions} runtime decisions and ${rollout.gateThresholds.minParityReports} parity reports) before it accepts again.`}
      confirmLabel="Reset counters"
      tone="danger"
      suggestions={REASONS}
      ready
      onConfirm={(reason) => action.confirm({ reason })}
      onClose={onClose}
    />
  );
}
