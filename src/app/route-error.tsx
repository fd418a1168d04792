import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button } from '../components/ui/button';

/** Last line of defence: a screen failed to load (often a stale chunk after a deploy) or threw. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <div className="full-page-center">
      <div className="error-panel" role="alert">
        <div className="error-panel-body">
          <p className="error-panel-title">This screen failed to load</p>
          <p className="error-panel-message">
            Reload the page to get the latest version of the dashboard. If it keeps failing, report what you see below.
          </p>
          <p className="error-panel-code">{detail}</p>
        </div>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </div>
    </div>
  );
}
