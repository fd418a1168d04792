/**
 * S1: whole snapshots under concurrent writes, checked the way Jepsen checks a history.
 *
 * Writers load distinct snapshots (each carries a unique meta.source) while readers poll the app
 * endpoint (with and without If-None-Match) and the API's GET namespace. Every read is recorded
 * and checked once all writes have been answered:
 * - torn: the body's sha256 is not the ETag's hash part (app), or the snapshot's canonical hash is
 *   not the activeHash reported beside it (API), or a 304 names another ETag than the one sent;
 * - unknown: the (version, content) pair is not one that a writer sent and the server
 *   acknowledged (every write is answered before checking, so "in flight" reads are covered);
 * - backwards: a reader saw versions in an order the audit log's sequence of activations does
 *   not allow (so going back is fine only through a rollback that happened in between).
 */
import { createHash } from 'node:crypto';
import { EventPage, MutationResponse, NamespaceDetailSchema, type AuditEvent } from '@contract/schemas';
import { snapshotHash } from '@core/canonical';
import type { Snapshot } from '@core/model';
import { FEATURES, snapshot } from '../test/harness';
import { LoopbackClient } from './loopback-http';

export interface SoakOptions {
  base: string;
  adminToken: string;
  namespace: string;
  writers: number;
  readers: number;
  /** Clients watching /v1/namespaces/:ns/watch (server-sent events), checked like the readers. */
  watchers: number;
  /** Stop once this many reads are recorded... */
  reads: number;
  /** ...or after this long, whichever comes first. */
  maxMs: number;
  /** Writer 0 rolls back one step after every this many of its loads. */
  rollbackEvery: number;
  /**
   * Each writer writes again once the readers have done this many more reads: the ratio of
   * reads to writes stays fixed whatever the machine's speed (a reader sees several reads of
   * most versions, so If-None-Match gets its 304s).
   */
  readsPerWrite: number;
}

export interface SoakReport {
  reads: number;
  appReads: number;
  notModified: number;
  apiReads: number;
  /** Snapshots pushed to the watchers. */
  watchEvents: number;
  torn: number;
  unknown: number;
  backwards: number;
  /** Reads that failed at the HTTP level (not 200/304), also a failure. */
  errors: number;
  writes: number;
  rollbacks: number;
  /** Distinct versions the readers saw. */
  versionsSeen: number;
  durationMs: number;
  examples: string[];
}

type ReaderKind = 'app' | 'app-inm' | 'api';
interface Read {
  version: number;
  hash: string;
  source: string | null;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const sourceOf = (s: { meta?: { source?: unknown } }) => (typeof s.meta?.source === 'string' ? s.meta.source : null);

export async function wholeSnapshotSoak(o: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const client = new LoopbackClient(o.base, o.writers + o.readers + 2);
  const auth = { authorization: `Bearer ${o.adminToken}` };
  const ns = encodeURIComponent(o.namespace);
  const features = FEATURES.map((f) => ({ ...f, key: f.key.replace('::checkout::', `::${o.namespace}::`) }));
  const rekey = (s: ReturnType<typeof snapshot>) => JSON.parse(JSON.stringify(s).replaceAll('::checkout::', `::${o.namespace}::`)) as Snapshot;

  /** version -> what was acknowledged for it (hash of the content, and the writer's unique source). */
  const acked = new Map<number, { hash: string; source: string | null }>();
  const examples: string[] = [];
  const note = (msg: string) => {
    if (examples.length < 10) examples.push(msg);
  };
  let writes = 0;
  let rollbacks = 0;

  const created = await client.request('POST', '/api/v1/namespaces', auth, JSON.stringify({ name: o.namespace, features, reason: 'S1 soak' }));
  if (created.status !== 201) throw new Error(`could not create ${o.namespace}: ${created.body.toString()}`);
  const first = MutationResponse.parse(JSON.parse(created.body.toString()));
  if (first.version) acked.set(first.version.version, { hash: first.version.hash, source: null });

  const seen: Read[][] = [];
  let reads = 0;
  let appReads = 0;
  let notModified = 0;
  let apiReads = 0;
  let torn = 0;
  let errors = 0;
  let stop = false;
  const deadline = started + o.maxMs;
  const mutate = async (op: string, body: unknown) => {
    const r = await client.request('POST', `/api/v1/namespaces/${ns}/${op}`, { ...auth, 'if-match': '*' }, JSON.stringify(body));
    if (r.status !== 200) throw new Error(`${op} answered ${r.status}: ${r.body.toString().slice(0, 300)}`);
    return MutationResponse.parse(JSON.parse(r.body.toString()));
  };
  const waiting: { at: number; wake: () => void }[] = [];
  const readsReach = (at: number) =>
    reads >= at || stop ? Promise.resolve() : new Promise<void>((wake) => waiting.push({ at, wake }));
  const wakeWriters = (all = false) => {
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i];
      if (w && (all || reads >= w.at)) {
        waiting.splice(i, 1);
        w.wake();
      }
    }
  };
  const running = () => !stop && Date.now() < deadline;
  const writer = async (w: number) => {
    for (let n = 0; running(); n++) {
      await readsReach(reads + o.readsPerWrite);
      if (!running()) break;
      const source = `w${w}-n${n}`;
      const m = await mutate('load', { snapshot: rekey(snapshot((w * 211 + n * 7) % 101, { meta: { source } })), reason: `S1 ${source}` });
      if (!m.version) throw new Error('a load wrote no version');
      acked.set(m.version.version, { hash: m.version.hash, source });
      writes++;
      if (w === 0 && n % o.rollbackEvery === o.rollbackEvery - 1) {
        await mutate('rollback', { steps: 1, reason: `S1 rollback after ${source}` });
        rollbacks++;
      }
    }
  };

  const reader = async (i: number, kind: ReaderKind) => {
    const mine: Read[] = [];
    seen[i] = mine;
    let etag: string | null = null;
    while (!stop && Date.now() < deadline) {
      if (reads >= o.reads) {
        stop = true;
        wakeWriters(true);
        break;
      }
      if (kind === 'api') {
        const r = await client.request('GET', `/api/v1/namespaces/${ns}`, auth);
        if (r.status !== 200) {
          errors++;
          note(`api read answered ${r.status}`);
          continue;
        }
        const d = NamespaceDetailSchema.parse(JSON.parse(r.body.toString()));
        const hash = snapshotHash(d.snapshot as unknown as Snapshot);
        if (hash !== d.activeHash) {
          torn++;
          note(`api: v${d.activeVersion} snapshot hashes to ${hash.slice(0, 12)}, activeHash is ${d.activeHash.slice(0, 12)}`);
        }
        mine.push({ version: d.activeVersion, hash, source: sourceOf(d.snapshot) });
        apiReads++;
      } else {
        const headers: Record<string, string> = kind === 'app-inm' && etag ? { 'if-none-match': etag } : {};
        const r = await client.request('GET', `/v1/namespaces/${ns}`, headers);
        const tag = String(r.headers.etag ?? '');
        const m = /^"(\d+)-([0-9a-f]{16})"$/.exec(tag);
        if (!m || (r.status !== 200 && r.status !== 304)) {
          errors++;
          note(`app read answered ${r.status} with ETag ${tag}`);
          continue;
        }
        const version = Number(m[1]);
        if (r.status === 304) {
          const last = mine.at(-1);
          if (tag !== etag || !last) {
            torn++;
            note(`app: 304 with ETag ${tag} for If-None-Match ${etag}`);
          } else mine.push(last);
          notModified++;
        } else {
          if (sha256(r.body).slice(0, 16) !== m[2]) {
            torn++;
            note(`app: body of ${tag} hashes to ${sha256(r.body).slice(0, 16)}`);
          }
          const doc = JSON.parse(r.body.toString()) as Snapshot;
          mine.push({ version, hash: snapshotHash(doc), source: sourceOf(doc) });
          etag = tag;
        }
        appReads++;
      }
      reads++;
      wakeWriters();
    }
    stop = true;
    wakeWriters(true);
  };

  // Watchers: every pushed snapshot must be whole (its id is the ETag of its bytes) and known.
  let watchEvents = 0;
  const closers: (() => void)[] = [];
  for (let i = 0; i < o.watchers; i++) {
    const mine: Read[] = [];
    seen[o.readers + i] = mine;
    closers.push(
      await client.events(`/v1/namespaces/${ns}/watch`, (e) => {
        const m = /^"(\d+)-([0-9a-f]{16})"$/.exec(e.id);
        const body = Buffer.from(e.data, 'utf8');
        if (!m || sha256(body).slice(0, 16) !== m[2]) {
          torn++;
          note(`watch: pushed ${e.id} whose body hashes to ${sha256(body).slice(0, 16)}`);
          return;
        }
        const doc = JSON.parse(e.data) as Snapshot;
        mine.push({ version: Number(m[1]), hash: snapshotHash(doc), source: sourceOf(doc) });
        watchEvents++;
      }),
    );
  }

  const kinds: ReaderKind[] = ['app-inm', 'app', 'app-inm', 'api'];
  try {
    await Promise.all([
      ...Array.from({ length: o.writers }, (_, w) => writer(w)),
      ...Array.from({ length: o.readers }, (_, i) => reader(i, kinds[i % kinds.length] ?? 'app')),
    ]);
  } finally {
    stop = true;
    wakeWriters(true);
  }
  for (const close of closers) close();

  // The order in which versions became active, from the audit log (oldest first).
  const events: AuditEvent[] = [];
  for (let before: number | null | undefined; before !== null; ) {
    const q = before ? `&before=${before}` : '';
    const r = await client.request('GET', `/api/v1/events?namespace=${ns}&limit=1000${q}`, auth);
    const page = EventPage.parse(JSON.parse(r.body.toString()));
    events.push(...page.items);
    before = page.nextBefore;
  }
  client.close();
  const activations = events
    .sort((a, b) => a.id - b.id)
    .map((e) => e.toVersion)
    .filter((v): v is number => v !== null);
  const positions = new Map<number, number[]>();
  activations.forEach((v, i) => positions.set(v, [...(positions.get(v) ?? []), i]));

  let unknown = 0;
  let backwards = 0;
  const versionsSeen = new Set<number>();
  seen.forEach((mine, i) => {
    let at = -1;
    let current: number | null = null;
    for (const read of mine) {
      versionsSeen.add(read.version);
      const known = acked.get(read.version);
      if (!known || known.hash !== read.hash || known.source !== read.source) {
        unknown++;
        note(`reader ${i}: v${read.version} (${read.source}, ${read.hash.slice(0, 12)}) was never acknowledged as such`);
      }
      if (read.version === current) continue;
      // Earliest activation of this version after the one the reader saw last (greedy is optimal).
      const next = (positions.get(read.version) ?? []).find((p) => p > at);
      if (next === undefined) {
        backwards++;
        note(`reader ${i}: saw v${read.version} after v${current}, which no sequence of activations allows`);
        continue;
      }
      at = next;
      current = read.version;
    }
  });

  return {
    reads,
    appReads,
    notModified,
    apiReads,
    watchEvents,
    torn,
    unknown,
    backwards,
    errors,
    writes,
    rollbacks,
    versionsSeen: versionsSeen.size,
    durationMs: Date.now() - started,
    examples,
  };
}
