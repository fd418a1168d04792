import { Skeleton } from '../../../components/ui/skeleton';
import { COLUMNS } from './columns';

const WIDTHS = ['40%', '28px', '16px', '48px', '45%', '12px'];

export function NamespacesSkeleton() {
  return (
    <div className="table-wrap" role="status" aria-busy="true">
      <span className="sr-only">Loading namespaces…</span>
      <table className="data-table namespaces-table" aria-hidden="true">
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
                  <Skeleton width={w} height={12} />
                  {col === 0 || col === 4 ? <Skeleton width={col === 0 ? '45%' : '60%'} height={10} /> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
