import type { SnapshotDto } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { versionFlagRows } from '../lib/version-view';

export function VersionFlagsTable({ snapshot, caption }: { snapshot: SnapshotDto; caption: string }) {
  const rows = versionFlagRows(snapshot);
  if (rows.length === 0) return <p className="muted panel-empty">This snapshot has no flags.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table flags-table" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Flag</th>
            <th scope="col">Type</th>
            <th scope="col">Default</th>
            <th scope="col">Active</th>
            <th scope="col" className="align-end">Rules</th>
            <th scope="col" className="align-end">Ramp-up</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.key}>
              <th scope="row" className="cell-name">
                <span className="mono" title={f.key}>{f.name}</span>
              </th>
              <td><span className="type-tag">{f.type}</span></td>
              <td className="mono cell-value" title={f.defaultValue}>{f.defaultValue}</td>
              <td>{f.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Inactive</Badge>}</td>
              <td className="num">{f.rules}</td>
              <td className="num">{f.rampUp}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
