import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Snapshot } from './model';

/**
 * RFC 8785-style canonical JSON: object keys sorted by UTF-16 code units, no whitespace,
 * strings and numbers exactly as JSON.stringify writes them (which is what RFC 8785 specifies).
 * As in JSON.stringify, `undefined` members are omitted and become `null` inside arrays.
 * Throws TypeError on a cycle (never produced by the decoder).
 */
export function canonicalJson(value: unknown): string {
  const ancestors: object[] = [];
  const write = (v: unknown): string | undefined => {
    if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return JSON.stringify(v);
    if (typeof v !== 'object') return undefined;
    if (ancestors.includes(v)) throw new TypeError('canonicalJson: the value contains a cycle');
    ancestors.push(v);
    let out: string;
    if (Array.isArray(v)) {
      out = `[${v.map((item: unknown) => write(item) ?? 'null').join(',')}]`;
    } else {
      const obj = v as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        const s = write(obj[key]);
        if (s !== undefined) members.push(`${JSON.stringify(key)}:${s}`);
      }
      out = `{${members.join(',')}}`;
    }
    ancestors.pop();
    return out;
  };
  return write(value) ?? 'null';
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Content hash of a decoded snapshot: equal content hashes equal, whatever the input's formatting. */
export function snapshotHash(snapshot: Snapshot): string {
  return sha256Hex(canonicalJson(snapshot));
}

/** The JSON served to apps: the decoded snapshot in its fixed key order (see core/decode-flag.ts). */
export function serializeSnapshot(snapshot: Snapshot): string {
  return JSON.stringify(snapshot);
}
