import type { VersionDetail } from '@contract/schemas';
import { RelativeTime } from '../../../components/ui/relative-time';
import { metaFacts } from '../lib/history';
import { KindBadge } from './kind-badge';

/** Who wrote this version, when, from what, and the content hash apps see in the ETag. */
export function VersionFacts({ version: v }: { version: VersionDetail }) {
  const meta = metaFacts(v.snapshot.meta ?? v.meta);
  return (
    <dl className="facts facts-4">
      <div>
        <dt>Kind</dt>
        <dd className="facts-kind">
          <KindBadge kind={v.kind} />
          {v.sourceVersion !== null && <span className="muted">of v{v.sourceVersion}</span>}
        </dd>
      </div>
      <div>
        <dt>Author</dt>
        <dd className="truncate" title={v.author}>{v.author}</dd>
      </div>
      <div>
        <dt>Written</dt>
        <dd><RelativeTime iso={v.createdAt} /></dd>
      </div>
      <div>
        <dt>Flags</dt>
        <dd className="num-inline">{v.flagCount}</dd>
      </div>
      <div>
        <dt>Snapshot label</dt>
        <dd className="mono truncate" title={meta.label ?? undefined}>{meta.label ?? '—'}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd className="mono truncate" title={meta.source ?? undefined}>{meta.source ?? '—'}</dd>
      </div>
      <div>
        <dt>Generated</dt>
        <dd>{meta.generatedAt ? <RelativeTime iso={meta.generatedAt} /> : '—'}</dd>
      </div>
      <div>
        <dt>Content hash</dt>
        <dd className="mono truncate" title={v.hash}>{v.hash.replace(/^sha256:/, '').slice(0, 12)}</dd>
      </div>
    </dl>
  );
}
