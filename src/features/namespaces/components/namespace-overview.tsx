import type { NamespaceDetail } from '@contract/schemas';
import { PageHeader } from '../../../components/ui/page-header';
import { FlagsTable } from './flags-table';
import { KillSwitchBadge } from './kill-switch-badge';
import { KillSwitchBanner } from './kill-switch-banner';
import { RecentChanges } from './recent-changes';
import { SnapshotFacts } from './snapshot-facts';

export function NamespaceOverview({ detail }: { detail: NamespaceDetail }) {
  return (
    <div className="page">
      <KillSwitchBanner namespace={detail.name} killSwitch={detail.killSwitch} />
      <PageHeader
        title={
          <span className="title-with-badge">
            {detail.name}
            <KillSwitchBadge killSwitch={detail.killSwitch} />
          </span>
        }
        description={detail.description ?? undefined}
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
    </div>
  );
}
