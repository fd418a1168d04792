import { useEffect, useId, useRef } from 'react';
import type { ValidateResponse } from '@contract/schemas';
import { SnapshotDiffView } from '../../../components/diff/snapshot-diff-view';
import { JsonEditor } from '../../../components/json-editor/json-editor';
import { Modal } from '../../../components/ui/modal';
import { describeError } from '../../../lib/api-error';
import { errorLocation } from '../lib/validation-location';
import type { ModeText } from './load-modes';
import { ShadowCheckTable } from './shadow-check-table';
import { ValidationProblem } from './validation-problem';

export interface LoadEditorDialogProps {
  ns: string;
  mode: ModeText;
  seenVersion: number;
  text: string;
  onText: (text: string) => void;
  /** The server's verdict on exactly `text`, or null when it has not been validated as it is. */
  result: ValidateResponse | null;
  validating: boolean;
  requestError: unknown;
  onValidate: () => void;
  onContinue: () => void;
  onClose: () => void;
}

/** Step 1 of load and patch: write or upload the JSON, let the server validate it, see diff and shadow check. */
export function LoadEditorDialog(props: LoadEditorDialogProps) {
  const { ns, mode, seenVersion, text, onText, result, validating, requestError, onValidate, onContinue, onClose } = props;
  const titleId = useId();
  const problemId = useId();
  const rejected = result && !result.valid ? result.error : null;
  const location = rejected ? errorLocation(text, rejected) : null;
  const verdict = useRef<HTMLDivElement>(null);
  // A fresh verdict (diff + shadow check, or the error) comes into view below the editor.
  useEffect(() => {
    if (result) verdict.current?.scrollIntoView?.({ block: 'start' });
  }, [result]);

  const upload = async (file: File | undefined) => {
    if (file) onText(await file.text());
  };

  return (
    <Modal labelledBy={titleId} onClose={onClose} wide>
      <div className="guard">
        <header className="guard-header">
          <h2 id={titleId} className="guard-title">
            {mode.title(ns)}
          </h2>
          <p className="guard-help">{mode.help}</p>
        </header>
        <div className="guard-body">
          <JsonEditor label={mode.editorLabel} value={text} onChange={onText} highlightLine={location?.line ?? null} errorId={rejected ? problemId : undefined} rows={14} />
          <label className="upload">
            <span className="btn btn-secondary btn-sm">Upload a .json file</span>
            <input type="file" accept=".json,application/json" className="sr-only" onChange={(e) => void upload(e.target.files?.[0])} />
          </label>
          <div ref={verdict} className="load-verdict-anchor" />
          {rejected && <ValidationProblem id={problemId} what={mode.what} error={rejected} text={text} location={location} />}
          {requestError !== null && (
            <p className="field-error" role="alert">
              Could not validate: {describeError(requestError)}
            </p>
          )}
          {result?.valid && (
            <>
              {result.activeVersion !== seenVersion && (
                <p className="guard-drift" role="status">
                  {ns} changed while you were editing: this diff is against v{result.activeVersion}, not v{seenVersion}.
                </p>
              )}
              <SnapshotDiffView diff={result.diff} label={`Diff against live v${result.activeVersion}`} columns={{ before: `v${result.activeVersion} (live)`, after: `this ${mode.what}` }} />
              <ShadowCheckTable shadow={result.shadow} />
            </>
          )}
        </div>
        <footer className="guard-footer">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-secondary" onClick={onValidate} disabled={validating || text.trim() === ''}>
            {validating ? 'Validating…' : 'Validate'}
          </button>
          <button type="button" className="btn btn-primary" onClick={onContinue} disabled={!result?.valid}>
            Review and confirm
          </button>
        </footer>
      </div>
    </Modal>
  );
}
