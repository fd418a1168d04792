import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { adminMe } from '../../../../mocks/data';
import { apiErrorReply, networkErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { LoginPage } from './login-page';

const signedOut = typedHandler('me', () => apiErrorReply(401, 'Unauthorized', 'no session'));
const landing = [{ path: '/namespaces/*', element: <h1>Landed</h1> }];
const open = (url = '/login') => renderScreen(<LoginPage />, { url, path: '/login', routes: landing });

describe('LoginPage', () => {
  it('signs in with a pasted token and goes where the user was headed', async () => {
    const sent: unknown[] = [];
    server.use(
      signedOut,
      typedHandler('createSession', async ({ request }) => {
        sent.push(await request.json());
        return adminMe;
      }),
    );
    const { user } = open('/login?next=%2Fnamespaces%2Fpayments');
    await user.type(screen.getByLabelText('API token'), '  sy_secret  ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Landed' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/namespaces/payments');
    expect(sent).toEqual([{ token: 'sy_secret' }]);
  });

  it('says clearly when the token is refused, and keeps the user on the form', async () => {
    server.use(signedOut, typedHandler('createSession', () => apiErrorReply(401, 'Unauthorized', 'unknown token')));
    const { user } = open();
    await user.type(screen.getByLabelText('API token'), 'sy_wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That token was not accepted: it may be revoked or mistyped.');
    expect(screen.getByLabelText('API token')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
  });

  it('asks for a token instead of sending an empty one', async () => {
    server.use(signedOut);
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Paste a token to sign in.');
  });

  it('says when the server cannot be reached', async () => {
    server.use(signedOut, typedHandler('createSession', () => networkErrorReply()));
    const { user } = open();
    await user.type(screen.getByLabelText('API token'), 'sy_secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the Switchyard server');
  });

  it('exchanges the one-time code from the login link exactly once', async () => {
    const sent: unknown[] = [];
    server.use(
      typedHandler('createSession', async ({ request }) => {
        sent.push(await request.json());
        return adminMe;
      }),
    );
    open('/login?code=abc123');
    expect(await screen.findByRole('heading', { name: 'Landed' })).toBeInTheDocument();
    expect(sent).toEqual([{ code: 'abc123' }]);
  });

  it('explains a used login link and offers the token form', async () => {
    server.use(typedHandler('createSession', () => apiErrorReply(401, 'Unauthorized', 'code already used')));
    open('/login?code=used');
    expect(await screen.findByRole('alert')).toHaveTextContent('That login link is no longer valid: each link works once.');
    expect(screen.getByLabelText('API token')).toBeInTheDocument();
  });

  it('sends an already signed-in user straight on', async () => {
    open('/login?next=%2Fnamespaces%3Fq%3Dpay');
    expect(await screen.findByRole('heading', { name: 'Landed' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/namespaces?q=pay');
  });
});
