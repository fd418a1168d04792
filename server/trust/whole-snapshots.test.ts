/**
 * S1 (short version of bench/soak-snapshots.ts): 4 writers, 32 readers and 4 watchers (SSE) over
 * real loopback HTTP; every read must be exactly one acknowledged version, and never go backwards except
 * through a rollback. A sabotaged cache shows that the checker does catch torn reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServedEntry } from '../registry/served';
import { ADMIN_SECRET, harness, type Harness } from '../test/harness';
import { wholeSnapshotSoak, type SoakOptions } from './whole-snapshots';

let h: Harness;
afterEach(async () => h.close());

async function listening(): Promise<string> {
  h = await harness();
  return h.app.listen({ port: 0, host: '127.0.0.1' });
}

const options = (base: string, reads: number): SoakOptions => ({
  base,
  adminToken: ADMIN_SECRET,
  namespace: 's1-short',
  writers: 4,
  readers: 32,
  watchers: 4,
  reads,
  maxMs: 30_000,
  rollbackEvery: 4,
  readsPerWrite: 60,
});

describe('S1 whole snapshots', () => {
  it('2,000 reads under 4 writers: none torn, none unknown, none backwards', { timeout: 60_000 }, async () => {
    const r = await wholeSnapshotSoak(options(await listening(), 2000));
    expect(r.examples).toEqual([]);
    expect({ torn: r.torn, unknown: r.unknown, backwards: r.backwards, errors: r.errors }).toEqual({ torn: 0, unknown: 0, backwards: 0, errors: 0 });
    expect(r.reads).toBeGreaterThanOrEqual(2000);
    // The run exercised what it claims to: many versions, rollbacks, 304s and API reads.
    expect(r.writes).toBeGreaterThan(20);
    expect(r.rollbacks).toBeGreaterThan(2);
    expect(r.versionsSeen).toBeGreaterThan(10);
    expect(r.notModified).toBeGreaterThan(0);
    expect(r.apiReads).toBeGreaterThan(100);
    expect(r.watchEvents).toBeGreaterThan(10);
  });

  it('the checker reports torn reads when the served body and ETag come from different versions', { timeout: 60_000 }, async () => {
    const base = await listening();
    const served = h.services.served;
    const original = served.get.bind(served);
    const originalPeek = served.peek.bind(served);
    let previous: ServedEntry | null = null;
    let n = 0;
    const mix = <E extends ServedEntry | null | undefined>(entry: E): E => {
      const mixed = entry && previous && previous.version !== entry.version && n++ % 3 === 0 ? { ...entry, body: previous.body } : entry;
      if (entry && previous?.version !== entry.version) previous = entry;
      return mixed;
    };
    // Both ways the app endpoint reads the cache: the synchronous hot path (peek) and get.
    served.get = async (ns: string) => mix(await original(ns));
    served.peek = (ns: string) => mix(originalPeek(ns));
    const r = await wholeSnapshotSoak(options(base, 600));
    expect(r.torn).toBeGreaterThan(0);
  });
});
