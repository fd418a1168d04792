import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { insightsSummary, rollbackSeries } from '../../../../mocks/insight-data';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { InsightsPage } from './insights-page';

const open = (url = '/insights?tz=UTC') => renderScreen(<InsightsPage />, { url, path: '/insights' });
const location = () => screen.getByTestId('location').textContent ?? '';

describe('InsightsPage', { timeout: 20_000 }, () => {
  it('shows change failure rate, time to safe rollback and rollbacks with trends, and namespaces riskiest first', async () => {
    open();
    const kpis = await screen.findByRole('region', { name: 'All namespaces' });
    expect(within(kpis).getByRole('link', { name: '4 of 25 changes failed: show them' })).toHaveTextContent('16%');
    expect(kpis).toHaveTextContent('−4 pts vs 20%');
    expect(within(kpis).getByRole('link', { name: /Mean time to safe rollback over 4 recoveries/ })).toHaveTextContent('19 min');
    expect(kpis).toHaveTextContent('p90 37 min');

    const table = screen.getByRole('table', { name: 'Namespaces by risk, riskiest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['checkout', 'payments', 'search', 'validation']);
    expect(rows[0]).toHaveTextContent('High');
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: /Change failure rate of checkout, 25%/ })).toBeInTheDocument();
    // Worse than before: up 15 points, flagged as worse for assistive tech too.
    expect(rows[0]).toHaveTextContent('+15 pts vs 10%');
    expect(rows[0]).toHaveTextContent('worse than the previous 14 days');
    expect(screen.getByRole('button', { name: 'How risk is computed' })).toHaveAccessibleDescription(/failed changes.*automatic rollback in the last 7 days/);
  });

  it('draws the rollback frequency of every namespace, stacked manual/automatic, in the time zone of the URL', async () => {
    const asked: string[] = [];
    server.use(
      typedHandler('insightsRollbacks', ({ request }) => {
        const q = new URL(request.url).searchParams;
        asked.push(`${q.get('bucket')}|${q.get('trigger')}|${q.get('tz')}`);
        return rollbackSeries(Date.parse(q.get('from') ?? ''), Date.parse(q.get('to') ?? ''), 'day', q.get('tz') ?? 'UTC', q.get('trigger'));
      }),
    );
    open('/insights?range=7d&tz=Europe/Berlin');
    const checkout = await screen.findByRole('article', { name: 'Rollbacks of checkout' });
    expect(within(checkout).getByRole('link', { name: '2 manual rollbacks of checkout: show them' })).toBeInTheDocument();
    expect(within(checkout).getByRole('link', { name: '1 automatic rollbacks of checkout: show them' })).toBeInTheDocument();
    expect(screen.getAllByRole('article', { name: /^Rollbacks of / })).toHaveLength(4);
    expect(asked[0]).toBe('day|null|Europe/Berlin');
  });

  it('filters the rollbacks by trigger and bucket through the URL and the API', async () => {
    const asked: string[] = [];
    server.use(
      typedHandler('insightsRollbacks', ({ request }) => {
        const q = new URL(request.url).searchParams;
        asked.push(`${q.get('bucket')}|${q.get('trigger')}`);
        return rollbackSeries(Date.parse(q.get('from') ?? ''), Date.parse(q.get('to') ?? ''), 'day', 'UTC', q.get('trigger'));
      }),
    );
    const { user } = open('/insights?range=7d&tz=UTC');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Trigger' }), 'automatic');
    await waitFor(() => expect(asked.at(-1)).toBe('day|automatic'));
    expect(location()).toContain('trigger=automatic');
    await user.click(screen.getByRole('button', { name: 'week' }));
    await waitFor(() => expect(asked.at(-1)).toBe('week|automatic'));
    expect(location()).toContain('bucket=week');
  });

  it('every number opens the events behind it, each linking to its diff; the drawer is in the URL', async () => {
    const { user } = open();
    const table = await screen.findByRole('table', { name: 'Namespaces by risk, riskiest first' });
    await user.click(within(table).getByRole('link', { name: '3 failed changes in checkout: show them' }));
    expect(location()).toMatch(/drill=failures&dns=checkout&dfrom=.*&dto=/);
    const drawer = await screen.findByRole('dialog', { name: 'Failed changes · checkout' });
    const list = await within(drawer).findByRole('list', { name: 'Failed changes · checkout' });
    expect(list).toHaveTextContent('Raise the express pay limit');
    expect(list).toHaveTextContent('Failed by');
    expect(within(list).getByRole('link', { name: 'Diff v12 → v13 of checkout' })).toHaveAttribute('href', '/namespaces/checkout/diff?from=12&to=13');
    expect(within(list).getByRole('link', { name: 'Diff v13 → v12 of checkout' })).toHaveAttribute('href', '/namespaces/checkout/diff?from=13&to=12');
    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(location()).toBe('/insights?tz=UTC'));
  });

  it('a recovery says what detected the problem and how long it took to be safe', async () => {
    open('/insights?tz=UTC&drill=recoveries&dfrom=2026-11-01T00:00:00.000Z&dto=2026-11-21T00:00:00.000Z');
    const drawer = await screen.findByRole('dialog', { name: 'Recoveries (time to safe rollback) · all namespaces' });
    expect(await within(drawer).findByText(/to safe rollback, from the first detection at/)).toHaveTextContent('13 min');
    expect(drawer).toHaveTextContent('V2 average latency above 10 s');
    expect(within(drawer).queryByRole('link', { name: 'Open in the audit log' })).not.toBeInTheDocument();
  });

  it('a load count opens the same events in the audit log too', async () => {
    open('/insights?tz=UTC&drill=loads&dns=payments&dfrom=2026-11-01T00:00:00.000Z&dto=2026-11-02T00:00:00.000Z');
    const drawer = await screen.findByRole('dialog', { name: 'Loads · payments' });
    expect(within(drawer).getByRole('link', { name: 'Open in the audit log' })).toHaveAttribute(
      'href',
      '/audit?namespace=payments&action=snapshot.load&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-01T23%3A59%3A59.999Z',
    );
  });

  it('the range buttons change the URL and the period asked for', async () => {
    const spans: number[] = [];
    server.use(
      typedHandler('insightsSummary', ({ request }) => {
        const q = new URL(request.url).searchParams;
        const from = Date.parse(q.get('from') ?? '');
        const to = Date.parse(q.get('to') ?? '');
        spans.push(Math.round((to - from) / 86_400_000));
        return insightsSummary(from, to);
      }),
    );
    const { user } = open();
    await screen.findByRole('region', { name: 'All namespaces' });
    await user.click(screen.getByRole('button', { name: '90d' }));
    await waitFor(() => expect(spans.at(-1)).toBe(90));
    expect(spans[0]).toBe(14);
    expect(location()).toBe('/insights?tz=UTC&range=90d');
    expect(screen.getByText(/last 90 days against the 90 days before/)).toBeInTheDocument();
  });

  it('says so when there are no namespaces, and offers a retry when the API fails', async () => {
    server.use(typedHandler('insightsSummary', ({ request }) => ({ ...insightsSummary(0, 1), namespaces: [], from: Date.parse(new URL(request.url).searchParams.get('from') ?? '') })));
    open();
    expect(await screen.findByRole('region', { name: 'No namespaces yet' })).toBeInTheDocument();
  });

  it('renders an error with a retry when the summary cannot be computed', async () => {
    server.use(typedHandler('insightsSummary', () => apiErrorReply(400, 'BadRequest', 'query parameter tz: an IANA time zone', { path: '/tz' })));
    open('/insights?tz=Nowhere');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the insights');
    expect(alert).toHaveTextContent('an IANA time zone');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
