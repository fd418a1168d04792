import { Skeleton } from '../../../components/ui/skeleton';
import { COLUMNS } from './columns';

const WIDTHS = ['70%', '36px', '24px', '52px', '85%', '20px'];

export function NamespacesSkeleton() {
  return (
    <div className="table-wrap" role="status" aria-busy="true">
      <span className="sr-only">Loading namespaces…</span>
      <table className="data-table" aria-hidden="true">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={`${c.className ?? ''}${c.numeric ? ' align-end' : ''}`}>
                <span className="th-static">{c.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: 6 }, (_, row) => (
            <tr key={row}>
              {WIDTHS.map((w, col) => (
                <td key={col} className={COLUMNS[col]?.numeric ? 'num' : undefined}>
                  <Skeleton width={w} height={col === 4 ? 28 : 12} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
