import type { ValidateResponse } from '@contract/schemas';
import { SnapshotDiffView } from '../../../components/diff/snapshot-diff-view';
import { shadowHeadline } from '../lib/shadow-view';

/** What the guard shows for a load or patch: the diff against live and the shadow check's verdict. */
export function LoadConfirmPreview({ result, what, onEdit }: { result: ValidateResponse; what: 'snapshot' | 'patch'; onEdit: () => void }) {
  return (
    <div className="guard-preview">
      {result.valid ? (
        <>
          <SnapshotDiffView diff={result.diff} label={`Diff against live v${result.activeVersion}`} columns={{ before: `v${result.activeVersion} (live)`, after: `this ${what}` }} />
          <p className={result.shadow.anyChangedShare === 0 ? 'shadow-headline shadow-equivalent' : 'shadow-headline'}>
            <strong>Shadow check:</strong> {shadowHeadline(result.shadow)}
          </p>
        </>
      ) : (
        <p className="field-error" role="alert">
          Against what is live now (v{result.activeVersion}) this {what} no longer validates: {result.error.message}
        </p>
      )}
      <button type="button" className="btn btn-ghost btn-sm" onClick={onEdit}>
        Back to the editor
      </button>
    </div>
  );
}
