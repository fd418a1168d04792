import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { server } from '../../../mocks/node';
import { typedHandler } from '../../../mocks/typed-handler';
import { renderScreen } from '../../test/render';
import { syncThemeToDocument } from '../theme-store';
import { TopBar } from './top-bar';

const loginRoute = [{ path: '/login', element: <h1>Login</h1> }];

describe('TopBar', () => {
  it('shows who is signed in and with which role', async () => {
    renderScreen(<TopBar />, { url: '/namespaces/checkout', path: '/namespaces/:ns' });
    expect(await screen.findByText('ada@switchyard.dev')).toBeInTheDocument();
    expect(screen.getByLabelText('Role: admin')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Breadcrumb' })).toHaveTextContent(/^Namespaces\s*checkout$/);
  });

  it('switches the theme and says which one is chosen', async () => {
    const stop = syncThemeToDocument();
    const { user } = renderScreen(<TopBar />, { url: '/namespaces', path: '/namespaces' });
    const dark = screen.getByRole('button', { name: 'Dark theme' });
    expect(screen.getByRole('button', { name: 'System theme' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(dark);
    expect(dark).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.theme).toBe('dark');
    stop();
  });

  it('logs out with the CSRF header and lands on the login page', async () => {
    let header: string | null = null;
    server.use(
      typedHandler('deleteSession', ({ request }) => {
        header = request.headers.get('x-requested-with');
        return { ok: true };
      }),
    );
    const { user } = renderScreen(<TopBar />, { url: '/namespaces', path: '/namespaces', routes: loginRoute });
    await user.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('heading', { name: 'Login' })).toBeInTheDocument();
    expect(header).toBe('switchyard');
  });
});
