import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../../mocks/node';
import { timelineFor } from '../../../../mocks/insight-data';
import { typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { NamespaceTimeline } from './namespace-timeline';

describe('NamespaceTimeline', { timeout: 20_000 }, () => {
  it("asks for this namespace's timeline and keeps its range apart from the page's own (tl)", async () => {
    const asked: string[] = [];
    server.use(
      typedHandler('timeline', ({ request }) => {
        const q = new URL(request.url).searchParams;
        const from = Date.parse(q.get('from') ?? '');
        const to = Date.parse(q.get('to') ?? '');
        asked.push(`${q.get('namespace')}|${Math.round((to - from) / 3_600_000)}`);
        return timelineFor(from, to, q.get('namespace'));
      }),
    );
    const { user } = renderScreen(<NamespaceTimeline ns="checkout" />, { url: '/namespaces/checkout?range=6h', path: '/namespaces/:ns' });
    const section = await screen.findByRole('region', { name: 'Timeline' });
    expect(await within(section).findByText('v13 rolled back to v12')).toBeInTheDocument();
    expect(within(section).queryByText('Promoted to Ramp 10%')).not.toBeInTheDocument();
    expect(asked[0]).toBe('checkout|168');
    await user.click(within(section).getByRole('button', { name: '30d' }));
    await waitFor(() => expect(asked.at(-1)).toBe('checkout|720'));
    expect(screen.getByTestId('location')).toHaveTextContent('/namespaces/checkout?range=6h&tl=30d');
  });
});
