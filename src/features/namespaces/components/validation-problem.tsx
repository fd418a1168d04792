import { Badge } from '../../../components/ui/badge';
import { linesAround, type TextLocation } from '../lib/validation-location';

export interface RejectedDocument {
  code: string;
  message: string;
  path?: string | undefined;
}

export interface ValidationProblemProps {
  id: string;
  what: 'snapshot' | 'patch';
  error: RejectedDocument;
  text: string;
  location: TextLocation | null;
}

/** The server's verdict on a rejected document: code, message, JSON path and the offending line. */
export function ValidationProblem({ id, what, error, text, location }: ValidationProblemProps) {
  return (
    <div id={id} className="validation-problem" role="alert">
      <p className="validation-title">
        <Badge tone="danger">{error.code}</Badge> This {what} was rejected; nothing was changed.
      </p>
      <p className="validation-message">{error.message}</p>
      <dl className="validation-where">
        {error.path !== undefined && error.path !== '' && (
          <div>
            <dt>JSON path</dt>
            <dd className="mono">{error.path}</dd>
          </div>
        )}
        {location && (
          <div>
            <dt>Where</dt>
            <dd>
              line {location.line}, column {location.column}
            </dd>
          </div>
        )}
      </dl>
      {location && (
        <pre className="validation-snippet" aria-label={`Line ${location.line} of the ${what}`}>
          {linesAround(text, location.line).map((l) =>
            l.number === location.line ? (
              <mark key={l.number} className="snippet-line snippet-error">
                <span className="snippet-number">{l.number}</span>
                {l.text}
              </mark>
            ) : (
              <span key={l.number} className="snippet-line">
                <span className="snippet-number">{l.number}</span>
                {l.text}
              </span>
            ),
          )}
        </pre>
      )}
    </div>
  );
}
