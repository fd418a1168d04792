import type { ParityPatternsResponse } from '@contract/rollouts';
import { EmptyState } from '../../../components/ui/empty-state';
import { Skeleton } from '../../../components/ui/skeleton';
import { PatternRow } from './pattern-row';

/** Mismatches grouped by pattern (O8), most frequent first; a pattern filters the reports below. */
export function ParityPatterns({ data, selected, onSelect }: { data: ParityPatternsResponse | undefined; selected: string | null; onSelect: (pattern: string | undefined) => void }) {
  if (!data) {
    return (
      <div className="card" role="status" aria-busy="true">
        <span className="sr-only">Loading the mismatch patterns…</span>
        <Skeleton width="70%" height={14} />
        <Skeleton width="50%" height={14} />
      </div>
    );
  }
  if (data.items.length === 0) {
    return (
      <EmptyState title="No mismatches">
        <p>Every parity report so far matched (or none has arrived). Mismatches appear here grouped by what differs.</p>
      </EmptyState>
    );
  }
  return (
    <section className="table-wrap" aria-labelledby="patterns-title">
      <table className="data-table patterns-table">
        <caption id="patterns-title" className="table-caption">
          Mismatch patterns
        </caption>
        <thead>
          <tr>
            <th scope="col">Pattern</th>
            <th scope="col" className="num">
              Reports
            </th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            <th scope="col">Triage</th>
            <th scope="col">
              <span className="sr-only">Filter</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((p) => (
            <PatternRow key={p.pattern} pattern={p} selected={selected === p.pattern} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
