import type { KillSwitchState } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { PowerIcon } from '../../../components/ui/icons';
import { absoluteTime } from '../../../lib/format-time';

function explain(ks: KillSwitchState): string {
  const parts = ['Kill switch on: every flag serves its declared default'];
  if (ks.changedBy) parts.push(`turned on by ${ks.changedBy}`);
  if (ks.changedAt) parts.push(`at ${absoluteTime(ks.changedAt)}`);
  if (ks.reason) parts.push(`reason: ${ks.reason}`);
  return parts.join(' · ');
}

export function KillSwitchBadge({ killSwitch }: { killSwitch: KillSwitchState }) {
  if (!killSwitch.enabled) {
    return (
      <Badge tone="success" className="badge-dot" title="Serving the live snapshot">
        Live
      </Badge>
    );
  }
  return (
    <Badge tone="danger-solid" title={explain(killSwitch)}>
      <PowerIcon width={12} height={12} />
      Kill switch on
    </Badge>
  );
}
