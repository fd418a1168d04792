import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ChangeEvent } from '@contract/schemas';
import { server } from '../../../mocks/node';
import { namespaceSummaries } from '../../../mocks/data';
import { networkErrorReply, typedHandler } from '../../../mocks/typed-handler';
import { NamespacesPage } from '../../features/namespaces/components/namespaces-page';
import { useConnectionStore } from '../../lib/connection-store';
import type { EventSourceLike } from '../../lib/live-connection';
import { renderScreen } from '../../test/render';
import { ConnectionIndicator } from './connection-indicator';
import { DegradedBanner } from './degraded-banner';
import { useConnectionFallback } from './use-connection-fallback';
import { useLiveUpdates } from './use-live-updates';

class FakeSource implements EventSourceLike {
  static all: FakeSource[] = [];
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  closed = false;
  private listeners: ((e: MessageEvent<string>) => void)[] = [];
  constructor(readonly url: string) {
    FakeSource.all.push(this);
  }
  addEventListener(_: 'change', l: (e: MessageEvent<string>) => void) {
    this.listeners.push(l);
  }
  close() {
    this.closed = true;
  }
  open = () => act(() => void this.onopen?.(new Event('open')));
  fail = () => act(() => void this.onerror?.(new Event('error')));
  emit = (change: ChangeEvent) =>
    act(() => {
      for (const l of this.listeners) l(new MessageEvent('change', { data: JSON.stringify(change), lastEventId: String(change.eventId) }));
    });
}
const createSource = (url: string) => new FakeSource(url);
const latest = () => FakeSource.all.at(-1) as FakeSource;

function Shell() {
  useLiveUpdates(createSource);
  useConnectionFallback();
  return (
    <>
      <ConnectionIndicator />
      <DegradedBanner />
      <NamespacesPage />
    </>
  );
}

const healthy = () => http.get('/healthz', () => HttpResponse.json({ status: 'ok', version: '0.1.0', db: 'sqlite' }));
const unreachable = () => http.get('/healthz', () => HttpResponse.error());
const indicator = () => screen.getByRole('status', { name: /^Connection:/ });

describe('live updates and connection state', () => {
  it('shows Live once the stream is open and refreshes the screens when a change arrives', async () => {
    let listCalls = 0;
    server.use(
      healthy(),
      typedHandler('listNamespaces', () => {
        listCalls += 1;
        const items = listCalls > 1 ? namespaceSummaries.map((n) => (n.name === 'search' ? { ...n, activeVersion: 28 } : n)) : namespaceSummaries;
        return { items };
      }),
    );
    renderScreen(<Shell />, { url: '/namespaces', path: '/namespaces', strict: false });
    expect(indicator()).toHaveAccessibleName('Connection: Connecting…');
    await screen.findByRole('link', { name: 'search' });
    latest().open();
    expect(indicator()).toHaveAccessibleName('Connection: Live');
    latest().emit({ namespace: 'search', eventId: 77, action: 'snapshot.load', activeVersion: 28, at: new Date().toISOString() });
    expect(await screen.findByText('v28')).toBeInTheDocument();
  });

  it('falls back to polling after repeated failures and says how old the data is', async () => {
    server.use(healthy());
    renderScreen(<Shell />, { url: '/namespaces', path: '/namespaces', strict: false });
    await screen.findByRole('link', { name: 'search' });
    latest().fail();
    expect(indicator()).toHaveAccessibleName('Connection: Reconnecting…');
    await waitFor(() => expect(FakeSource.all.at(-1)?.closed).toBe(false), { timeout: 3000 });
    latest().fail();
    expect(indicator()).toHaveAccessibleName('Connection: Polling');
    expect(screen.getByText(/^updated \d+ s ago$/)).toBeInTheDocument();
  });

  it('pauses the stream while the tab is hidden and resumes after the last event seen', async () => {
    server.use(healthy());
    renderScreen(<Shell />, { url: '/namespaces', path: '/namespaces', strict: false });
    await screen.findByRole('link', { name: 'search' });
    const first = latest();
    first.open();
    first.emit({ namespace: null, eventId: 12, action: 'token.create', activeVersion: null, at: new Date().toISOString() });
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(first.closed).toBe(true);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(latest()).not.toBe(first);
    expect(latest().url).toBe('/api/v1/stream?lastEventId=12');
    if (visibility) Object.defineProperty(document, 'visibilityState', visibility);
  });
});

describe('degraded mode (X5)', () => {
  it('shows the banner when the API is unreachable, keeps the data, and recovers by itself', async () => {
    server.use(healthy());
    const { queryClient } = renderScreen(<Shell />, { url: '/namespaces', path: '/namespaces', strict: false });
    await screen.findByRole('link', { name: 'payments' });
    latest().open();

    server.use(unreachable(), typedHandler('listNamespaces', () => networkErrorReply()));
    latest().fail();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Can't reach the Switchyard API since \d\d:\d\d:\d\d\.$/);
    expect(screen.getByRole('region', { name: 'API unreachable' })).toHaveTextContent(/Showing data from \d+ s ago\. Changes are paused until the connection returns\./);
    expect(indicator()).toHaveAccessibleName('Connection: Offline');
    await act(() => queryClient.refetchQueries());
    expect(screen.getByRole('link', { name: 'payments' })).toBeInTheDocument();

    server.resetHandlers();
    server.use(healthy());
    await waitFor(() => expect(screen.queryByRole('region', { name: 'API unreachable' })).not.toBeInTheDocument(), { timeout: 5000 });
    expect(useConnectionStore.getState().offlineSince).toBeNull();
  });

  it('treats 502/503/504 from a proxy as unreachable', async () => {
    server.use(healthy(), typedHandler('listNamespaces', () => ({ items: namespaceSummaries })));
    const { queryClient } = renderScreen(<Shell />, { url: '/namespaces', path: '/namespaces', strict: false });
    await screen.findByRole('link', { name: 'payments' });
    server.use(http.get('/api/v1/namespaces', () => new HttpResponse('Bad Gateway', { status: 502 })));
    await act(() => queryClient.refetchQueries({ queryKey: ['namespaces'] }));
    expect(await screen.findByRole('region', { name: 'API unreachable' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'payments' })).toBeInTheDocument();
  });
});
