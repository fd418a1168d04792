/**
 * A field-by-field difference of two JSON values, for showing two outputs side by side.
 * Objects compare by own keys; arrays compare index by index (an insertion shows as changes
 * from that index on, which is what a side-by-side view lines up anyway); a change of kind
 * (object vs array vs primitive) is one change at that path. Written here rather than taken
 * from microdiff because microdiff tests keys with `in` (so keys like "constructor" or
 * "toString" are misreported) and types its values as `any`; ingest data is untrusted.
 */
import type { JsonValue } from '../model';

export type DiffOp = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  /** RFC 6901 JSON pointer from the root of both values, e.g. `/data/args/limit`. */
  path: string;
  /** The same path as segments; array indices are numbers. */
  segments: (string | number)[];
  op: DiffOp;
  /** Absent for `added`. */
  before?: JsonValue;
  /** Absent for `removed`. */
  after?: JsonValue;
}

/** RFC 6901 escaping of one segment. */
export const escapePointerSegment = (segment: string | number): string => String(segment).replaceAll('~', '~0').replaceAll('/', '~1');

export const toPointer = (segments: readonly (string | number)[]): string => segments.map((s) => `/${escapePointerSegment(s)}`).join('');

type JsonObject = { [key: string]: JsonValue };
const isJsonObject = (v: JsonValue): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

type Kind = 'array' | 'object' | 'primitive';
const kindOf = (v: JsonValue): Kind => (Array.isArray(v) ? 'array' : isJsonObject(v) ? 'object' : 'primitive');

function walk(a: JsonValue, b: JsonValue, segments: (string | number)[], out: DiffEntry[], limit: number): void {
  if (out.length >= limit) return;
  const ka = kindOf(a);
  const kb = kindOf(b);
  const push = (entry: Omit<DiffEntry, 'path' | 'segments'>, at: (string | number)[]): void => {
    if (out.length < limit) out.push({ path: toPointer(at), segments: at, ...entry });
  };
  if (ka !== kb) {
    push({ op: 'changed', before: a, after: b }, segments);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const at = [...segments, i];
      const x = a[i];
      const y = b[i];
      if (i >= b.length && x !== undefined) push({ op: 'removed', before: x }, at);
      else if (i >= a.length && y !== undefined) push({ op: 'added', after: y }, at);
      else if (x !== undefined && y !== undefined) walk(x, y, at, out, limit);
    }
    return;
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const at = [...segments, k];
      const inA = Object.hasOwn(a, k);
      const inB = Object.hasOwn(b, k);
      const x = a[k];
      const y = b[k];
      if (inA && !inB && x !== undefined) push({ op: 'removed', before: x }, at);
      else if (!inA && inB && y !== undefined) push({ op: 'added', after: y }, at);
      else if (x !== undefined && y !== undefined) walk(x, y, at, out, limit);
    }
    return;
  }
  if (a !== b) push({ op: 'changed', before: a, after: b }, segments);
}

/**
 * Differences from `before` to `after`, object keys in sorted order, at most `limit` entries
 * (default 500). Equal values give `[]`.
 */
export function structuralDiff(before: JsonValue, after: JsonValue, limit = 500): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk(before, after, [], out, limit);
  return out;
}
