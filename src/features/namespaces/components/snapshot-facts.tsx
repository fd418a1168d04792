import type { NamespaceDetail } from '@contract/schemas';
import { RelativeTime } from '../../../components/ui/relative-time';
import { VersionCell } from './version-cell';

/** The live version at a glance: number, label, source, and the content hash apps see in the ETag. */
export function SnapshotFacts({ detail }: { detail: NamespaceDetail }) {
  const meta = detail.snapshot.meta;
  const generated = meta?.generatedAtEpochMillis ? new Date(meta.generatedAtEpochMillis).toISOString() : null;
  return (
    <dl className="facts">
      <div>
        <dt>Live version</dt>
        <dd>
          <VersionCell namespace={detail} />
        </dd>
      </div>
      <div>
        <dt>Flags</dt>
        <dd className="num-inline">{detail.flagCount}</dd>
      </div>
      <div>
        <dt>Snapshot label</dt>
        <dd className="mono">{meta?.version ?? '—'}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd className="mono truncate" title={meta?.source}>
          {meta?.source ?? '—'}
        </dd>
      </div>
      <div>
        <dt>Generated</dt>
        <dd>{generated ? <RelativeTime iso={generated} /> : '—'}</dd>
      </div>
      <div>
        <dt>Content hash</dt>
        <dd className="mono truncate" title={detail.activeHash}>
          {detail.activeHash.replace(/^sha256:/, '').slice(0, 12)}
        </dd>
      </div>
    </dl>
  );
}
