import type { KillSwitchState } from '@contract/schemas';
import { PowerIcon } from '../../../components/ui/icons';
import { RelativeTime } from '../../../components/ui/relative-time';

/** On every screen of a killed namespace: nothing in its snapshot is being served. */
export function KillSwitchBanner({ namespace, killSwitch }: { namespace: string; killSwitch: KillSwitchState }) {
  if (!killSwitch.enabled) return null;
  return (
    <div className="kill-banner" role="status">
      <PowerIcon width={18} height={18} className="kill-banner-icon" />
      <div>
        <p className="kill-banner-title">Kill switch on: {namespace} serves every flag&apos;s declared default</p>
        <p className="kill-banner-detail">
          {killSwitch.changedBy ? `Turned on by ${killSwitch.changedBy}` : 'Turned on'}
          {killSwitch.changedAt && (
            <>
              {' '}
              <RelativeTime iso={killSwitch.changedAt} />
            </>
          )}
          {killSwitch.reason && <>: “{killSwitch.reason}”</>}
        </p>
      </div>
    </div>
  );
}
