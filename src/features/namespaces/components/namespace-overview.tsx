import { Suspense } from 'react';
import { preloadable } from '../../../lib/preloadable';
import type { NamespaceDetail } from '@contract/schemas';
import { PageHeader } from '../../../components/ui/page-header';
import { NamespaceActions } from './namespace-actions';
import { FlagsTable } from './flags-table';
import { KillSwitchBadge } from './kill-switch-badge';
import { RecentChanges } from './recent-changes';
import { SnapshotFacts } from './snapshot-facts';

// Below the fold, with its own query: its code (the timeline's axis, lists and range bar) loads
// after the flags and the actions are on screen.
const NamespaceTimeline = preloadable(async () => (await import('./namespace-timeline')).NamespaceTimeline);

/** The on-call screen: what is live, what changed last and by whom, and the actions. The kill banner is the layout's. */
export function NamespaceOverview({ detail }: { detail: NamespaceDetail }) {
  return (
    <div className="page">
      <PageHeader
        title={
          <span className="title-with-badge">
            {detail.name}
            <KillSwitchBadge killSwitch={detail.killSwitch} />
          </span>
        }
        description={detail.description ?? undefined}
        actions={<NamespaceActions detail={detail} />}
      />
      <SnapshotFacts detail={detail} />
      <div className="split">
        <section className="panel" aria-labelledby="flags-heading">
          <h2 id="flags-heading" className="panel-title">
            Flags in <span className="version">v{detail.activeVersion}</span>
          </h2>
          <FlagsTable detail={detail} />
        </section>
        <section className="panel" aria-labelledby="changes-heading">
          <h2 id="changes-heading" className="panel-title">
            Recent changes
          </h2>
          <RecentChanges events={detail.recentEvents} />
        </section>
      </div>
      <Suspense fallback={null}>
        <NamespaceTimeline ns={detail.name} />
      </Suspense>
    </div>
  );
}
