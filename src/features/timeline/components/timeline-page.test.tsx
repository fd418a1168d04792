import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { timelineFor } from '../../../../mocks/insight-data';
import { typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { TimelinePage } from './timeline-page';

const open = (url = '/timeline') => renderScreen(<TimelinePage />, { url, path: '/timeline' });
const location = () => screen.getByTestId('location').textContent ?? '';

describe('TimelinePage', { timeout: 20_000 }, () => {
  it('puts every kind on one axis and lists each event with a link to its diff or report', async () => {
    open();
    const list = await screen.findByRole('region', { name: 'Timeline' });
    expect(await within(list).findByText('v13 rolled back to v12')).toBeInTheDocument();
    expect(within(list).getByRole('img', { name: /5 events on a time axis/ })).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: 'Diff v13 → v12: v13 rolled back to v12' })).toHaveAttribute('href', '/namespaces/checkout/diff?from=13&to=12');
    expect(within(list).getByRole('link', { name: 'Parity review: Parity mismatch spike: 7 mismatches' })).toHaveAttribute('href', '/rollouts/payments-v2/parity?status=mismatch');
    expect(within(list).getByRole('link', { name: 'Rollout: Guard breach: critical-latency-avg (rolled back)' })).toHaveAttribute('href', '/rollouts/checkout-v2');
  });

  it('filters by kind group in the URL, counting what each group holds', async () => {
    const { user } = open();
    const detections = await screen.findByRole('button', { name: /Breaches, parity spikes/ });
    expect(detections).toHaveAttribute('aria-pressed', 'true');
    expect(detections).toHaveTextContent('2');
    await user.click(detections);
    expect(location()).toBe('/timeline?kinds=snapshot_load%2Csnapshot_patch%2Csnapshot_restore%2Csnapshot_rollback%2Ckill_switch_on%2Ckill_switch_off%2Cstage_change%2Crollout_rollback%2Crollout_pause%2Crollout_resume');
    expect(screen.queryByText('Parity mismatch spike: 7 mismatches')).not.toBeInTheDocument();
    expect(screen.getByText('v13 rolled back to v12')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Breaches, parity spikes/ }));
    expect(location()).toBe('/timeline');
  });

  it('zooms: presets, a drag across the axis, and zoom out, all in the URL and the request', async () => {
    const asked: number[] = [];
    server.use(
      typedHandler('timeline', ({ request }) => {
        const q = new URL(request.url).searchParams;
        const from = Date.parse(q.get('from') ?? '');
        const to = Date.parse(q.get('to') ?? '');
        asked.push(Math.round((to - from) / 3_600_000));
        return timelineFor(from, to, q.get('namespace'));
      }),
    );
    const { user } = open();
    const axis = await screen.findByRole('img', { name: /events on a time axis/ });
    expect(asked[0]).toBe(7 * 24);
    await user.click(screen.getByRole('button', { name: '24h' }));
    await waitFor(() => expect(asked.at(-1)).toBe(24));
    expect(location()).toBe('/timeline?range=24h');

    const tracks = axis.querySelector('.tl-tracks') as HTMLElement;
    vi.spyOn(tracks, 'getBoundingClientRect').mockReturnValue({ left: 0, width: 1000, top: 0, height: 112, right: 1000, bottom: 112, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.pointerDown(tracks, { button: 0, clientX: 250, pointerId: 1 });
    fireEvent.pointerMove(tracks, { clientX: 500, pointerId: 1 });
    fireEvent.pointerUp(tracks, { clientX: 500, pointerId: 1 });
    await waitFor(() => expect(location()).toMatch(/^\/timeline\?range=custom&from=.*&to=/));
    await waitFor(() => expect(asked.at(-1)).toBe(6));
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    await waitFor(() => expect(asked.at(-1)).toBe(12));
  });

  it('filters by namespace', async () => {
    const { user } = open();
    await screen.findByText('v13 rolled back to v12');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Namespace' }), 'payments');
    await waitFor(() => expect(location()).toBe('/timeline?namespace=payments'));
    await waitFor(() => expect(screen.queryByText('v13 rolled back to v12')).not.toBeInTheDocument());
    expect(screen.getByText('Promoted to Ramp 10%')).toBeInTheDocument();
  });

  it('says what to do when nothing happened in the range', async () => {
    server.use(typedHandler('timeline', () => ({ from: 0, to: 86_400_000, items: [], truncated: false })));
    open();
    expect(await screen.findByRole('region', { name: 'Nothing happened in this range' })).toHaveTextContent('Widen the range');
  });
});
