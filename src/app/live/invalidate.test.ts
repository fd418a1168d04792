import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { auditQueries } from '../../features/audit/api/audit-queries';
import { NO_FILTERS } from '../../features/audit/lib/audit-filters';
import { insightQueries } from '../../features/insights/api/insight-queries';
import { namespaceQueries } from '../../features/namespaces/api/namespace-queries';
import { rolloutQueries } from '../../features/rollouts/api/rollout-queries';
import { timelineQueries } from '../../features/timeline/api/timeline-queries';
import { versionQueries } from '../../features/versions/api/version-queries';
import { invalidateEverything, invalidateForChanges } from './invalidate';

// The invalidation knows only key roots; these are the keys the screens really use, built by the
// features' own factories, so a root that drifts from its factory fails here.
const keys = {
  audit: auditQueries.list(NO_FILTERS).queryKey,
  insights: insightQueries.summary({ key: '30d' }, 'UTC').queryKey,
  timeline: timelineQueries.list({ key: '7d' }, null).queryKey,
  namespaces: namespaceQueries.list().queryKey,
  namespace: namespaceQueries.detail('checkout').queryKey,
  rollouts: rolloutQueries.list().queryKey,
  history: versionQueries.history('checkout').queryKey,
  otherHistory: versionQueries.history('billing').queryKey,
  diff: versionQueries.diff('checkout', 1, 2).queryKey,
} satisfies Record<string, QueryKey>;

function seeded(): QueryClient {
  const client = new QueryClient();
  for (const key of Object.values(keys) as QueryKey[]) client.setQueryData(key, {});
  // The diff factory marks its query immutable; setQueryData alone does not carry meta.
  client.getQueryCache().find({ queryKey: keys.diff })!.options.meta = { immutable: true };
  return client;
}

const stale = (client: QueryClient) =>
  Object.entries(keys)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();

describe('live invalidation', () => {
  it('a change of one namespace makes every screen that can show it stale, and no other namespace history', async () => {
    const client = seeded();
    await invalidateForChanges(client, ['checkout']);
    expect(stale(client)).toEqual(['audit', 'history', 'insights', 'namespace', 'namespaces', 'rollouts', 'timeline'].sort());
  });

  it('a change without a namespace (e.g. a token) refreshes only what the audit log feeds', async () => {
    const client = seeded();
    await invalidateForChanges(client, [null]);
    expect(stale(client)).toEqual(['audit', 'insights', 'timeline']);
  });

  it('after a gap everything but immutable diffs is stale', async () => {
    const client = seeded();
    await invalidateEverything(client);
    expect(stale(client)).toEqual(Object.keys(keys).filter((k) => k !== 'diff').sort());
  });
});
