import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { RequireAuth } from './require-auth';

const guarded = (
  <RequireAuth>
    <h1>Secret screen</h1>
  </RequireAuth>
);
const loginRoute = [{ path: '/login', element: <h1>Login</h1> }];

describe('RequireAuth', () => {
  it('shows the screen to a signed-in user', async () => {
    renderScreen(guarded, { url: '/namespaces/payments', path: '/namespaces/:ns', routes: loginRoute });
    expect(await screen.findByRole('heading', { name: 'Secret screen' })).toBeInTheDocument();
  });

  it('sends a signed-out user to the login page, remembering the deep link', async () => {
    server.use(typedHandler('me', () => apiErrorReply(401, 'Unauthorized', 'no session')));
    renderScreen(guarded, { url: '/namespaces/payments?tab=flags', path: '/namespaces/:ns', routes: loginRoute });
    expect(await screen.findByRole('heading', { name: 'Login' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fnamespaces%2Fpayments%3Ftab%3Dflags');
  });

  it('does not mistake an unreachable server for a signed-out user', async () => {
    server.use(typedHandler('me', () => apiErrorReply(503, 'Internal', 'database is locked')));
    renderScreen(guarded, { url: '/namespaces', path: '/namespaces', routes: loginRoute });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not check your session');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
