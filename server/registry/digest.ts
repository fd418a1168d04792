/**
 * core/canonical's sha256Hex and snapshotHash with Node's native SHA-256: the same hex digests
 * (core keeps a portable implementation for the browser), an order of magnitude faster on the
 * write path, where every load hashes its whole snapshot.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@core/canonical';
import type { Snapshot } from '@core/model';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Content hash of a decoded snapshot (equal to core/canonical's snapshotHash). */
export function snapshotHash(snapshot: Snapshot): string {
  return sha256Hex(canonicalJson(snapshot));
}
