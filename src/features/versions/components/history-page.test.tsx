import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { makeHistory, versionPage } from '../../../../mocks/registry-data';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { HistoryPage } from './history-page';

const open = (url = '/namespaces/payments/history') => renderScreen(<HistoryPage />, { url, path: '/namespaces/:ns/history' });
const location = () => screen.getByTestId('location').textContent;

describe('HistoryPage', () => {
  it('lists versions newest first, marks the live one and keeps rolled-back versions visible', async () => {
    open();
    const table = await screen.findByRole('table', { name: 'Versions of payments' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(expect.arrayContaining(['v11Discarded', 'v9Live']));
    expect(rows[0]).toHaveTextContent('v11');
    const discarded = within(table).getByRole('row', { name: /v10/ });
    expect(discarded).toHaveTextContent('Discarded by rollback by oncall@switchyard.dev');
    expect(discarded).toHaveTextContent('p95 latency regression after the release');
    expect(within(table).getByRole('row', { name: /v9/ })).toHaveTextContent('Live');
    expect(screen.getByText('11 versions of payments, newest first')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'v9' })).toHaveAttribute('href', '/namespaces/payments/versions/9');
  });

  it('renders only a window of rows for 10,000 versions and pages in older ones with `before`', async () => {
    const all = makeHistory(10_000, { active: 9_998 });
    const befores: (string | null)[] = [];
    server.use(
      typedHandler('listVersions', ({ request }) => {
        const q = new URL(request.url).searchParams;
        befores.push(q.get('before'));
        return versionPage(all, q.get('before') ? Number(q.get('before')) : null, Number(q.get('limit')));
      }),
    );
    open('/namespaces/big/history');
    const table = await screen.findByRole('table', { name: 'Versions of big' });
    expect(table).toHaveAttribute('aria-rowcount', '10001');
    const rendered = within(table).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(befores[0]).toBeNull();
  });

  it('filters by kind and author through the URL and says when nothing matches', async () => {
    const { user } = open('/namespaces/payments/history?kind=restore');
    const table = await screen.findByRole('table', { name: 'Versions of payments' });
    expect(within(table).getAllByRole('row').slice(1).every((r) => r.textContent?.includes('Restore'))).toBe(true);
    expect(screen.getByRole('combobox', { name: 'Filter by kind' })).toHaveValue('restore');
    await user.type(screen.getByRole('searchbox', { name: 'Filter by author' }), 'nobody');
    expect(await screen.findByRole('region', { name: 'No version matches these filters' })).toBeInTheDocument();
    expect(location()).toBe('/namespaces/payments/history?kind=restore&author=nobody');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location()).toBe('/namespaces/payments/history');
  });

  it('compares any two picked versions, older to newer', async () => {
    const { user } = open();
    await screen.findByRole('table', { name: 'Versions of payments' });
    expect(screen.getByText('Tick two versions to compare them')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Compare v10' }));
    await user.click(screen.getByRole('checkbox', { name: 'Compare v7' }));
    expect(location()).toBe('/namespaces/payments/history?compare=10%2C7');
    expect(screen.getByRole('link', { name: 'Compare v7 → v10' })).toHaveAttribute('href', '/namespaces/payments/diff?from=7&to=10');
  });

  it('shows a loading state, then an error with a retry', async () => {
    let fail = true;
    server.use(typedHandler('listVersions', () => (fail ? apiErrorReply(500, 'Internal', 'disk full') : versionPage(makeHistory(2), null, 200))));
    const { user } = open();
    expect(screen.getByRole('status', { name: 'Loading the history' })).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the history of payments');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('table', { name: 'Versions of payments' })).toBeInTheDocument());
  });

  it('says plainly when the namespace does not exist', async () => {
    open('/namespaces/nope/history');
    expect(await screen.findByRole('region', { name: 'There is no namespace “nope”' })).toBeInTheDocument();
  });
});
