import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { checkoutDetail, detailFor, namespaceSummaries } from '../../../../mocks/data';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { NamespaceLayout } from './namespace-layout';
import { NamespacePage } from './namespace-page';

const open = (url: string) =>
  renderScreen(<NamespaceLayout />, { url, path: '/namespaces/:ns', children: [{ index: true, element: <NamespacePage /> }] });

describe('NamespacePage', { timeout: 20_000 }, () => {
  it('shows a loading state until the namespace arrives', async () => {
    open('/namespaces/checkout');
    expect(screen.getByRole('status')).toHaveTextContent('Loading checkout…');
    expect(await screen.findByRole('table', { name: 'Flags in v14' })).toBeInTheDocument();
  });

  it('shows the live version, its flags and the latest changes with links to their diffs', async () => {
    open('/namespaces/checkout');
    const flags = await screen.findByRole('table', { name: 'Flags in v14' });
    const variant = within(flags).getByRole('row', { name: /variant/ });
    expect(variant).toHaveTextContent('ENUM');
    expect(variant).toHaveTextContent('CLASSIC');
    expect(variant).toHaveTextContent('10%');
    expect(within(flags).getByRole('row', { name: /bannerText/ })).toHaveTextContent('Inactive');
    const changes = screen.getByRole('region', { name: 'Recent changes' });
    expect(changes).toHaveTextContent('p95 latency regression after v13');
    expect(within(changes).getByRole('link', { name: 'Diff v13 → v12' })).toHaveAttribute('href', '/namespaces/checkout/diff?from=13&to=12');
    expect(screen.queryByText(/Kill switch on:/)).not.toBeInTheDocument();
    for (const name of ['Roll back', 'Restore', 'Load snapshot', 'Apply patch', 'Kill switch']) {
      await waitFor(() => expect(screen.getByRole('button', { name })).not.toHaveAttribute('aria-disabled'));
    }
  });

  it('filters the flags by text, type and active state, in the URL', async () => {
    const { user } = open('/namespaces/checkout?type=BOOLEAN');
    const flags = await screen.findByRole('table', { name: 'Flags in v14' });
    expect(within(flags).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('1 of 4 flags')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), '');
    await user.type(screen.getByRole('searchbox', { name: 'Filter flags' }), 'cart');
    expect(within(flags).getByRole('row', { name: /maxCartItems/ })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/namespaces/checkout?q=cart');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Active' }), 'inactive');
    expect(screen.getByText('No flag matches these filters.')).toBeInTheDocument();
  });

  it('makes a killed namespace unmistakable, from the layout every namespace screen shares', async () => {
    const payments = namespaceSummaries.find((n) => n.name === 'payments');
    if (!payments) throw new Error('fixture missing');
    server.use(typedHandler('getNamespace', () => detailFor(payments)));
    renderScreen(<NamespaceLayout />, { url: '/namespaces/payments/history', path: '/namespaces/:ns', children: [{ path: 'history', element: <h1>History</h1> }] });
    expect(await screen.findByText("Kill switch on: payments serves every flag's declared default")).toBeInTheDocument();
    expect(screen.getByText(/Provider outage: serve declared defaults until the incident is closed/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'History' })).toBeInTheDocument();
  });

  it('marks every flag of a killed namespace', async () => {
    const payments = namespaceSummaries.find((n) => n.name === 'payments');
    if (!payments) throw new Error('fixture missing');
    server.use(typedHandler('getNamespace', () => detailFor(payments)));
    open('/namespaces/payments');
    const flags = await screen.findByRole('table', { name: 'Flags in v9' });
    expect(within(flags).getAllByText('Killed')).toHaveLength(3);
  });

  it('shows thousands of flags a screenful at a time in a real table that counts them all, and filters all of them', async () => {
    const [first] = checkoutDetail.snapshot.flags;
    if (!first) throw new Error('fixture missing');
    const flags = Array.from({ length: 2000 }, (_, i) => ({ ...first, key: `feature::checkout::flag${String(i).padStart(4, '0')}` }));
    server.use(typedHandler('getNamespace', () => ({ ...checkoutDetail, flagCount: flags.length, snapshot: { ...checkoutDetail.snapshot, flags } })));
    const { user } = open('/namespaces/checkout');
    const table = await screen.findByRole('table', { name: 'Flags in v14' });
    expect(table).toHaveAttribute('aria-rowcount', '2001');
    const rendered = within(table).getAllByRole('row').slice(1);
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(100);
    expect(rendered[0]).toHaveTextContent(/^flag0000/);
    expect(rendered[0]).toHaveAttribute('aria-rowindex', '2');
    expect(within(table).queryByRole('row', { name: /flag1999/ })).not.toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Filter flags' }), 'flag1999');
    expect(await within(table).findByRole('row', { name: /flag1999/ })).toBeInTheDocument();
    expect(screen.getByText('1 of 2000 flags')).toBeInTheDocument();
  });

  it('says so when the live snapshot has no flags', async () => {
    server.use(typedHandler('getNamespace', () => ({ ...checkoutDetail, flagCount: 0, snapshot: { flags: [] } })));
    open('/namespaces/checkout');
    expect(await screen.findByText('This snapshot has no flags.')).toBeInTheDocument();
  });

  it('explains a failure to load and offers to try again', async () => {
    server.use(typedHandler('getNamespace', () => apiErrorReply(500, 'Internal', 'disk full')));
    open('/namespaces/checkout');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load checkout');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says plainly when the namespace does not exist', async () => {
    open('/namespaces/nope');
    expect(await screen.findByRole('region', { name: 'There is no namespace “nope”' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All namespaces' })).toHaveAttribute('href', '/namespaces');
  });
});
