import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { server } from '../../mocks/node';
import { adminMe, namespaceSummaries } from '../../mocks/data';
import { apiErrorReply, networkErrorReply, typedHandler } from '../../mocks/typed-handler';
import { RequireAuth } from '../features/auth/components/require-auth';
import { NamespacesPage } from '../features/namespaces/components/namespaces-page';
import { ApiError } from '../lib/api-error';
import { useConnectionStore } from '../lib/connection-store';
import { useToastStore } from '../lib/toast-store';
import { renderScreen } from '../test/render';
import { shouldRetry } from './query-client';

describe('query policy', () => {
  it('never retries a 4xx, retries other failures twice', () => {
    expect(shouldRetry(0, new ApiError({ status: 404, code: 'NotFound', message: '' }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ status: 0, code: 'Network', message: '' }))).toBe(true);
    expect(shouldRetry(1, new ApiError({ status: 503, code: 'Internal', message: '' }))).toBe(true);
    expect(shouldRetry(2, new ApiError({ status: 503, code: 'Internal', message: '' }))).toBe(false);
  });

  it('keeps the data on screen and toasts when a background refresh fails', async () => {
    const { queryClient } = renderScreen(<NamespacesPage />, { url: '/namespaces', path: '/namespaces' });
    await screen.findByRole('link', { name: 'payments' });
    server.use(typedHandler('listNamespaces', () => apiErrorReply(500, 'Internal', 'disk full')));
    await queryClient.refetchQueries();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Could not refresh the namespaces'));
    expect(screen.getByRole('link', { name: 'payments' })).toBeInTheDocument();
  });

  it('keeps the data and leaves it to the degraded banner when the API is unreachable (no toast per query)', async () => {
    const { queryClient } = renderScreen(<NamespacesPage />, { url: '/namespaces', path: '/namespaces' });
    await screen.findByRole('link', { name: 'payments' });
    server.use(typedHandler('listNamespaces', () => networkErrorReply()));
    await queryClient.refetchQueries();
    await waitFor(() => expect(useConnectionStore.getState().link).toBe('offline'));
    expect(useToastStore.getState().toasts).toEqual([]);
    expect(screen.getByRole('link', { name: 'payments' })).toBeInTheDocument();
  });

  it('does not toast a first-load failure (the screen shows it inline)', async () => {
    server.use(typedHandler('listNamespaces', () => apiErrorReply(500, 'Internal', 'disk full')));
    renderScreen(<NamespacesPage />, { url: '/namespaces', path: '/namespaces' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the namespaces');
    expect(useToastStore.getState().toasts).toEqual([]);
  });

  it('sends the user to sign in when the session ends underneath an open screen', async () => {
    let signedIn = true;
    const expired = () => apiErrorReply(401, 'Unauthorized', 'session expired');
    server.use(
      typedHandler('me', () => (signedIn ? adminMe : expired())),
      typedHandler('listNamespaces', () => (signedIn ? { items: namespaceSummaries } : expired())),
    );
    const { queryClient } = renderScreen(
      <RequireAuth>
        <NamespacesPage />
      </RequireAuth>,
      { url: '/namespaces', path: '/namespaces', routes: [{ path: '/login', element: <h1>Login</h1> }] },
    );
    await screen.findByRole('link', { name: 'payments' });
    signedIn = false;
    await queryClient.refetchQueries({ queryKey: ['namespaces'] });
    expect(await screen.findByRole('heading', { name: 'Login' })).toBeInTheDocument();
  });
});
