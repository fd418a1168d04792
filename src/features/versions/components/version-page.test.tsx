import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { VersionPage } from './version-page';

const open = (url: string) => renderScreen(<VersionPage />, { url, path: '/namespaces/:ns/versions/:v' });

afterEach(() => vi.restoreAllMocks());

describe('VersionPage', () => {
  it('shows the summary, the flags with ramp-up, and links to the diffs against its parent and live', async () => {
    open('/namespaces/checkout/versions/12');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('v12 of checkout');
    const flags = screen.getByRole('table', { name: 'Flags in v12' });
    expect(within(flags).getByRole('row', { name: /newAddressForm/ })).toHaveTextContent('25%');
    expect(screen.getByText('Release 12: tune checkout flags', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Changes from v11 (its parent)' })).toHaveAttribute('href', '/namespaces/checkout/diff?from=11&to=12');
    expect(await screen.findByRole('link', { name: 'Compare with live v14' })).toHaveAttribute('href', '/namespaces/checkout/diff?from=12&to=14');
  });

  it('marks a version discarded by a rollback and says why', async () => {
    open('/namespaces/payments/versions/11');
    expect(await screen.findByText('Discarded', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByText(/Discarded by rollback by/)).toHaveTextContent('p95 latency regression after the release');
    expect(screen.getByText(/Apps do not get this version/)).toBeInTheDocument();
  });

  it('shows the raw JSON in its own tab (in the URL), copies it and downloads it as <ns>-v<v>.json', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn<(blob: Blob) => string>((blob) => {
      created.push(blob);
      return 'blob:version';
    });
    URL.revokeObjectURL = vi.fn<(url: string) => void>();
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });

    const { user } = open('/namespaces/checkout/versions/12');
    await user.click(await screen.findByRole('tab', { name: 'JSON' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/namespaces/checkout/versions/12?tab=json');
    const code = screen.getByLabelText('Konditional JSON of v12');
    expect(code).toHaveTextContent('"key": "feature::checkout::newAddressForm"');

    await user.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(await navigator.clipboard.readText()).toContain('"flags": [');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download checkout-v12.json' }));
    expect(clicks).toEqual(['checkout-v12.json']);
    expect(JSON.parse(await (created[0] as Blob).text())).toMatchObject({ flags: expect.any(Array) });
  });

  it('opens on the JSON tab from a deep link', async () => {
    open('/namespaces/checkout/versions/3?tab=json');
    expect(await screen.findByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
  });

  it('explains a version that does not exist', async () => {
    open('/namespaces/checkout/versions/99');
    expect(await screen.findByRole('region', { name: 'There is no version 99 of “checkout”' })).toBeInTheDocument();
  });

  it('keeps an error panel with a retry for other failures', async () => {
    server.use(typedHandler('getVersion', () => apiErrorReply(500, 'Internal', 'disk full')));
    open('/namespaces/checkout/versions/2');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load v2 of checkout');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled());
  });
});
