import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { DiffPage } from './diff-page';

const open = (url: string) => renderScreen(<DiffPage />, { url, path: '/namespaces/:ns/diff' });
const location = () => screen.getByTestId('location').textContent;

describe('DiffPage', () => {
  it('shows the diff between the versions in the URL with a summary sentence and both ends', async () => {
    open('/namespaces/checkout/diff?from=12&to=14');
    expect(await screen.findByText('Going from v12 to v14 adds expressPay, removes legacyCart and changes newAddressForm. 2 flags stay the same.')).toBeInTheDocument();
    const diff = screen.getByRole('region', { name: 'Changes from v12 to v14' });
    const card = within(diff).getByRole('article', { name: /newAddressForm/ });
    expect(within(card).getByRole('row', { name: /rule 1 › ramp-up/ })).toHaveTextContent('10%');
    expect(within(diff).getByRole('article', { name: /expressPay/ })).toHaveTextContent('Added');
    const to = screen.getByRole('region', { name: 'To v14' });
    expect(await within(to).findByText('Live')).toBeInTheDocument();
    expect(within(to).getByRole('link', { name: 'v14' })).toHaveAttribute('href', '/namespaces/checkout/versions/14');
  });

  it('swaps from and to, and compares typed versions, through the URL', async () => {
    const { user } = open('/namespaces/checkout/diff?from=12&to=14');
    await screen.findByRole('region', { name: 'Changes from v12 to v14' });
    await user.click(screen.getByRole('button', { name: 'Swap from and to' }));
    await waitFor(() => expect(location()).toBe('/namespaces/checkout/diff?from=14&to=12'));
    expect(await screen.findByText(/Going from v14 to v12 \(back to an older version\)/)).toBeInTheDocument();

    const fromInput = screen.getByRole('spinbutton', { name: 'From version' });
    await user.clear(fromInput);
    await user.type(fromInput, '3{Enter}');
    await waitFor(() => expect(location()).toBe('/namespaces/checkout/diff?from=3&to=12'));
  });

  it('says "no flag changes" for the same version', async () => {
    open('/namespaces/checkout/diff?from=9&to=9');
    expect(await screen.findByText('v9 compared with itself: no flag changes.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Changes from v9 to v9' })).toHaveTextContent('No flag changes');
  });

  it('without versions in the link, shows what the live version changed', async () => {
    open('/namespaces/checkout/diff');
    await waitFor(() => expect(location()).toBe('/namespaces/checkout/diff?from=13&to=14'));
  });

  it('refuses versions above the newest one before asking the server', async () => {
    const { user } = open('/namespaces/checkout/diff?from=12&to=14');
    await screen.findByRole('region', { name: 'Changes from v12 to v14' });
    const to = screen.getByRole('spinbutton', { name: 'To version' });
    await user.clear(to);
    await user.type(to, '99{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The newest version is v14.');
    expect(location()).toBe('/namespaces/checkout/diff?from=12&to=14');
  });

  it('explains a version that does not exist', async () => {
    server.use(typedHandler('diff', () => apiErrorReply(404, 'NotFound', 'version 40 of checkout does not exist')));
    open('/namespaces/checkout/diff?from=40&to=14');
    expect(await screen.findByRole('region', { name: 'One of these versions does not exist' })).toHaveTextContent('version 40 of checkout does not exist');
  });

  it('shows an error panel when the comparison fails', async () => {
    server.use(typedHandler('diff', () => apiErrorReply(500, 'Internal', 'disk full')));
    open('/namespaces/checkout/diff?from=1&to=2');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not compare v1 and v2');
  });
});
