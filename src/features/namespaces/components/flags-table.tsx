import type { NamespaceDetail } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { flagRows } from '../lib/flag-rows';

function ActiveState({ active, killed }: { active: boolean; killed: boolean }) {
  if (killed) {
    return (
      <Badge tone="danger" title="The kill switch is on: apps get this flag's declared default, whatever the snapshot says">
        Killed
      </Badge>
    );
  }
  return active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Inactive</Badge>;
}

export function FlagsTable({ detail }: { detail: NamespaceDetail }) {
  const rows = flagRows(detail);
  const killed = detail.killSwitch.enabled;
  if (rows.length === 0) return <p className="muted panel-empty">This snapshot has no flags.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table flags-table" aria-label={`Flags in v${detail.activeVersion}`}>
        <thead>
          <tr>
            <th scope="col">Flag</th>
            <th scope="col">Type</th>
            <th scope="col">Default</th>
            <th scope="col">Active</th>
            <th scope="col" className="align-end">
              Rules
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.key}>
              <th scope="row" className="cell-name">
                <span className="mono" title={f.key}>
                  {f.name}
                </span>
              </th>
              <td>
                <span className="type-tag">{f.type}</span>
              </td>
              <td className="mono cell-value" title={f.defaultValue}>
                {f.defaultValue}
              </td>
              <td>
                <ActiveState active={f.active} killed={killed} />
              </td>
              <td className="num">
                {f.rules}
                {f.partialRamp !== null && <span className="muted ramp-hint"> · ramp {f.partialRamp}%</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
