import { describeError, isApiError } from '../../lib/api-error';
import { Button } from './button';
import { AlertIcon } from './icons';

export interface ErrorPanelProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A first-load failure, rendered where the data would have been, with a way to try again. */
export function ErrorPanel({ title, error, onRetry, retrying = false }: ErrorPanelProps) {
  return (
    <div className="error-panel" role="alert">
      <AlertIcon className="error-panel-icon" />
      <div className="error-panel-body">
        <p className="error-panel-title">{title}</p>
        <p className="error-panel-message">{describeError(error)}</p>
        {isApiError(error) && (
          <p className="error-panel-code">
            {error.status === 0 ? 'No response' : `HTTP ${error.status}`} · {error.code}
          </p>
        )}
      </div>
      {onRetry && (
        <Button onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Try again'}
        </Button>
      )}
    </div>
  );
}
