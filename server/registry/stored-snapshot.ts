/** Decoding of stored version content, with a small cache: stored content is immutable per hash. */
import { decodeUndeclaredSnapshot } from '@core/decode';
import type { Snapshot } from '@core/model';

const MAX_ENTRIES = 256;
const cache = new Map<string, Snapshot>();

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
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return decoded.value;
}
