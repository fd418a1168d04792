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
  // Appends to one string (no intermediate arrays) and quotes each distinct key once: every load
  // hashes its whole snapshot, whose thousands of objects share a few dozen keys.
  const write = (v: unknown): string | undefined => {
    switch (typeof v) {
      case 'string':
      case 'number':
        return JSON.stringify(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'object':
        break;
      default:
        return undefined;
    }
    if (v === null) return 'null';
    if (ancestors.includes(v)) throw new TypeError('canonicalJson: the value contains a cycle');
    ancestors.push(v);
    let out: string;
    if (Array.isArray(v)) {
      out = '[';
      for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + (write(v[i]) ?? 'null');
      out += ']';
    } else {
      const obj = v as Record<string, unknown>;
      out = '{';
      let first = true;
      for (const key of Object.keys(obj).sort()) {
        const s = write(obj[key]);
        if (s === undefined) continue;
        out += (first ? '' : ',') + quotedKey(key) + ':' + s;
        first = false;
      }
      out += '}';
    }
    ancestors.pop();
    return out;
  };
  return write(value) ?? 'null';
}

const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 4096;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS && key.length <= 64) quotedKeys.set(key, quoted);
  }
  return quoted;
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
