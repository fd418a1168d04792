import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { SnapshotDiffView } from '../../../components/diff/snapshot-diff-view';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Spinner } from '../../../components/ui/spinner';
import { versionQueries } from '../api/version-queries';
import { diffSentence } from '../lib/diff-range';
import { DiffSide } from './diff-side';

export function DiffResult({ ns, from, to }: { ns: string; from: number; to: number }) {
  // Ask for the diff as soon as this renders: useQuery alone asks once the screen has been
  // committed, i.e. after the previous screen (a 2,000-flag namespace page) has been torn down.
  usePrefetchQuery(versionQueries.diff(ns, from, to));
  const diff = useQuery(versionQueries.diff(ns, from, to));
  return (
    <>
      <div className="diff-sides">
        <DiffSide ns={ns} version={from} role="From" />
        <span className="diff-sides-arrow" aria-hidden="true">→</span>
        <DiffSide ns={ns} version={to} role="To" />
      </div>
      {diff.data ? (
        <>
          <p className="diff-sentence" role="status">{diffSentence(from, to, diff.data.diff)}</p>
          <SnapshotDiffView diff={diff.data.diff} label={`Changes from v${from} to v${to}`} columns={{ before: `v${from}`, after: `v${to}` }} />
        </>
      ) : diff.error?.status === 404 ? (
        <EmptyState title="One of these versions does not exist">
          <p>{diff.error.message}. Pick versions from the history, or type other numbers above.</p>
        </EmptyState>
      ) : diff.isError ? (
        <ErrorPanel title={`Could not compare v${from} and v${to}`} error={diff.error} onRetry={() => void diff.refetch()} retrying={diff.isFetching} />
      ) : (
        <Spinner label={`Comparing v${from} and v${to}…`} />
      )}
    </>
  );
}
