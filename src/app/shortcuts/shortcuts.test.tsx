import { useRef } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { useShortcut } from '../../lib/use-shortcut';
import { renderScreen } from '../../test/render';
import { Sidebar } from '../layout/sidebar';
import { GlobalShortcuts } from './global-shortcuts';
import { useShellStore } from './shell-store';

beforeAll(() => {
  // cmdk scrolls the selected option into view; jsdom has no layout.
  Element.prototype.scrollIntoView ??= () => undefined;
  // cmdk measures its list; jsdom has no ResizeObserver.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

afterEach(() => useShellStore.setState({ overlay: null }));

const routes = [
  { path: '/audit', element: <h1>Audit screen</h1> },
  { path: '/namespaces/:ns', element: <h1>Namespace screen</h1> },
  { path: '/namespaces/:ns/history', element: <h1>History screen</h1> },
];

const open = (url = '/namespaces') =>
  renderScreen(
    <>
      <GlobalShortcuts />
      <Sidebar />
      <input aria-label="Some field" />
    </>,
    { url, path: '/namespaces', routes: [...routes.map((r) => ({ ...r, element: <>{r.element}<GlobalShortcuts /></> }))] },
  );
const location = () => screen.getByTestId('location').textContent;

describe('keyboard shortcuts', () => {
  it('g a goes to the audit log', async () => {
    const { user } = open();
    await user.keyboard('ga');
    expect(await screen.findByRole('heading', { name: 'Audit screen' })).toBeInTheDocument();
  });

  it('g h goes to the history of the namespace on show', async () => {
    const { user, router } = open();
    await router.navigate('/namespaces/payments');
    await screen.findByRole('heading', { name: 'Namespace screen' });
    await user.keyboard('gh');
    expect(await screen.findByRole('heading', { name: 'History screen' })).toBeInTheDocument();
    expect(location()).toBe('/namespaces/payments/history');
  });

  it('/ opens the palette on a screen without a search of its own', async () => {
    const { user } = open();
    await user.keyboard('/');
    expect(await screen.findByRole('dialog', { name: 'Command palette' })).toBeInTheDocument();
  });

  it('/ leaves a screen with a search to focus it, without the palette', async () => {
    function Searchable() {
      const ref = useRef<HTMLInputElement>(null);
      useShortcut('/', () => ref.current?.focus());
      return <input ref={ref} aria-label="Search here" />;
    }
    const { user } = renderScreen(
      <>
        <GlobalShortcuts />
        <Searchable />
      </>,
      { url: '/namespaces', path: '/namespaces' },
    );
    await user.keyboard('/');
    expect(screen.getByRole('textbox', { name: 'Search here' })).toHaveFocus();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('ignores keys typed into a field', async () => {
    const { user } = open();
    await user.click(screen.getByRole('textbox', { name: 'Some field' }));
    await user.keyboard('ga?');
    expect(location()).toBe('/namespaces');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('? opens the help listing every shortcut', async () => {
    const { user } = open();
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByRole('row', { name: /Go to the audit log/ })).toHaveTextContent('gthena');
    expect(within(help).getByRole('row', { name: /command palette/ })).toHaveTextContent(/Ctrl\+K|⌘\+K/);
    await user.click(within(help).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('command palette', () => {
  it('opens with Ctrl+K, even from a field, and jumps to the namespace typed', async () => {
    const { user } = open();
    await user.click(screen.getByRole('textbox', { name: 'Some field' }));
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    const input = within(palette).getByRole('combobox', { name: 'Jump to a namespace or screen' });
    await within(palette).findByRole('option', { name: /payments/ });
    await user.type(input, 'paym');
    await waitFor(() => expect(within(palette).getAllByRole('option')[0]).toHaveTextContent(/^payments/));
    expect(within(palette).queryByRole('option', { name: /system theme/ })).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Namespace screen' })).toBeInTheDocument();
    expect(location()).toBe('/namespaces/payments');
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).not.toBeInTheDocument();
  });

  it('opens from the sidebar button and says when nothing matches', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: /Jump to/ }));
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    await user.type(within(palette).getByRole('combobox', { name: 'Jump to a namespace or screen' }), 'zzzz');
    expect(await within(palette).findByText('Nothing matches. Try part of a namespace name.')).toBeInTheDocument();
  });
});
