import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { checkoutDetail } from '../../mocks/data';
import { namespaceQueries } from '../features/namespaces/api/namespace-queries';
import { versionQueries } from '../features/versions/api/version-queries';

// Two features read one query: the namespace detail the layout's banner holds also answers the
// version screens' "which version is live, which is newest", without fetching the snapshot again.
describe('queries shared between features', () => {
  it("the version screens' head is the namespace detail query, narrowed", () => {
    expect(versionQueries.head('checkout').queryKey).toEqual(namespaceQueries.detail('checkout').queryKey);
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } });
    client.setQueryData(namespaceQueries.detail('checkout').queryKey, checkoutDetail);
    const result = new QueryObserver(client, versionQueries.head('checkout')).getCurrentResult();
    expect(result.data).toEqual({ activeVersion: checkoutDetail.activeVersion, latestVersion: checkoutDetail.latestVersion, name: 'checkout' });
    expect(result.isStale).toBe(false);
  });

  it('a newer namespace detail (a live update) is what the head answers next', () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
    client.setQueryData(namespaceQueries.detail('checkout').queryKey, checkoutDetail);
    const observer = new QueryObserver(client, versionQueries.head('checkout'));
    const unsubscribe = observer.subscribe(() => {});
    client.setQueryData(namespaceQueries.detail('checkout').queryKey, { ...checkoutDetail, activeVersion: 15, latestVersion: 16 });
    expect(observer.getCurrentResult().data).toMatchObject({ activeVersion: 15, latestVersion: 16 });
    unsubscribe();
  });
});
