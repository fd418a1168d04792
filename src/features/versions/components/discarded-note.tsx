import type { VersionSummary } from '@contract/schemas';
import { RelativeTime } from '../../../components/ui/relative-time';

type DiscardedBy = NonNullable<VersionSummary['discardedBy']>;

/** Why a version is not live any more although it is newer than the live one. */
export function DiscardedNote({ discardedBy }: { discardedBy: DiscardedBy }) {
  return (
    <p className="discarded-note" title={discardedBy.reason ? `Discarded by rollback by ${discardedBy.actor}: ${discardedBy.reason}` : undefined}>
      Discarded by rollback by <span className="discarded-actor">{discardedBy.actor}</span> <RelativeTime iso={discardedBy.at} />
      {discardedBy.reason && <>: “{discardedBy.reason}”</>}
    </p>
  );
}
