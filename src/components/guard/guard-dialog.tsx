import { useId, useState, type ReactNode } from 'react';
import { Modal } from '../ui/modal';
import { Spinner } from '../ui/spinner';
import { DEFAULT_REASONS, reasonProblem, typedNameMatches } from './guard-model';
import { ReasonField } from './reason-field';
import { TypedNameField } from './typed-name-field';

export interface GuardDialogProps {
  /** The dialog's title and accessible name, e.g. "Roll back payments". */
  title: string;
  /** What will happen to what, in one sentence; null while the preview loads. */
  sentence: string | null;
  /** The preview: options (steps, version), the diff or the blast radius. */
  children?: ReactNode;
  /** The confirm button names the action: "Roll back payments". */
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  /** For namespace-wide actions: the name the user must type. */
  typedName?: string;
  /** The typed name's label when it is not a namespace name, e.g. "Type the rollout id to confirm". */
  typedNameLabel?: string;
  suggestions?: readonly string[];
  /** The preview is ready and the action possible (e.g. enough history). */
  ready: boolean;
  pending: boolean;
  /** Why the last attempt failed, shown inline (not a toast). */
  problem?: ReactNode;
  /** When set, replaces the body: someone changed the namespace underneath (412). */
  conflict?: ReactNode;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** The one dialog for every guarded action (X1). Mutation mechanics live with the caller. */
export function GuardDialog(props: GuardDialogProps) {
  const { title, sentence, children, confirmLabel, tone = 'danger', typedName, suggestions = DEFAULT_REASONS } = props;
  const { ready, pending, problem, conflict, onConfirm, onClose } = props;
  const titleId = useId();
  const sentenceId = useId();
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const reasonIssue = reasonProblem(reason);
  const nameOk = typedName === undefined || typedNameMatches(typed, typedName);
  const canConfirm = ready && !pending && reasonIssue === null && nameOk && !conflict;
  const hintId = useId();
  const missing = !ready || pending ? null : reasonIssue !== null ? 'Pick or type a reason to continue.' : nameOk ? null : `Type ${typedName ?? ''} to continue.`;

  const submit = () => {
    setTried(true);
    if (canConfirm) onConfirm(reason.trim());
  };

  return (
    <Modal labelledBy={titleId} describedBy={sentenceId} onClose={onClose} locked={pending} wide>
      <form
        className="guard"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <header className="guard-header">
          <h2 id={titleId} className="guard-title">
            {title}
          </h2>
          <p id={sentenceId} className="guard-sentence">
            {sentence ?? 'Working out what will change…'}
          </p>
        </header>
        <div className="guard-body">
          {conflict ?? (
            <>
              {children}
              <ReasonField value={reason} onChange={setReason} suggestions={suggestions} problem={reasonIssue} showProblem={tried || reason !== ''} />
              {typedName !== undefined && <TypedNameField expected={typedName} value={typed} onChange={setTyped} label={props.typedNameLabel} />}
            </>
          )}
          {problem && (
            <div className="guard-problem" role="alert">
              {problem}
            </div>
          )}
        </div>
        <footer className="guard-footer">
          {pending && <Spinner label="Waiting for the server…" />}
          {!conflict && missing && (
            <p id={hintId} className="guard-hint">
              {missing}
            </p>
          )}
          <button type="button" className="btn btn-secondary" onClick={onClose} disabled={pending}>
            {conflict ? 'Close' : 'Cancel'}
          </button>
          {!conflict && (
            <button type="submit" className={`btn btn-${tone}`} disabled={!canConfirm} aria-busy={pending || undefined} aria-describedby={missing ? hintId : undefined}>
              {confirmLabel}
            </button>
          )}
        </footer>
      </form>
    </Modal>
  );
}
