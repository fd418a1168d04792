import { useDeferredValue, useMemo, useState } from 'react';
import type { SnapshotDiffDto } from '@contract/schemas';
import { SearchInput } from '../ui/search-input';
import { describeItem, diffCounts, diffHeadline, diffItems, matchesFilter, metaFields } from './diff-model';
import { FieldChangeTable, FlagChangeCard, type ColumnLabels } from './flag-change-card';

export interface SnapshotDiffViewProps {
  diff: SnapshotDiffDto;
  /** Accessible name of the diff region, e.g. "Changes from v14 to v12". */
  label?: string;
  /** Column headers, e.g. { before: 'v14 (live)', after: 'v12' }. */
  columns?: ColumnLabels;
  /** Flags rendered before "Show more"; keeps a 2,000-flag diff one quick, small DOM. */
  pageSize?: number;
}

/** Offer a filter once there is more than a screenful of changed flags. */
const FILTER_FROM = 8;

/**
 * A readable, flag-by-flag, field-by-field diff (added / removed / changed, before -> after),
 * unchanged flags collapsed to a count. Large diffs render a page at a time with a filter.
 */
export function SnapshotDiffView({ diff, label = 'Changes', columns = { before: 'Before', after: 'After' }, pageSize = 50 }: SnapshotDiffViewProps) {
  const counts = diffCounts(diff);
  const items = useMemo(() => diffItems(diff), [diff]);
  const meta = useMemo(() => metaFields(diff), [diff]);
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [shown, setShown] = useState(pageSize);
  const matching = useMemo(() => items.filter((item) => matchesFilter(item, deferredFilter)), [items, deferredFilter]);
  // Only the flags on screen are described (labels, formatted values), not all 2,000.
  const visible = useMemo(() => matching.slice(0, shown).map(describeItem), [matching, shown]);
  const rest = matching.length - visible.length;

  return (
    <section className="diff-view" aria-label={label}>
      <p className="diff-headline">
        <strong>{diffHeadline(counts)}</strong>
        {counts.unchanged > 0 && <span className="muted"> · {counts.unchanged.toLocaleString('en')} unchanged (not shown)</span>}
      </p>
      {counts.total > FILTER_FROM && (
        <SearchInput
          aria-label="Filter changed flags"
          placeholder={`Filter ${counts.total.toLocaleString('en')} changed flags by key`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      {visible.length > 0 && (
        <div className="diff-cards">
          {visible.map((entry) => (
            <FlagChangeCard key={`${entry.kind}:${entry.key}`} entry={entry} columns={columns} />
          ))}
        </div>
      )}
      {matching.length === 0 && deferredFilter !== '' && <p className="muted">No changed flag matches “{deferredFilter}”.</p>}
      {rest > 0 && (
        <button type="button" className="btn btn-secondary diff-more" onClick={() => setShown((n) => n + pageSize)}>
          Show {Math.min(pageSize, rest).toLocaleString('en')} more ({rest.toLocaleString('en')} not shown)
        </button>
      )}
      {meta.length > 0 && (
        <div className="diff-card diff-card-meta">
          <h4 className="diff-card-head">Snapshot meta</h4>
          <FieldChangeTable fields={meta} columns={columns} caption="Snapshot meta changes" />
        </div>
      )}
    </section>
  );
}
