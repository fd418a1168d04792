/**
 * Decoding of stored version content, with a small LRU cache: stored content is immutable per
 * hash. The cache is bounded by the number of flags it holds, not entries, so a few 2,000-flag
 * snapshots cannot crowd memory the way 256 of them would.
 */
import { decodeSnapshot, decodeUndeclaredSnapshot } from '@core/decode';
import { ok, type DeclaredFeature, type NamespaceSchema, type Result, type Snapshot } from '@core/model';

const MAX_FLAGS_CACHED = 50_000;
const cache = new Map<string, Snapshot>();
let cachedFlags = 0;

const weight = (s: Snapshot) => s.flags.length + 1;

const keyOf = (namespace: string, hash: string) => `${namespace}\u0000${hash}`;

function keep(key: string, snapshot: Snapshot): void {
  cache.set(key, snapshot);
  cachedFlags += weight(snapshot);
  for (const [oldest, s] of cache) {
    if (cachedFlags <= MAX_FLAGS_CACHED || oldest === key) break;
    cache.delete(oldest);
    cachedFlags -= weight(s);
  }
}

/** The stored content (serializeSnapshot output) as a Snapshot; stored content always decodes. */
export function storedSnapshot(namespace: string, hash: string, content: string): Snapshot {
  const key = keyOf(namespace, hash);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const decoded = decodeUndeclaredSnapshot(content, namespace);
  if (!decoded.ok) {
    throw new Error(`stored content of ${namespace} (${hash}) does not decode: ${decoded.error.message}`);
  }
  keep(key, decoded.value);
  return decoded.value;
}

/**
 * Remembers a snapshot just decoded from a submission under the hash of its content, so the
 * version about to be stored is not decoded again when it is next read (the rollback after a
 * load). Decoding is idempotent (decoding serializeSnapshot(s) gives s again), and the hash names
 * the content, so this is what storedSnapshot would decode; the snapshot must not be modified.
 */
export function rememberSnapshot(namespace: string, hash: string, snapshot: Snapshot): void {
  const key = keyOf(namespace, hash);
  if (!cache.has(key)) keep(key, snapshot);
}

/** Per feature declarations (the parsed array a namespace row shares, see sqlite-rows.ts): the stored snapshots known to fit them. */
const fitting = new WeakMap<readonly DeclaredFeature[], Set<string>>();
const MAX_FITTING = 10_000;

/**
 * Stored content decoded against declared features (what making it live again requires): the
 * cached snapshot when it validates, else the error decodeSnapshot gives. Declared features only
 * add checks to the decoding, so a snapshot that fits is the one storedSnapshot returns; a version
 * found to fit the same declarations before is not walked again.
 */
export function fittingStoredSnapshot(schema: NamespaceSchema, hash: string, content: string): Result<Snapshot> {
  const key = keyOf(schema.namespace, hash);
  const snapshot = storedSnapshot(schema.namespace, hash, content);
  let known = fitting.get(schema.features);
  if (known?.has(key)) return ok(snapshot);
  const decoded = decodeSnapshot(snapshot, schema);
  if (!decoded.ok) return decoded;
  if (!known || known.size >= MAX_FITTING) {
    known = new Set();
    fitting.set(schema.features, known);
  }
  known.add(key);
  return ok(snapshot);
}
