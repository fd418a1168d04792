import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { NamespaceDetail } from '@contract/schemas';
import * as registryApi from '@contract/routes-registry';
import { Spinner } from '../../../components/ui/spinner';
import { apiRequest } from '../../../lib/api-client';
import { namespaceQueries } from '../api/namespace-queries';
import { insufficientHistoryText } from '../lib/active-chain';
import { flagsChanging, rollbackSentence } from '../lib/guard-sentences';
import { useGuardedAction } from '../lib/use-guarded-action';
import { NamespaceGuard } from './namespace-guard';
import { PreviewDiff } from './preview-diff';
import { StepsField } from './steps-field';

interface Vars {
  steps: number;
  reason: string;
}

export function RollbackDialog({ detail, onClose, initialSteps = 1 }: { detail: NamespaceDetail; onClose: () => void; initialSteps?: number }) {
  const ns = detail.name;
  const [steps, setSteps] = useState(initialSteps);
  const guard = useGuardedAction<Vars>({
    detail,
    send: ({ steps: n, reason }, g) => apiRequest(registryApi.rollback, { params: { ns }, body: { steps: n, reason }, ifMatch: g.ifMatch, idempotencyKey: g.idempotencyKey }),
    success: (r) => ({ title: `Rolled back ${ns} to v${r.namespace.activeVersion}`, description: `v${r.namespace.activeVersion} is live. Reason: ${r.event.reason}` }),
    onDone: onClose,
  });
  const from = guard.seen.activeVersion;
  const plan = useQuery(namespaceQueries.rollbackPlan(ns, from, steps));
  const target = plan.data?.status === 'ok' ? plan.data.target : null;
  const diff = useQuery({ ...namespaceQueries.diff(ns, from, target ?? from), enabled: target !== null });
  const short = plan.data?.status === 'short' ? plan.data.available : null;
  const sentence =
    target !== null && diff.data ? rollbackSentence(ns, from, target, flagsChanging(diff.data)) : short !== null ? `${ns} cannot be rolled back ${steps} step${steps === 1 ? '' : 's'}` : null;

  return (
    <NamespaceGuard
      guard={guard}
      title={`Roll back ${ns}`}
      sentence={sentence}
      confirmLabel={`Roll back ${ns}`}
      ready={target !== null && diff.data !== undefined}
      onConfirm={(reason) => guard.confirm({ steps, reason })}
      onClose={onClose}
    >
      <StepsField value={steps} onChange={setSteps} path={plan.data?.status === 'ok' ? plan.data.path : null} />
      {short !== null && (
        <p className="guard-refusal" role="status">
          {insufficientHistoryText(ns, short)}
        </p>
      )}
      {plan.isPending && <Spinner label="Following the active chain…" />}
      {target !== null && <PreviewDiff diff={diff} from={from} to={target} afterLabel="after the rollback" />}
      {target !== null && (
        <p className="guard-note">
          The versions passed over stay in the history, marked as discarded by this rollback.
          {guard.seen.killSwitch.enabled && ' The kill switch stays on: a rollback does not turn it off.'}
        </p>
      )}
    </NamespaceGuard>
  );
}
