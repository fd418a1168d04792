import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { makeEvent } from '../../../../mocks/data';
import { eventPage } from '../../../../mocks/registry-data';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { AuditPage } from './audit-page';

const open = (url = '/audit') => renderScreen(<AuditPage />, { url, path: '/audit' });
const location = () => screen.getByTestId('location').textContent;

afterEach(() => vi.restoreAllMocks());

describe('AuditPage', () => {
  it('lists who did what, when and why, each change linking to its diff', async () => {
    open();
    const table = await screen.findByRole('table', { name: 'Audit log' });
    const rollback = within(table).getByRole('row', { name: /Rolled back/ });
    expect(rollback).toHaveTextContent('oncall@switchyard.dev');
    expect(rollback).toHaveTextContent('p95 latency regression after v13');
    expect(within(rollback).getByRole('link', { name: 'Diff of checkout from v13 to v12' })).toHaveAttribute('href', '/namespaces/checkout/diff?from=13&to=12');
    expect(within(table).getByRole('row', { name: /Created token/ })).toHaveTextContent('—');
    expect(screen.getByText('6 entries in all')).toBeInTheDocument();
  });

  it('sends the filters in the URL to the API, and changes the URL when they change', async () => {
    const queries: string[] = [];
    server.use(
      typedHandler('listEvents', ({ request }) => {
        const q = new URL(request.url).searchParams;
        queries.push(`${q.get('namespace')}|${q.get('action')}|${q.get('actor')}`);
        return eventPage([makeEvent({ id: 1, namespace: 'payments', action: 'snapshot.rollback' })], { limit: 100 });
      }),
    );
    const { user } = open('/audit?namespace=payments&action=snapshot.rollback');
    await screen.findByRole('table', { name: 'Audit log' });
    expect(queries[0]).toBe('payments|snapshot.rollback|null');
    expect(screen.getByRole('textbox', { name: 'Namespace' })).toHaveValue('payments');
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveValue('snapshot.rollback');

    await user.type(screen.getByRole('textbox', { name: 'Actor' }), 'ada@switchyard.dev{Enter}');
    await waitFor(() => expect(location()).toBe('/audit?namespace=payments&actor=ada%40switchyard.dev&action=snapshot.rollback'));
    await waitFor(() => expect(queries.at(-1)).toBe('payments|snapshot.rollback|ada@switchyard.dev'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Kill switch on');
    await waitFor(() => expect(location()).toBe('/audit?namespace=payments&actor=ada%40switchyard.dev&action=killswitch.enable'));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location()).toBe('/audit'));
  });

  it('filters by an actor from their entry, and sets a time range from a preset', async () => {
    const { user } = open();
    const table = await screen.findByRole('table', { name: 'Audit log' });
    await user.click(within(table).getAllByRole('button', { name: 'lee@switchyard.dev' })[0] as HTMLElement);
    expect(location()).toBe('/audit?actor=lee%40switchyard.dev');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time' }), 'Last 24 hours');
    expect(location()).toMatch(/^\/audit\?actor=lee%40switchyard\.dev&from=\d{4}-/);
  });

  it('exports CSV through the server with the current filters', async () => {
    open('/audit?namespace=checkout&from=2026-11-20T00:00:00Z');
    const csv = await screen.findByRole('link', { name: 'Export CSV' });
    expect(csv).toHaveAttribute('href', '/api/v1/events?namespace=checkout&from=2026-11-20T00%3A00%3A00.000Z&format=csv');
  });

  it('exports every matching entry as JSON, a thousand at a time', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn<(blob: Blob) => string>((blob) => {
      created.push(blob);
      return 'blob:audit';
    });
    URL.revokeObjectURL = vi.fn<(url: string) => void>();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const limits: string[] = [];
    server.use(
      typedHandler('listEvents', ({ request }) => {
        const q = new URL(request.url).searchParams;
        limits.push(`${q.get('limit')}:${q.get('namespace')}`);
        return eventPage([makeEvent({ id: 5, namespace: 'checkout' })], { limit: 100 });
      }),
    );
    const { user } = open('/audit?namespace=checkout');
    await screen.findByRole('table', { name: 'Audit log' });
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(names).toEqual(['switchyard-audit-log.json']));
    expect(limits).toContain('1000:checkout');
    expect(JSON.parse(await (created[0] as Blob).text())).toMatchObject([{ id: 5, namespace: 'checkout' }]);
  });

  it('pages in older entries', async () => {
    const many = Array.from({ length: 150 }, (_, i) => makeEvent({ id: 1000 - i, reason: `change ${i}` }));
    server.use(
      typedHandler('listEvents', ({ request }) => {
        const q = new URL(request.url).searchParams;
        return eventPage(many, { before: q.get('before') ? Number(q.get('before')) : null, limit: Number(q.get('limit')) });
      }),
    );
    const { user } = open();
    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    await user.click(screen.getByRole('button', { name: 'Load older entries' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(151));
    expect(screen.getByText('150 entries in all')).toBeInTheDocument();
  });

  it('says when no entry matches the filters', async () => {
    server.use(typedHandler('listEvents', () => ({ items: [], nextBefore: null })));
    open('/audit?actor=nobody');
    expect(await screen.findByRole('region', { name: 'No audit entries match these filters' })).toBeInTheDocument();
  });

  it('says when nothing was recorded yet', async () => {
    server.use(typedHandler('listEvents', () => ({ items: [], nextBefore: null })));
    open();
    expect(await screen.findByRole('region', { name: 'No changes recorded yet' })).toBeInTheDocument();
  });

  it('shows a first-load failure inline', async () => {
    server.use(typedHandler('listEvents', () => apiErrorReply(500, 'Internal', 'disk full')));
    open();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the audit log');
  });
});
