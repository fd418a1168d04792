import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { NamespaceDetail } from '@contract/schemas';
import { server } from '../../../../mocks/node';
import { checkoutDetail, makeEvent } from '../../../../mocks/data';
import { makeHistory, versionPage } from '../../../../mocks/registry-data';
import { mutationReply, preconditionFailedReply, summaryOf } from '../../../../mocks/mutation-replies';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { NamespaceLayout } from './namespace-layout';
import { NamespacePage } from './namespace-page';

const open = (url = '/namespaces/checkout') =>
  renderScreen(<NamespaceLayout />, { url, path: '/namespaces/:ns', children: [{ index: true, element: <NamespacePage /> }] });

/** The namespace the server returns, changeable mid-test (the next GET sees it). */
function liveNamespace(initial: NamespaceDetail) {
  const state = { detail: initial };
  server.use(typedHandler('getNamespace', () => state.detail));
  return state;
}

async function openRollback(url?: string) {
  const screenApi = open(url);
  await screen.findByRole('table', { name: 'Flags in v14' });
  await waitFor(() => expect(screen.getByRole('button', { name: 'Roll back' })).not.toHaveAttribute('aria-disabled'));
  await screenApi.user.click(screen.getByRole('button', { name: 'Roll back' }));
  return { ...screenApi, dialog: await screen.findByRole('dialog', { name: 'Roll back checkout' }) };
}

describe('Roll back', { timeout: 20_000 }, () => {
  it('previews the net diff, needs a reason, sends the version seen and one idempotency key, then shows the server truth', async () => {
    const live = liveNamespace(checkoutDetail);
    const requests: { ifMatch: string | null; key: string | null; body: unknown }[] = [];
    server.use(
      typedHandler('rollback', async ({ request }) => {
        requests.push({ ifMatch: request.headers.get('If-Match'), key: request.headers.get('Idempotency-Key'), body: await request.json() });
        live.detail = { ...checkoutDetail, activeVersion: 13 };
        return mutationReply(checkoutDetail, { activeVersion: 13 }, { action: 'snapshot.rollback', fromVersion: 14, toVersion: 13, reason: 'Latency regression' });
      }),
    );
    const { user, dialog } = await openRollback();
    expect(await within(dialog).findByText('Roll back checkout from v14 to v13: 3 flags change')).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: 'What will be live after the rollback' })).toHaveTextContent('newAddressForm');
    expect(within(dialog).getByLabelText('Active chain')).toHaveTextContent('v14 → v13');
    const confirm = within(dialog).getByRole('button', { name: 'Roll back checkout' });
    expect(confirm).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Latency regression' }));
    expect(within(dialog).getByLabelText('Reason')).toHaveValue('Latency regression');
    await user.click(confirm);
    expect(await screen.findByText('Rolled back checkout to v13')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('table', { name: 'Flags in v13' })).toBeInTheDocument();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ ifMatch: '"14"', body: { steps: 1, reason: 'Latency regression' } });
    expect(requests[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('acts once on a double click', async () => {
    let calls = 0;
    server.use(
      typedHandler('rollback', async () => {
        calls += 1;
        await new Promise((r) => setTimeout(r, 50));
        return mutationReply(checkoutDetail, { activeVersion: 13 }, { action: 'snapshot.rollback' });
      }),
    );
    const { user, dialog } = await openRollback();
    await within(dialog).findByText(/Roll back checkout from v14 to v13/);
    await user.click(within(dialog).getByRole('button', { name: 'Bad value shipped' }));
    await user.dblClick(within(dialog).getByRole('button', { name: 'Roll back checkout' }));
    await screen.findByText('Rolled back checkout to v13');
    expect(calls).toBe(1);
  });

  it('explains too little history inline and does not offer to confirm', async () => {
    open('/namespaces/checkout?action=rollback&steps=20');
    const opened = await screen.findByRole('dialog', { name: 'Roll back checkout' });
    expect(await within(opened).findByText('checkout has only 13 earlier versions on its active chain; roll back at most 13 steps.')).toBeInTheDocument();
    expect(within(opened).getByRole('button', { name: 'Roll back checkout' })).toBeDisabled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a refusal the server gives at confirm time inline, not as a toast', async () => {
    server.use(
      typedHandler('rollback', () =>
        apiErrorReply(409, 'InsufficientHistory', 'cannot roll back', { path: '/steps', details: { available: 0, requested: 1, activeVersion: 14 } }),
      ),
    );
    const { user, dialog } = await openRollback();
    await within(dialog).findByText(/Roll back checkout from v14 to v13/);
    await user.click(within(dialog).getByRole('button', { name: 'Latency regression' }));
    await user.click(within(dialog).getByRole('button', { name: 'Roll back checkout' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('checkout has no earlier version on its active chain');
  });

  it('on a conflict shows who changed what underneath, overwrites nothing, and re-checks against the new state', async () => {
    const live = liveNamespace(checkoutDetail);
    const current = { ...summaryOf(checkoutDetail), activeVersion: 15, latestVersion: 15 };
    const other = makeEvent({ namespace: 'checkout', actor: 'lee@switchyard.dev', action: 'snapshot.load', reason: 'Hotfix for the EU cart', fromVersion: 14, toVersion: 15 });
    const history = makeHistory(15);
    server.use(
      typedHandler('rollback', () => preconditionFailedReply(current, [other], 14)),
      typedHandler('listVersions', ({ request }) => {
        const q = new URL(request.url).searchParams;
        return versionPage(history, q.get('before') ? Number(q.get('before')) : null, Number(q.get('limit') ?? 100));
      }),
    );
    const { user, dialog } = await openRollback();
    await within(dialog).findByText(/Roll back checkout from v14 to v13/);
    await user.click(within(dialog).getByRole('button', { name: 'Latency regression' }));
    live.detail = { ...checkoutDetail, activeVersion: 15, latestVersion: 15 };
    await user.click(within(dialog).getByRole('button', { name: 'Roll back checkout' }));

    expect(await within(dialog).findByRole('heading', { name: 'Someone changed checkout while you were deciding' })).toBeInTheDocument();
    const changes = within(dialog).getByRole('list', { name: 'Changes since you looked' });
    expect(changes).toHaveTextContent('lee@switchyard.dev');
    expect(changes).toHaveTextContent('Hotfix for the EU cart');
    expect(await within(dialog).findByRole('region', { name: 'What changed from v14 to v15' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Roll back checkout' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Re-check' }));
    expect(await within(dialog).findByText('Roll back checkout from v15 to v14: 3 flags change')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Reason')).toHaveValue('Latency regression');
  });
});
