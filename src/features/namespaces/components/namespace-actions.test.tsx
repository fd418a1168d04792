import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { checkoutDetail, viewerMe } from '../../../../mocks/data';
import { mutationReply } from '../../../../mocks/mutation-replies';
import { typedHandler } from '../../../../mocks/typed-handler';
import { useConnectionStore } from '../../../lib/connection-store';
import { renderScreen } from '../../../test/render';
import { NamespaceLayout } from './namespace-layout';
import { NamespacePage } from './namespace-page';

const open = (url = '/namespaces/checkout') =>
  renderScreen(<NamespaceLayout />, { url, path: '/namespaces/:ns', children: [{ index: true, element: <NamespacePage /> }] });

afterEach(() => useConnectionStore.setState({ link: 'connecting', offlineSince: null }));

describe('read-only', { timeout: 20_000 }, () => {
  it('shows a viewer every action disabled, saying why, and opens no dialog even from a deep link', async () => {
    server.use(typedHandler('me', () => viewerMe));
    const { user } = open('/namespaces/checkout?action=rollback');
    await screen.findByRole('table', { name: 'Flags in v14' });
    const rollback = screen.getByRole('button', { name: 'Roll back' });
    await waitFor(() => expect(rollback).toHaveAccessibleDescription('Your role is viewer: ask an operator to roll back.'));
    expect(rollback).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Kill switch' })).toHaveAccessibleDescription(
      'Your role is viewer: ask an operator to turn the kill switch on or off.',
    );
    expect(screen.getByRole('button', { name: 'Load snapshot' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(rollback);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('disables actions while the API is unreachable, with the reason', async () => {
    open();
    await screen.findByRole('table', { name: 'Flags in v14' });
    act(() => useConnectionStore.setState({ link: 'offline', offlineSince: Date.now() }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Apply patch' })).toHaveAccessibleDescription(/The API is unreachable, so changes are paused/),
    );
  });
});

describe('Kill switch', { timeout: 20_000 }, () => {
  it('lists every flag that falls back to its declared default and needs the typed name and a reason', async () => {
    const bodies: unknown[] = [];
    server.use(
      typedHandler('killSwitch', async ({ request }) => {
        bodies.push(await request.json());
        return mutationReply(checkoutDetail, { killSwitch: { enabled: true, changedAt: new Date().toISOString(), changedBy: 'ada', reason: 'x' } }, { action: 'killswitch.enable' });
      }),
    );
    const { user } = open('/namespaces/checkout?action=kill-switch');
    const dialog = await screen.findByRole('dialog', { name: 'Turn kill switch on for checkout' });
    expect(dialog).toHaveTextContent('Turn the kill switch on for checkout: 3 flags fall back to the declared default');
    const blast = within(dialog).getByRole('table', { name: 'Flags that fall back to their declared default' });
    expect(within(blast).getByRole('row', { name: /maxCartItems/ })).toHaveTextContent('80');
    expect(within(blast).getByRole('row', { name: /maxCartItems/ })).toHaveTextContent('50');
    expect(within(blast).getByRole('row', { name: /variant/ })).toHaveTextContent('CLASSIC + 1 rule, ramp 10%');
    expect(dialog).toHaveTextContent('1 inactive flag already serves the declared default');

    const confirm = within(dialog).getByRole('button', { name: 'Turn kill switch on for checkout' });
    await user.click(within(dialog).getByRole('button', { name: 'Bad value shipped' }));
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type the namespace name to confirm'), 'checkou');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type the namespace name to confirm'), 't');
    await user.click(confirm);
    expect(await screen.findByText('Kill switch on for checkout')).toBeInTheDocument();
    expect(bodies).toEqual([{ enabled: true, reason: 'Bad value shipped' }]);
  });
});
