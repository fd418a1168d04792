import type { RolloutSummary } from '@contract/rollouts';
import { SortableHeader } from '../../../components/ui/sortable-header';
import type { ListParams, SortKey } from '../lib/rollout-list';
import { RolloutRow } from './rollout-row';

const COLUMNS: { key: SortKey | null; label: string; className: string }[] = [
  { key: 'rollout', label: 'Rollout', className: 'col-rollout' },
  { key: 'namespace', label: 'Bound to', className: 'col-bound' },
  { key: null, label: 'Mode', className: 'col-mode' },
  { key: 'stage', label: 'Stage', className: 'col-stage' },
  { key: 'verdict', label: 'Verdict', className: 'col-verdict' },
  { key: 'guard', label: 'Last guard event', className: 'col-guard' },
];

export function RolloutsTable({ rows, params, onSort }: { rows: RolloutSummary[]; params: ListParams; onSort: (key: SortKey) => void }) {
  const sortedBy = COLUMNS.find((c) => c.key === params.sort)?.label ?? params.sort;
  return (
    <div className="table-wrap">
      <table className="data-table rollouts-table">
        <caption className="sr-only">
          Rollouts, sorted by {sortedBy}, {params.dir === 'asc' ? 'ascending' : 'descending'}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) =>
              c.key === null ? (
                <th key={c.label} scope="col" className={c.className}>
                  {c.label}
                </th>
              ) : (
                <SortableHeader key={c.key} label={c.label} className={c.className} direction={params.sort === c.key ? params.dir : null} onSort={() => onSort(c.key ?? 'rollout')} />
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <RolloutRow key={r.id} rollout={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
