import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { server } from '../../mocks/node';
import { adminMe, checkoutDetail } from '../../mocks/data';
import { apiErrorReply, typedHandler } from '../../mocks/typed-handler';
import { authQueries } from '../features/auth/api/auth-queries';
import { namespaceQueries } from '../features/namespaces/api/namespace-queries';
import { createQueryClient } from './query-client';
import { createRoutes } from './router';

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

/** The app's routes in a memory router (no screen rendered: only the router's loading is under test). */
function openAt(url: string) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  dispose = () => router.dispose();
  return { queryClient, router };
}

describe('routes', { timeout: 20_000 }, () => {
  it('asks for the namespace while the session check is still unanswered, before any screen mounts', async () => {
    let answerMe = () => undefined as void;
    const meHeld = new Promise<void>((resolve) => (answerMe = resolve));
    const asked: string[] = [];
    server.use(
      typedHandler('me', async () => {
        asked.push('me');
        await meHeld;
        return adminMe;
      }),
      typedHandler('getNamespace', ({ params }) => {
        asked.push(`namespace ${String(params.ns)}`);
        return checkoutDetail;
      }),
    );
    const { queryClient, router } = openAt('/namespaces/checkout');
    await waitFor(() => expect(queryClient.getQueryData(namespaceQueries.detail('checkout').queryKey)).toEqual(checkoutDetail));
    expect(asked).toEqual(['me', 'namespace checkout']);
    expect(queryClient.getQueryState(authQueries.me().queryKey)?.fetchStatus).toBe('fetching');
    answerMe();
    await waitFor(() => expect(queryClient.getQueryData(authQueries.me().queryKey)).toEqual(adminMe));
    await waitFor(() => expect(router.state.navigation.state).toBe('idle'));
  });

  it('asks for the new namespace when the link changes to another one, not on a change of the filters', async () => {
    const asked: string[] = [];
    server.use(
      typedHandler('getNamespace', ({ params }) => {
        asked.push(String(params.ns));
        return checkoutDetail;
      }),
    );
    const { queryClient, router } = openAt('/namespaces/checkout');
    await waitFor(() => expect(router.state.initialized).toBe(true));
    await waitFor(() => expect(asked).toEqual(['checkout']));
    await router.navigate('/namespaces/checkout?q=cart');
    await router.navigate('/namespaces/payments');
    await waitFor(() => expect(queryClient.getQueryState(namespaceQueries.detail('payments').queryKey)?.status).toBe('success'));
    expect(asked).toEqual(['checkout', 'payments']);
  });

  it('does not ask for a namespace on the login page', async () => {
    const asked: string[] = [];
    server.use(
      typedHandler('me', () => {
        asked.push('me');
        return apiErrorReply(401, 'Unauthorized', 'no session');
      }),
    );
    const { router } = openAt('/login');
    await waitFor(() => expect(router.state.initialized).toBe(true));
    expect(asked).toEqual([]);
  });
});
