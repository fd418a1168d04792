import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';
import { Skeleton } from '../../../components/ui/skeleton';
import { versionQueries } from '../api/version-queries';
import { KindBadge } from './kind-badge';

/** One end of a comparison: which version, who wrote it, when and why. */
export function DiffSide({ ns, version, role }: { ns: string; version: number; role: 'From' | 'To' }) {
  const { data: v, isPending } = useQuery(versionQueries.summary(ns, version));
  return (
    <section className="diff-side" aria-label={`${role} v${version}`}>
      <div className="diff-side-head">
        <span className="diff-side-role">{role}</span>
        <Link to={`/namespaces/${encodeURIComponent(ns)}/versions/${version}`} className="version diff-side-version">
          v{version}
        </Link>
        {v?.active && <Badge tone="success" className="badge-dot">Live</Badge>}
        {v?.discardedBy && <Badge tone="warning">Discarded</Badge>}
        {v && <KindBadge kind={v.kind} />}
      </div>
      {isPending && <Skeleton width="60%" />}
      {v && (
        <>
          <p className="diff-side-reason" title={v.reason}>{v.reason || 'No reason given'}</p>
          <p className="cell-sub">
            {v.author} · <RelativeTime iso={v.createdAt} />
          </p>
        </>
      )}
      {!isPending && !v && <p className="muted">This version does not exist.</p>}
    </section>
  );
}
