import { Link, useSearchParams } from 'react-router';
import type { VersionDetail } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { TabPanel, Tabs } from '../../../components/ui/tabs';
import { diffLinks, parseVersionTab, type VersionTab } from '../lib/version-view';
import { DiscardedNote } from './discarded-note';
import { VersionFacts } from './version-facts';
import { VersionFlagsTable } from './version-flags-table';
import { VersionJson } from './version-json';

const TABS: { id: VersionTab; label: string }[] = [
  { id: 'flags', label: 'Flags' },
  { id: 'json', label: 'JSON' },
];

export function VersionView({ ns, version: v, activeVersion }: { ns: string; version: VersionDetail; activeVersion: number | null }) {
  const [search, setSearch] = useSearchParams();
  const tab = parseVersionTab(search.get('tab'));
  const select = (next: VersionTab) => setSearch(next === 'flags' ? {} : { tab: next }, { replace: true });
  const history = `/namespaces/${encodeURIComponent(ns)}/history`;

  return (
    <div className="page">
      <PageHeader
        title={
          <span className="title-with-badge">
            <span className="version">v{v.version}</span> of {ns}
            {v.active && <Badge tone="success" className="badge-dot">Live</Badge>}
            {v.discardedBy && <Badge tone="warning">Discarded</Badge>}
          </span>
        }
        description={<p className="version-reason">{v.reason ? `“${v.reason}”` : 'No reason given'}</p>}
        actions={
          <>
            {diffLinks(ns, v, activeVersion).map((l) => (
              <Link key={l.href} to={l.href} className="btn btn-secondary">{l.label}</Link>
            ))}
            <Link to={history} className="btn btn-ghost">History</Link>
          </>
        }
      />
      {v.discardedBy && (
        <div className="notice notice-warning">
          <DiscardedNote discardedBy={v.discardedBy} />
          <p className="muted">Apps do not get this version. It stays here, unchanged, so it can be compared or restored.</p>
        </div>
      )}
      <VersionFacts version={v} />
      <Tabs label={`v${v.version} content`} tabs={TABS} selected={tab} onSelect={select} idBase="version" />
      <TabPanel idBase="version" id={tab}>
        {tab === 'flags' ? (
          <VersionFlagsTable snapshot={v.snapshot} caption={`Flags in v${v.version}`} />
        ) : (
          <VersionJson ns={ns} version={v.version} snapshot={v.snapshot} />
        )}
      </TabPanel>
    </div>
  );
}
