import { useId } from 'react';
import type { RolloutDetail } from '@contract/rollouts';
import { AlertIcon } from '../../../components/ui/icons';
import { RelativeTime } from '../../../components/ui/relative-time';

/**
 * A rolled-back or paused rollout says so at the top, with who (or which guard) and why: the
 * first thing an on-call engineer opening the link needs to read.
 */
export function RolloutBanner({ rollout }: { rollout: RolloutDetail }) {
  const titleId = useId();
  const { status, pausedReason } = rollout.state;
  if (status !== 'rolled_back' && status !== 'paused') return null;
  const action = status === 'rolled_back' ? 'rollout.rollback' : 'rollout.pause';
  const event = rollout.events.find((e) => e.action === action);
  const automatic = event?.details.automatic === true;
  const title =
    status === 'rolled_back' ? (automatic ? 'Rolled back automatically to shadow' : 'Rolled back to shadow') : automatic ? 'Paused by a guard' : 'Paused';
  return (
    <div className={`rollout-banner rollout-banner-${status}`} role="status" aria-live="polite" aria-labelledby={titleId}>
      <AlertIcon className="rollout-banner-icon" />
      <div>
        <p className="rollout-banner-title" id={titleId}>
          {title}
        </p>
        <p className="rollout-banner-detail">
          {event ? (
            <>
              {automatic ? 'By the guards engine' : `By ${event.actor}`} <RelativeTime iso={event.at} />: “{event.reason}”
            </>
          ) : (
            pausedReason
          )}
          {status === 'rolled_back' ? ' V2 serves no traffic; promotion holds until someone resumes with what was fixed.' : ' Promotion holds until someone resumes.'}
        </p>
      </div>
    </div>
  );
}
