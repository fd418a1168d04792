import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { LogOutIcon } from '../../../components/ui/icons';
import { describeError } from '../../../lib/api-error';
import { showToast } from '../../../lib/toast-store';
import { authQueries } from '../api/auth-queries';
import { useLogout } from '../api/use-session';

/** Who is signed in, with which role, and the way out. */
export function CurrentUser() {
  const { data: me } = useQuery(authQueries.me());
  const logout = useLogout();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: async () => {
        await navigate('/login', { replace: true });
        queryClient.clear();
      },
      onError: (error) => showToast({ id: 'logout', tone: 'error', title: 'Could not sign out', description: describeError(error) }),
    });

  if (!me) return null;
  return (
    <div className="current-user">
      <span className="current-user-avatar" aria-hidden="true">
        {me.actor.slice(0, 1).toUpperCase()}
      </span>
      <span className="current-user-name" title={me.actor}>
        {me.actor}
      </span>
      <Badge tone={me.role === 'viewer' ? 'neutral' : 'accent'} aria-label={`Role: ${me.role}`}>
        {me.role}
      </Badge>
      <Button variant="ghost" size="sm" onClick={onLogout} disabled={logout.isPending} aria-label="Log out" title="Log out">
        <LogOutIcon />
      </Button>
    </div>
  );
}
