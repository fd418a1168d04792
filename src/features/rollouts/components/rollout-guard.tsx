import type { ReactNode } from 'react';
import { GuardDialog, type GuardDialogProps } from '../../../components/guard/guard-dialog';
import { actionProblem } from '../lib/action-text';
import type { RolloutAction } from '../lib/use-rollout-action';
import { RolloutConflictView } from './rollout-conflict-view';

type PassThrough = Pick<GuardDialogProps, 'title' | 'sentence' | 'confirmLabel' | 'tone' | 'typedName' | 'typedNameLabel' | 'suggestions' | 'ready' | 'onClose'>;

export interface RolloutGuardProps<V> extends PassThrough {
  action: RolloutAction<V>;
  onConfirm: (reason: string) => void;
  children?: ReactNode;
}

/** The shared guard dialog wired to a rollout action: the conflict explanation and inline refusals. */
export function RolloutGuard<V>({ action, children, onConfirm, ...dialog }: RolloutGuardProps<V>) {
  const conflict = action.conflict ? (
    <RolloutConflictView seen={action.seen} conflict={action.conflict} onRecheck={() => void action.recheck()} rechecking={action.rechecking} />
  ) : undefined;
  return (
    <GuardDialog {...dialog} pending={action.pending} conflict={conflict} problem={action.problem ? actionProblem(action.problem) : undefined} onConfirm={onConfirm}>
      {children}
    </GuardDialog>
  );
}
