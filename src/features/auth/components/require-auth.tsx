import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Spinner } from '../../../components/ui/spinner';
import { authQueries } from '../api/auth-queries';
import { loginPathFor } from '../lib/next-path';

/** Renders its children for a signed-in user; sends everyone else to /login?next=<here>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  // The route's loader has usually asked already; an answer that failed is not asked again on
  // mount (a 401 goes straight to /login, other failures show Retry).
  const me = useQuery({ ...authQueries.me(), retryOnMount: false });
  const location = useLocation();

  if (me.error?.status === 401) return <Navigate to={loginPathFor(location)} replace />;
  if (me.data) return children;
  if (me.isError) {
    return (
      <div className="full-page-center">
        <ErrorPanel title="Could not check your session" error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      </div>
    );
  }
  return (
    <div className="full-page-center">
      <Spinner label="Checking your session…" />
    </div>
  );
}
