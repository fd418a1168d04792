import type { NamespaceDetail } from '@contract/schemas';
import * as registryApi from '@contract/routes-registry';
import { apiRequest } from '../../../lib/api-client';
import { blastRadius } from '../lib/blast-radius';
import { killSwitchSentence } from '../lib/guard-sentences';
import { useGuardedAction } from '../lib/use-guarded-action';
import { BlastRadiusTable } from './blast-radius-table';
import { NamespaceGuard } from './namespace-guard';

interface Vars {
  enabled: boolean;
  reason: string;
}

const ON_REASONS = ['Provider outage: serve declared defaults', 'Error rate spike after last change', 'Bad value shipped', 'Requested by incident commander'];
const OFF_REASONS = ['Incident resolved', 'Provider recovered', 'Fix verified in production'];

/** Turn the kill switch on or off (whichever it is not): the blast radius, the typed name, a reason. */
export function KillSwitchDialog({ detail, onClose }: { detail: NamespaceDetail; onClose: () => void }) {
  const ns = detail.name;
  const guard = useGuardedAction<Vars>({
    detail,
    send: ({ enabled, reason }, g) => apiRequest(registryApi.killSwitch, { params: { ns }, body: { enabled, reason }, ifMatch: g.ifMatch, idempotencyKey: g.idempotencyKey }),
    success: (r) => ({
      title: `Kill switch ${r.namespace.killSwitch.enabled ? 'on' : 'off'} for ${ns}`,
      description: r.namespace.killSwitch.enabled
        ? `Every flag of ${ns} serves its declared default (v${r.namespace.activeVersion} stays the active version).`
        : `${ns} serves v${r.namespace.activeVersion} again.`,
    }),
    onDone: onClose,
  });
  const seen = guard.seen;
  const enable = !seen.killSwitch.enabled;
  const radius = blastRadius(seen);
  const verb = enable ? 'on' : 'off';

  return (
    <NamespaceGuard
      guard={guard}
      title={`Turn kill switch ${verb} for ${ns}`}
      sentence={killSwitchSentence(ns, enable, radius.affected.length, seen.activeVersion)}
      confirmLabel={`Turn kill switch ${verb} for ${ns}`}
      tone={enable ? 'danger' : 'primary'}
      typedName={ns}
      suggestions={enable ? ON_REASONS : OFF_REASONS}
      ready
      onConfirm={(reason) => guard.confirm({ enabled: enable, reason })}
      onClose={onClose}
    >
      <BlastRadiusTable radius={radius} enable={enable} version={seen.activeVersion} />
      <p className="guard-note">
        {enable
          ? `Apps polling ${ns} get every flag with isActive: false until the switch is turned off. The active version (v${seen.activeVersion}) does not change, and a rollback does not turn the switch off.`
          : `Apps polling ${ns} get v${seen.activeVersion} as it is again, rules and ramp-ups included.`}
      </p>
    </NamespaceGuard>
  );
}
