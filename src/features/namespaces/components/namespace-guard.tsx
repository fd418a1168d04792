import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ConflictView, type ConflictDiff } from '../../../components/guard/conflict-view';
import { GuardDialog, type GuardDialogProps } from '../../../components/guard/guard-dialog';
import { namespaceQueries } from '../api/namespace-queries';
import { actionProblem } from '../lib/action-problem';
import type { GuardedAction } from '../lib/use-guarded-action';

type PassThrough = Pick<GuardDialogProps, 'title' | 'sentence' | 'confirmLabel' | 'tone' | 'typedName' | 'suggestions' | 'ready' | 'onClose'>;

export interface NamespaceGuardProps<V> extends PassThrough {
  guard: GuardedAction<V>;
  /** Builds the mutation's variables from the confirmed reason. */
  onConfirm: (reason: string) => void;
  children?: ReactNode;
}

function useConflictDiff<V>(guard: GuardedAction<V>): ConflictDiff {
  const ns = guard.seen.name;
  const from = guard.seen.activeVersion;
  const to = guard.conflict?.current.activeVersion ?? from;
  const diff = useQuery({ ...namespaceQueries.diff(ns, from, to), enabled: guard.conflict !== null && from !== to });
  if (from === to) return { status: 'same' };
  if (diff.data) return { status: 'ready', diff: diff.data };
  if (diff.isError) return { status: 'error', error: diff.error };
  return { status: 'loading' };
}

/** The guard dialog wired to a namespace action: conflict view, inline refusal, "changed underneath" note. */
export function NamespaceGuard<V>({ guard, children, onConfirm, ...dialog }: NamespaceGuardProps<V>) {
  const ns = guard.seen.name;
  const conflictDiff = useConflictDiff(guard);
  const conflict = guard.conflict ? (
    <ConflictView
      namespace={ns}
      seenVersion={guard.seen.activeVersion}
      conflict={guard.conflict}
      diff={conflictDiff}
      onRecheck={() => void guard.recheck()}
      rechecking={guard.rechecking}
    />
  ) : undefined;

  return (
    <GuardDialog
      {...dialog}
      pending={guard.pending}
      conflict={conflict}
      problem={guard.problem ? actionProblem(ns, guard.problem) : undefined}
      onConfirm={onConfirm}
    >
      {guard.drifted && (
        <div className="guard-drift" role="status">
          <span>
            {ns} changed while this dialog was open: <span className="version">v{guard.drifted.activeVersion}</span> is live now
            {guard.drifted.killSwitch.enabled !== guard.seen.killSwitch.enabled &&
              ` and the kill switch is ${guard.drifted.killSwitch.enabled ? 'on' : 'off'}`}
            . This preview is of v{guard.seen.activeVersion}.
          </span>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void guard.recheck()} disabled={guard.rechecking}>
            {guard.rechecking ? 'Re-checking…' : 'Re-check'}
          </button>
        </div>
      )}
      {children}
    </GuardDialog>
  );
}
