import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { viewerMe } from '../../../../mocks/data';
import { PATTERN_TOTAL, parityPatterns } from '../../../../mocks/rollout-data';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { ParityPage } from './parity-page';

const open = (url = '/rollouts/checkout-variant/parity') => renderScreen(<ParityPage />, { url, path: '/rollouts/:id/parity' });

describe('parity review', { timeout: 20_000 }, () => {
  it('groups mismatches by pattern with counts, first and last seen, and filters the reports by pattern in the URL', async () => {
    const { user } = open();
    const patterns = await screen.findByRole('table', { name: 'Mismatch patterns' });
    const row = within(patterns).getByRole('row', { name: new RegExp(PATTERN_TOTAL.replace(/[()]/g, '.')) });
    expect(row).toHaveTextContent('14');
    expect(row).toHaveTextContent('13 untriaged');
    expect(row).toHaveTextContent('1 expected');
    expect(screen.getByText('17 mismatch (4.1%)')).toBeInTheDocument();
    expect(await screen.findByText('3 reports')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Show reports' }));
    await waitFor(() => expect(new URL(screen.getByTestId('location').textContent ?? '', 'http://x').searchParams.get('pattern')).toBe(PATTERN_TOTAL));
    expect(await screen.findByText('2 reports')).toBeInTheDocument();
  });

  it('opens a report: the field-by-field diff, both sides’ outputs, and who triaged it', async () => {
    const { user } = open('/rollouts/checkout-variant/parity?triage=expected');
    const card = await screen.findByRole('listitem', { name: 'Report conv-17' });
    await user.click(within(card).getByRole('button', { expanded: false }));
    const diff = within(card).getByRole('group', { name: 'What differs' });
    expect(within(diff).getByRole('row', { name: /total\.rounding/ })).toHaveTextContent('"half_up""half_even"');
    const outputs = await within(card).findByRole('group', { name: 'All outputs' });
    expect(outputs).toHaveTextContent('V1 (legacy) · 2 outputs');
    expect(within(card).getByText(/Triaged/)).toHaveTextContent('Triaged expected by maria@switchyard.dev');
    expect(within(card).getByText(/Triaged/)).toHaveTextContent('“Banker’s rounding is the new rule (CHG-1502)”');
  });

  it('triages a report with a note', async () => {
    const sent: unknown[] = [];
    server.use(
      typedHandler('triageParityReport', async ({ request }) => {
        sent.push(await request.json());
        return apiErrorReply(500, 'Internal', 'stop here');
      }),
    );
    const { user } = open('/rollouts/checkout-variant/parity?triage=untriaged');
    const card = await screen.findByRole('listitem', { name: 'Report conv-42' });
    await user.click(within(card).getByRole('button', { expanded: false }));
    const form = within(card).getByRole('form', { name: 'Triage conv-42' });
    await user.click(within(form).getByRole('radio', { name: /Bug/ }));
    await user.type(within(form).getByLabelText(/Note/), 'V2 rounds half-even: wrong for EUR');
    await user.click(within(form).getByRole('button', { name: 'Save triage' }));
    await waitFor(() => expect(sent).toEqual([{ triage: 'bug', note: 'V2 rounds half-even: wrong for EUR' }]));
    expect(await within(form).findByRole('alert')).toHaveTextContent('stop here');
  });

  it('lets a viewer read but not triage, and says why', async () => {
    server.use(typedHandler('me', () => viewerMe));
    const { user } = open();
    const card = await screen.findByRole('listitem', { name: 'Report conv-42' });
    await user.click(within(card).getByRole('button', { expanded: false }));
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Save triage' })).toBeDisabled());
    expect(within(card).getByText('Your role is viewer: ask an operator to triage the mismatches of this rollout.')).toBeInTheDocument();
  });

  it('compares one subject on demand and shows the result', async () => {
    const { user } = open();
    await user.type(await screen.findByLabelText('Subject or conversation id'), 'conv-42');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const result = await screen.findByText(/: V1 3 outputs, V2 3/);
    expect(result.closest('[role="status"]')).toHaveTextContent('Mismatch');
    expect(result.closest('[role="status"]')).toHaveTextContent('same result as stored');
  });

  it('says so when there are no mismatches and no reports match the filters', async () => {
    server.use(
      typedHandler('parityPatterns', () => ({ ...parityPatterns, items: [] })),
      typedHandler('parityReports', () => ({ items: [], total: 0, nextBefore: null })),
    );
    const { user } = open('/rollouts/checkout-variant/parity?status=mismatch');
    expect(await screen.findByRole('region', { name: 'No mismatches' })).toBeInTheDocument();
    const empty = await screen.findByRole('region', { name: 'No report matches these filters' });
    await user.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/parity$/));
  });

  it('renders a failure to load the patterns inline', async () => {
    server.use(typedHandler('parityPatterns', () => apiErrorReply(500, 'Internal', 'database is locked')));
    open();
    expect(await screen.findByText('Could not load the mismatch patterns')).toBeInTheDocument();
  });
});
