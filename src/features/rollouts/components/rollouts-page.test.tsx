import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { RolloutsPage } from './rollouts-page';

const open = (url = '/rollouts') => renderScreen(<RolloutsPage />, { url, path: '/rollouts' });

describe('rollouts list', { timeout: 20_000 }, () => {
  it('lists every rollout worst first, with mode, stage, verdict, last guard event and the bound namespace', async () => {
    open();
    const table = await screen.findByRole('table', { name: /Rollouts, sorted by Verdict, descending/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      expect.stringMatching(/^validation-orchestrator/),
      expect.stringMatching(/^search-ranker/),
      expect.stringMatching(/^checkout-variant/),
    ]);
    const [rolledBack, , checkout] = rows;
    expect(rolledBack).toHaveAttribute('data-alert', 'danger');
    expect(rolledBack).toHaveTextContent('Rolled back');
    expect(rolledBack).toHaveTextContent('Guard breached');
    expect(rolledBack).toHaveTextContent('Automatic rollback: V2 error rate above 5%');
    expect(within(checkout as HTMLElement).getByRole('link', { name: 'checkout' })).toHaveAttribute('href', '/namespaces/checkout');
    expect(checkout).toHaveTextContent('Ramp 10% · V2 10%');
    expect(checkout).toHaveTextContent('event-based');
    expect(checkout).toHaveTextContent('variant: CLASSIC → ONE_PAGE');
    expect(screen.getByText('1 need attention')).toBeInTheDocument();
  });

  it('sorts by a column and keeps the order in the URL', async () => {
    const { user } = open();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Bound to' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/rollouts?sort=namespace&dir=asc'));
    const names = within(screen.getByRole('table')).getAllByRole('rowheader').map((h) => h.textContent);
    expect(names[0]).toMatch(/^checkout-variant/);
  });

  it('explains an empty list', async () => {
    server.use(typedHandler('listRollouts', () => ({ items: [] })));
    open();
    expect(await screen.findByRole('region', { name: 'No rollouts yet' })).toBeInTheDocument();
  });

  it('renders a failure inline with Try again', async () => {
    server.use(typedHandler('listRollouts', () => apiErrorReply(503, 'Internal', 'database unavailable')));
    open();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the rollouts');
  });
});
