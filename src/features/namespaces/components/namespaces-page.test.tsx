import { delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { apiErrorReply, networkErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { namespaceSummaries } from '../../../../mocks/data';
import { renderScreen } from '../../../test/render';
import { NamespacesPage } from './namespaces-page';

const open = (url = '/namespaces', strict = true) => renderScreen(<NamespacesPage />, { url, path: '/namespaces', strict });

const rowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('link').textContent);

describe('NamespacesPage', () => {
  it('shows a skeleton while the list loads', async () => {
    server.use(typedHandler('listNamespaces', async () => {
      await delay('infinite');
      return { items: [] };
    }));
    open();
    expect(await screen.findByRole('status')).toHaveTextContent('Loading namespaces…');
    expect(screen.queryByRole('table', { name: /namespaces/i })).not.toBeInTheDocument();
  });

  it('explains how to create the first namespace when there is none', async () => {
    server.use(typedHandler('listNamespaces', () => ({ items: [] })));
    open();
    const empty = await screen.findByRole('region', { name: 'No namespaces yet' });
    expect(within(empty).getByLabelText('create-namespace command')).toHaveTextContent('POST http://localhost:3000/api/v1/namespaces');
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });

  it('shows a first-load failure inline and recovers on retry', async () => {
    let calls = 0;
    server.use(
      typedHandler('listNamespaces', () => {
        calls += 1;
        return calls <= 3 ? networkErrorReply() : { items: namespaceSummaries };
      }),
    );
    const { user } = open('/namespaces', false);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the namespaces');
    expect(alert).toHaveTextContent('Could not reach the Switchyard server');
    expect(calls).toBe(3); // the first try and two retries: network failures are worth retrying
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'checkout' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('does not retry a 4xx', async () => {
    let calls = 0;
    server.use(
      typedHandler('listNamespaces', () => {
        calls += 1;
        return apiErrorReply(403, 'Forbidden', 'reporter tokens cannot read namespaces');
      }),
    );
    open('/namespaces', false);
    expect(await screen.findByRole('alert')).toHaveTextContent('reporter tokens cannot read namespaces');
    expect(calls).toBe(1);
  });

  it('lists every namespace with version, flags and last change, and makes a killed one stand out', async () => {
    open();
    await screen.findByRole('table');
    expect(rowNames()).toEqual(['checkout', 'payments', 'search', 'validation']);

    const payments = screen.getByRole('row', { name: /payments/ });
    expect(payments).toHaveClass('row-killed');
    const statusCell = within(payments).getAllByRole('cell')[2] as HTMLElement;
    expect(within(statusCell).getByText('Kill switch on')).toHaveClass('badge-danger-solid');
    expect(within(payments).getByText('v9')).toBeInTheDocument();
    expect(within(payments).getByText('latest v11')).toBeInTheDocument();

    const checkout = screen.getByRole('row', { name: /checkout/ });
    expect(checkout).not.toHaveClass('row-killed');
    expect(within(checkout).getByText('Live')).toBeInTheDocument();
    expect(within(checkout).getByText('v14')).toBeInTheDocument();
    expect(within(checkout).getByText('maria@switchyard.dev')).toBeInTheDocument();
    expect(within(checkout).getByText('Patched')).toBeInTheDocument();
    expect(within(checkout).getByText('12 minutes ago')).toHaveAttribute('title', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/));
    expect(within(checkout).getByRole('link', { name: 'checkout' })).toHaveAttribute('href', '/namespaces/checkout');
    expect(screen.getByText('1 with the kill switch on')).toBeInTheDocument();
  });

  it('filters as you type, keeps the search in the URL, and says when nothing matches', async () => {
    const { user } = open();
    await screen.findByRole('table');
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search namespaces' });
    expect(search).toHaveFocus();
    await user.keyboard('payments');
    expect(rowNames()).toEqual(['payments']);
    expect(screen.getByTestId('location')).toHaveTextContent('/namespaces?q=payments');
    expect(screen.getByText('1 of 4')).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'zzz');
    expect(screen.getByRole('region', { name: 'No namespace matches “zzz”' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(rowNames()).toHaveLength(4);
  });

  it('sorts by a column, toggles the direction, and restores both from the URL', async () => {
    const { user } = open();
    await screen.findByRole('table');
    const versionHeader = screen.getByRole('columnheader', { name: 'Version' });
    expect(versionHeader).toHaveAttribute('aria-sort', 'none');

    await user.click(within(versionHeader).getByRole('button', { name: 'Version' }));
    expect(versionHeader).toHaveAttribute('aria-sort', 'descending');
    expect(rowNames()).toEqual(['search', 'checkout', 'payments', 'validation']);
    expect(screen.getByTestId('location')).toHaveTextContent('/namespaces?sort=version');

    await user.click(within(versionHeader).getByRole('button', { name: 'Version' }));
    expect(versionHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(rowNames()).toEqual(['validation', 'payments', 'checkout', 'search']);
    expect(screen.getByTestId('location')).toHaveTextContent('/namespaces?sort=version&dir=asc');
  });

  it('opens with the sort and search from a shared link', async () => {
    open('/namespaces?sort=rollbacks&q=out');
    await screen.findByRole('table');
    expect(screen.getByRole('columnheader', { name: 'Rollbacks 7d' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('searchbox', { name: 'Search namespaces' })).toHaveValue('out');
    expect(rowNames()).toEqual(['payments', 'checkout']);
  });
});
