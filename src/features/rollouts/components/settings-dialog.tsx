import { useState } from 'react';
import type { RolloutDetail } from '@contract/rollouts';
import * as rolloutApi from '@contract/routes-rollouts';
import { apiRequest } from '../../../lib/api-client';
import { fromForm, settingsChange, toForm, type SettingsForm } from '../lib/settings-form';
import { useRolloutAction } from '../lib/use-rollout-action';
import { RolloutGuard } from './rollout-guard';
import { SettingsFields } from './settings-fields';

const REASONS = ['Widen the canary to the next cohort', 'Raise sampling to gather parity evidence', 'Remove a tenant with known issues'];

/** Edit canary allowlists and parity sampling (written to the snapshot as a new version), guarded with a reason. */
export function SettingsDialog({ rollout, onClose }: { rollout: RolloutDetail; onClose: () => void }) {
  const [form, setForm] = useState<SettingsForm>(() => toForm(rollout.canary, rollout.parity));
  const action = useRolloutAction<{ reason: string }>({
    rollout,
    send: ({ reason }, g) => {
      const parsed = fromForm(form);
      if (!parsed.ok) throw new Error(parsed.message);
      return apiRequest(rolloutApi.rolloutSettings, { params: { id: rollout.id }, body: { canary: parsed.canary, parity: parsed.parity, reason }, ifMatch: g.ifMatch, idempotencyKey: g.idempotencyKey });
    },
    success: (r) => ({ title: `Settings of ${r.rollout.id} changed`, description: r.version ? `Written as v${r.version.version} of ${r.rollout.namespace}.` : undefined }),
    onDone: onClose,
  });
  const seen = action.seen;
  const parsed = fromForm(form);
  const change = parsed.ok ? settingsChange({ canary: seen.canary, parity: seen.parity }, parsed) : null;
  return (
    <RolloutGuard
      action={action}
      title={`Routing and sampling of ${seen.id}`}
      sentence={change ? `${change}. Written to ${seen.namespace} as a new snapshot version; apps pick it up on their next poll.` : 'Change the allowlists or the sampling below.'}
      confirmLabel="Save settings"
      tone="primary"
      suggestions={REASONS}
      ready={parsed.ok && change !== null}
      onConfirm={(reason) => action.confirm({ reason })}
      onClose={onClose}
    >
      <SettingsFields form={form} onChange={setForm} rateProblem={parsed.ok ? null : parsed.message} />
    </RolloutGuard>
  );
}
