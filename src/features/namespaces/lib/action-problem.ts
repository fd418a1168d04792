import { describeError, isApiError } from '../../../lib/api-error';
import { insufficientHistoryText } from './active-chain';

/** Why a guarded action was refused, said so the user knows what to do next (shown in the dialog). */
export function actionProblem(ns: string, error: unknown): string {
  if (!isApiError(error)) return describeError(error);
  switch (error.code) {
    case 'InsufficientHistory': {
      const available = error.details?.available;
      return typeof available === 'number' ? `${insufficientHistoryText(ns, available)} Nothing was changed.` : error.message;
    }
    case 'IdempotencyKeyReused':
      return 'This dialog already sent this action with other settings or another reason, and the server kept the first one. Close the dialog and look at the namespace before acting again.';
    case 'Conflict':
      return `${error.message[0]?.toUpperCase() ?? ''}${error.message.slice(1)}. Close the dialog to see the current state.`;
    case 'Forbidden':
      return `${describeError(error)} Ask an operator to do it.`;
    default:
      return `${describeError(error)}${error.status === 0 || error.status >= 500 ? ' Confirming again is safe: the server acts on this dialog’s request at most once.' : ''}`;
  }
}
