import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { timelineFor } from '../../../../mocks/insight-data';
import { typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { RolloutTimeline } from './rollout-timeline';

describe('RolloutTimeline', { timeout: 20_000 }, () => {
  it("asks for the rollout's timeline, links breaches to the rollout and spikes to the parity review, and keeps the charts' range apart", async () => {
    const asked: string[] = [];
    server.use(
      typedHandler('timeline', ({ request }) => {
        const q = new URL(request.url).searchParams;
        asked.push(`${q.get('rollout')}|${q.get('namespace')}`);
        return timelineFor(Date.parse(q.get('from') ?? ''), Date.parse(q.get('to') ?? ''), null);
      }),
    );
    const { user } = renderScreen(<RolloutTimeline rolloutId="checkout-v2" namespace="checkout" />, { url: '/rollouts/checkout-v2?range=24h', path: '/rollouts/:id' });
    const section = await screen.findByRole('region', { name: 'Timeline' });
    expect(await within(section).findByRole('link', { name: 'Rollout: Guard breach: critical-latency-avg (rolled back)' })).toHaveAttribute('href', '/rollouts/checkout-v2');
    expect(within(section).getByRole('link', { name: 'Parity review: Parity mismatch spike: 7 mismatches' })).toHaveAttribute('href', '/rollouts/payments-v2/parity?status=mismatch');
    expect(asked[0]).toBe('checkout-v2|null');
    await user.click(within(section).getByRole('button', { name: '24h' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/rollouts/checkout-v2?range=24h&tl=24h'));
  });
});
