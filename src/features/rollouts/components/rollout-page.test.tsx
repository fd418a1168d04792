import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { RolloutDetail } from '@contract/rollouts';
import { server } from '../../../../mocks/node';
import { makeEvent, viewerMe } from '../../../../mocks/data';
import { detailOf, gateFor, makeRollout, rolloutSummaries } from '../../../../mocks/rollout-data';
import { apiErrorReply, typedHandler } from '../../../../mocks/typed-handler';
import { useConnectionStore } from '../../../lib/connection-store';
import { renderScreen } from '../../../test/render';
import { RolloutPage } from './rollout-page';

const open = (url = '/rollouts/checkout-variant') => renderScreen(<RolloutPage />, { url, path: '/rollouts/:id' });

const checkout = detailOf(rolloutSummaries[0] ?? makeRollout());

/** The rollout the server returns, changeable mid-test (the next GET sees it). */
function liveRollout(initial: RolloutDetail) {
  const state = { detail: initial };
  server.use(typedHandler('getRollout', () => state.detail));
  return state;
}

async function openDialog(name: string, url?: string) {
  const api = open(url);
  await screen.findByRole('heading', { level: 1, name: /checkout-variant/ });
  await waitFor(() => expect(screen.getByRole('button', { name })).not.toHaveAttribute('aria-disabled'));
  await api.user.click(screen.getByRole('button', { name }));
  return { ...api, dialog: await screen.findByRole('dialog') };
}

describe('rollout page', { timeout: 20_000 }, () => {
  it('shows a skeleton, then the stage track, the gate, the guards and a card per metric', async () => {
    open();
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Loading the rollout…');
    expect(await screen.findByRole('heading', { level: 1, name: /checkout-variant/ })).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Rollout steps' });
    expect(within(steps).getAllByRole('listitem').filter((li) => li.parentElement === steps)).toHaveLength(6);
    expect(within(steps).getByText('Promoted to Ramp 10%')).toBeInTheDocument();
    expect(within(steps).getByText('“Gate green twice at 1%, p95 within 5% of V1”')).toBeInTheDocument();
    expect(steps.querySelector('[aria-current="step"]')).toHaveTextContent('10%');
    const gate = await screen.findByRole('region', { name: 'Gate for Ramp 25%' });
    expect(within(gate).getByText('Go: promote to Ramp 25%')).toBeInTheDocument();
    expect(within(gate).getByRole('list', { name: 'Gate checks' }).children).toHaveLength(5);
    for (const title of ['Latency p95', 'Error rate', 'Throughput', 'Memory', 'CPU']) {
      expect(await screen.findByRole('region', { name: title })).toBeInTheDocument();
    }
    expect(screen.getByRole('region', { name: 'Error rate' })).toHaveTextContent(/V2 error rate .* within thresholds \(warning at 2%, critical at 5%\)/);
  });

  it('says when the rollout does not exist, and offers a retry when the server fails', async () => {
    server.use(typedHandler('getRollout', () => apiErrorReply(404, 'NotFound', 'rollout nope does not exist')));
    open('/rollouts/nope');
    expect(await screen.findByRole('region', { name: 'No rollout “nope”' })).toBeInTheDocument();
  });

  it('renders a first-load failure inline with Try again', async () => {
    server.use(typedHandler('getRollout', () => apiErrorReply(500, 'Internal', 'database is locked')));
    open();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load rollout checkout-variant');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('shows a rolled-back rollout with who rolled it back and why', async () => {
    liveRollout(
      detailOf(
        makeRollout({ state: { ...checkout.state, status: 'rolled_back', stepIndex: 0, stage: 'shadow', share: 0, mode: 'shadow' } }),
        {
          events: [
            makeEvent({ id: 999, action: 'rollout.rollback', actor: 'switchyard-guards', reason: 'Automatic rollback: V2 error rate above 5% for 5 consecutive minutes (peak 7.3%)', details: { automatic: true, from: { stepIndex: 2 }, to: { stepIndex: 0 } } }),
            ...checkout.events,
          ],
        },
      ),
    );
    open();
    const banner = await screen.findByText('Rolled back automatically to shadow');
    expect(banner.closest('[role="status"]')).toHaveTextContent('V2 error rate above 5% for 5 consecutive minutes (peak 7.3%)');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resume' })).not.toHaveAttribute('aria-disabled'));
    expect(screen.getByRole('button', { name: 'Roll back' })).toHaveAccessibleDescription('Already rolled back to shadow.');
  });

  it('disables every action for a viewer and says why', async () => {
    server.use(typedHandler('me', () => viewerMe));
    open();
    await screen.findByRole('heading', { level: 1, name: /checkout-variant/ });
    const promote = screen.getByRole('button', { name: 'Promote' });
    await waitFor(() => expect(promote).toHaveAttribute('aria-disabled', 'true'));
    expect(promote).toHaveAccessibleDescription('Your role is viewer: ask an operator to promote this rollout.');
    expect(screen.getByRole('button', { name: 'Roll back' })).toHaveAccessibleDescription(/ask an operator to roll back/);
    await screen.getByRole('button', { name: 'Roll back' }).click();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('disables actions while offline, with the reason', async () => {
    open();
    await screen.findByRole('heading', { level: 1, name: /checkout-variant/ });
    useConnectionStore.getState().apiUnreachable();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause' })).toHaveAccessibleDescription(/The API is unreachable/));
  });

  it('shows the charts as tables on request (?view=table)', async () => {
    open('/rollouts/checkout-variant?view=table');
    expect(await screen.findByRole('region', { name: 'Latency p95 as a table' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'CPU as a table' })).toBeInTheDocument();
  });
});

describe('rollout actions', { timeout: 20_000 }, () => {
  it('promotes with the revision seen, one idempotency key and the reason, then shows the server truth', async () => {
    const live = liveRollout(checkout);
    const requests: { ifMatch: string | null; key: string | null; body: unknown }[] = [];
    server.use(
      typedHandler('promoteRollout', async ({ request }) => {
        requests.push({ ifMatch: request.headers.get('If-Match'), key: request.headers.get('Idempotency-Key'), body: await request.json() });
        live.detail = { ...checkout, revision: 8, state: { ...checkout.state, stepIndex: 3, share: 25 } };
        return { rollout: live.detail, event: makeEvent({ action: 'rollout.promote', reason: 'Next step of the rollout plan' }), version: null };
      }),
    );
    const { user, dialog } = await openDialog('Promote');
    expect(within(dialog).getByText('Promote checkout-variant from Ramp 10% to Ramp 25%: V2 serves 25% of traffic instead of 10%.')).toBeInTheDocument();
    expect(await within(dialog).findByText('Go: promote to Ramp 25%')).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Promote checkout-variant' });
    expect(confirm).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Next step of the rollout plan' }));
    await user.click(confirm);
    expect(await screen.findByText('Promoted checkout-variant to 25%')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests).toEqual([{ ifMatch: '"7"', key: expect.stringMatching(/^[0-9a-f-]{36}$/), body: { reason: 'Next step of the rollout plan', override: false } }]);
    expect(await screen.findByText('revision 8')).toBeInTheDocument();
  });

  it('explains a stale revision (412): who changed what since, and Re-check starts over from the new state', async () => {
    const live = liveRollout(checkout);
    const paused = { ...checkout, revision: 8, state: { ...checkout.state, status: 'paused' as const, paused: true, pausedReason: 'p95 creeping up' } };
    const pauseEvent = makeEvent({ id: 1000, action: 'rollout.pause', actor: 'bob.nguyen', reason: 'p95 creeping up', at: new Date().toISOString() });
    server.use(
      typedHandler('rollbackRollout', () => {
        live.detail = { ...paused, events: [pauseEvent, ...checkout.events] };
        return apiErrorReply(412, 'PreconditionFailed', 'rollout checkout-variant changed since you looked: you saw revision 7, it is now at revision 8.', {
          details: { current: paused, changesSince: [pauseEvent, ...checkout.events] },
        });
      }),
    );
    const { user, dialog } = await openDialog('Roll back');
    await user.click(within(dialog).getByRole('button', { name: 'V2 latency regression' }));
    await user.click(within(dialog).getByRole('button', { name: 'Roll back checkout-variant' }));
    const conflict = await within(dialog).findByRole('region', { name: 'Someone changed checkout-variant while you were deciding' });
    expect(conflict).toHaveTextContent('You saw revision 7 (Ramp 10%, active); it is now at revision 8 (Ramp 10%, paused).');
    const changes = within(conflict).getByRole('list', { name: 'Changes since you looked' });
    expect(within(changes).getAllByRole('listitem')).toHaveLength(1);
    expect(changes).toHaveTextContent('Paused rollout');
    expect(changes).toHaveTextContent('bob.nguyen');
    expect(changes).toHaveTextContent('“p95 creeping up”');
    await user.click(within(conflict).getByRole('button', { name: 'Re-check' }));
    expect(await within(dialog).findByText(/^Roll back checkout-variant from Ramp 10% to Shadow/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('region', { name: /Someone changed/ })).not.toBeInTheDocument();
  });

  it('lets only an admin override a gate that has not accepted, with a reason', async () => {
    server.use(typedHandler('rolloutGate', () => gateFor(checkout, { acceptStreak: 1, promotionAllowed: false, recent: [{ capturedAt: new Date().toISOString(), status: 'accept' }] })));
    const requests: unknown[] = [];
    server.use(
      typedHandler('promoteRollout', async ({ request }) => {
        requests.push(await request.json());
        return { rollout: { ...checkout, revision: 8 }, event: makeEvent({ action: 'rollout.promote' }), version: null };
      }),
    );
    const { user, dialog } = await openDialog('Promote');
    expect(await within(dialog).findByText('No-go yet: 1 of 2 accepts')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Next step of the rollout plan' }));
    expect(within(dialog).getByRole('button', { name: 'Promote checkout-variant' })).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /Override the gate/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Override the gate and promote' }));
    await waitFor(() => expect(requests).toEqual([{ reason: 'Next step of the rollout plan', override: true }]));
  });

  it('asks for the typed rollout id before promoting to 100%', async () => {
    liveRollout({ ...checkout, state: { ...checkout.state, stepIndex: 4, stage: 'ramp', share: 50 } });
    const { user, dialog } = await openDialog('Promote');
    expect(within(dialog).getByText(/V2 serves all traffic and V1 stops serving variant/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Next step of the rollout plan' }));
    const confirm = within(dialog).getByRole('button', { name: 'Promote checkout-variant' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type the rollout id to confirm'), 'checkout-variant');
    expect(confirm).toBeEnabled();
  });

  it('pauses with a reason and says why a refusal happened', async () => {
    server.use(typedHandler('pauseRollout', () => apiErrorReply(409, 'Conflict', 'The rollout is already paused.', { details: { refusal: 'already_paused' } })));
    const { user, dialog } = await openDialog('Pause');
    await user.click(within(dialog).getByRole('button', { name: 'Investigating a metric' }));
    await user.click(within(dialog).getByRole('button', { name: 'Pause checkout-variant' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The rollout is already paused. Nothing was changed.');
  });
});
