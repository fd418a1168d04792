import type { UseQueryResult } from '@tanstack/react-query';
import type { SnapshotDiffDto } from '@contract/schemas';
import { SnapshotDiffView } from '../../../components/diff/snapshot-diff-view';
import { Spinner } from '../../../components/ui/spinner';
import { describeError } from '../../../lib/api-error';

export interface PreviewDiffProps {
  diff: UseQueryResult<SnapshotDiffDto>;
  from: number;
  to: number;
  /** What the "after" column is, e.g. "after the rollback". */
  afterLabel: string;
}

/** The net diff of what will be live afterwards, with its loading and failure states. */
export function PreviewDiff({ diff, from, to, afterLabel }: PreviewDiffProps) {
  if (diff.data) {
    return (
      <SnapshotDiffView
        diff={diff.data}
        label={`What will be live ${afterLabel}`}
        columns={{ before: `v${from} (live now)`, after: `v${to} (${afterLabel})` }}
      />
    );
  }
  if (diff.isError) {
    return (
      <p className="field-error" role="alert">
        Could not load the diff between v{from} and v{to}: {describeError(diff.error)}
      </p>
    );
  }
  return <Spinner label={`Comparing v${from} with v${to}…`} />;
}
