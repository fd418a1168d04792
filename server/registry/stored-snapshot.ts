/**
 * Decoding of stored version content, with a small LRU cache: stored content is immutable per
 * hash. The cache is bounded by the number of flags it holds, not entries, so a few 2,000-flag
 * snapshots cannot crowd memory the way 256 of them would.
 */
import { decodeUndeclaredSnapshot } from '@core/decode';
import type { Snapshot } from '@core/model';

const MAX_FLAGS_CACHED = 50_000;
const cache = new Map<string, Snapshot>();
let cachedFlags = 0;

const weight = (s: Snapshot) => s.flags.length + 1;

/** The stored content (serializeSnapshot output) as a Snapshot; stored content always decodes. */
export function storedSnapshot(namespace: string, hash: string, content: string): Snapshot {
  const key = `${namespace}\u0000${hash}`;
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
  cache.set(key, decoded.value);
  cachedFlags += weight(decoded.value);
  for (const [oldest, snapshot] of cache) {
    if (cachedFlags <= MAX_FLAGS_CACHED || oldest === key) break;
    cache.delete(oldest);
    cachedFlags -= weight(snapshot);
  }
  return decoded.value;
}
