import type { NamespaceSummary } from '@contract/schemas';
import { SortableHeader } from '../../../components/ui/sortable-header';
import type { OverviewParams, SortKey } from '../lib/overview';
import { COLUMNS } from './columns';
import { NamespaceRow } from './namespace-row';

export interface NamespacesTableProps {
  rows: NamespaceSummary[];
  params: OverviewParams;
  onSort: (key: SortKey) => void;
}

export function NamespacesTable({ rows, params, onSort }: NamespacesTableProps) {
  const sortedBy = COLUMNS.find((c) => c.key === params.sort)?.label ?? params.sort;
  return (
    <div className="table-wrap">
      <table className="data-table namespaces-table">
        <caption className="sr-only">
          Namespaces, sorted by {sortedBy}, {params.dir === 'asc' ? 'ascending' : 'descending'}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <SortableHeader
                key={c.key}
                label={c.label}
                className={c.className}
                align={c.numeric ? 'end' : 'start'}
                direction={params.sort === c.key ? params.dir : null}
                onSort={() => onSort(c.key)}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <NamespaceRow key={n.name} namespace={n} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
