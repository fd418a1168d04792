import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { checkoutDetail, detailFor, namespaceSummaries } from '../../../../mocks/data';
import { typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { NamespacePage } from './namespace-page';

const open = (ns: string) => renderScreen(<NamespacePage />, { url: `/namespaces/${ns}`, path: '/namespaces/:ns' });

describe('NamespacePage', () => {
  it('shows the live version, its flags and the latest changes', async () => {
    open('checkout');
    const flags = await screen.findByRole('table', { name: 'Flags in v14' });
    const variant = within(flags).getByRole('row', { name: /variant/ });
    expect(variant).toHaveTextContent('ENUM');
    expect(variant).toHaveTextContent('CLASSIC');
    expect(variant).toHaveTextContent('1 · ramp 10%');
    expect(within(flags).getByRole('row', { name: /bannerText/ })).toHaveTextContent('Inactive');
    expect(screen.getByRole('region', { name: 'Recent changes' })).toHaveTextContent('p95 latency regression after v13');
    expect(screen.queryByText(/Kill switch on:/)).not.toBeInTheDocument();
    expect(checkoutDetail.snapshot.flags).toHaveLength(4);
  });

  it('makes a killed namespace unmistakable', async () => {
    const payments = namespaceSummaries.find((n) => n.name === 'payments');
    if (!payments) throw new Error('fixture missing');
    server.use(typedHandler('getNamespace', () => detailFor(payments)));
    open('payments');
    expect(await screen.findByText("Kill switch on: payments serves every flag's declared default")).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Provider outage: serve declared defaults until the incident is closed');
    const flags = screen.getByRole('table', { name: 'Flags in v9' });
    expect(within(flags).getAllByText('Killed')).toHaveLength(3);
  });

  it('says plainly when the namespace does not exist', async () => {
    open('nope');
    expect(await screen.findByRole('region', { name: 'There is no namespace “nope”' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All namespaces' })).toHaveAttribute('href', '/namespaces');
  });
});
