import { useEffect } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { VersionSummary } from '@contract/schemas';
import { Spinner } from '../../../components/ui/spinner';
import { useScrollMargin } from '../../../lib/use-scroll-margin';
import { HistoryRow } from './history-row';

const ROW = 64;
const DISCARDED_ROW = 86;

export interface HistoryListProps {
  ns: string;
  rows: VersionSummary[];
  /** Rows the table would have without filters (for assistive tech's "row N of M"). */
  rowCount: number;
  picked: number[];
  onToggle: (version: number) => void;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Says how far a filtered search has looked, e.g. "Searched 400 of 10,000 versions". */
  progress: string;
}

/** Only the rows in view (plus a few) are in the DOM, so 10,000 versions scroll like 10. */
export function HistoryList({ ns, rows, rowCount, picked, onToggle, hasMore, loadingMore, loadMore, progress }: HistoryListProps) {
  const { ref: bodyRef, offset } = useScrollMargin<HTMLDivElement>();

  // oxlint-disable-next-line react/incompatible-library -- this build has no React Compiler; the virtualizer re-renders on scroll itself
  const virtualizer = useWindowVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    estimateSize: (i) => (rows[i]?.discardedBy ? DISCARDED_ROW : ROW),
    overscan: 8,
    scrollMargin: offset,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 1) loadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, loadMore]);

  return (
    <div role="table" aria-label={`Versions of ${ns}`} aria-rowcount={rowCount + 1} className="history-table">
      <div role="rowgroup" className="history-head">
        <div role="row" aria-rowindex={1} className="history-row">
          <span role="columnheader" className="history-cell-pick"><span className="sr-only">Compare</span></span>
          <span role="columnheader">Version</span>
          <span role="columnheader">Kind</span>
          <span role="columnheader">Change</span>
          <span role="columnheader">Snapshot label</span>
          <span role="columnheader" className="history-cell-time">Written</span>
        </div>
      </div>
      <div role="rowgroup" ref={bodyRef} className="history-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const style = { height: item.size, transform: `translateY(${item.start - offset}px)` };
          const version = rows[item.index];
          if (!version) {
            return (
              <div role="row" key="more" className="history-row history-more" style={style}>
                <div role="cell">
                  <Spinner label={loadingMore ? `Loading older versions… ${progress}` : progress} />
                </div>
              </div>
            );
          }
          return (
            <HistoryRow
              key={version.version}
              ns={ns}
              version={version}
              rowIndex={item.index + 2}
              picked={picked.includes(version.version)}
              onToggle={onToggle}
              style={style}
            />
          );
        })}
      </div>
    </div>
  );
}
