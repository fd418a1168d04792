import type { NamespaceSummary } from '@contract/schemas';
import { overviewTotals } from '../lib/overview';

export function NamespacesSummary({ items }: { items: NamespaceSummary[] }) {
  const { total, killed, rollbacks7d } = overviewTotals(items);
  return (
    <span className="summary-line">
      <span>
        {total} {total === 1 ? 'namespace' : 'namespaces'}
      </span>
      {killed > 0 && <span className="text-danger">{killed} with the kill switch on</span>}
      <span>
        {rollbacks7d} {rollbacks7d === 1 ? 'rollback' : 'rollbacks'} in the last 7 days
      </span>
    </span>
  );
}
