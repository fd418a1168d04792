/**
 * A stable grouping key for a parity mismatch (product O8): what kind of difference it is,
 * without the subject or any data value, so the same bug seen in a thousand conversations
 * lands in one group. Built from the surplus outputs of a comparison:
 * - surplus outputs of one type on both sides are paired in order and their differing fields
 *   named: "data differs: conv.out.tool.called (fields: args.limit)"; array indices collapse
 *   to `[]` ("items[].price"); "subject differs: T" when only the subject differs;
 * - unpaired surplus becomes "v1 extra: T" (V2 did not produce it) or "v2 extra: T".
 * Types are listed as a set, not a multiset: how often an extra repeats follows the length of
 * the conversation, not the nature of the bug. Parts are sorted and joined with "; ".
 */
import type { JsonValue } from '../model';
import type { ParityOutput } from './model';
import type { ParityComparison } from './parity';
import { structuralDiff } from './structural-diff';

const MAX_FIELDS = 6;
const MAX_TYPES = 10;

function listWithMore(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} +${items.length - max} more` : shown;
}

/** "args.limit", "items[].price", or "data" for the data root itself. */
function fieldName(segments: readonly (string | number)[]): string {
  let name = '';
  for (const s of segments) {
    if (typeof s === 'number') name += '[]';
    else name += name === '' ? s : `.${s}`;
  }
  return name === '' ? 'data' : name;
}

function byType(outputs: readonly ParityOutput[]): Map<string, ParityOutput[]> {
  const m = new Map<string, ParityOutput[]>();
  for (const o of outputs) {
    const list = m.get(o.type);
    if (list) list.push(o);
    else m.set(o.type, [o]);
  }
  return m;
}

const dataOf = (o: ParityOutput): JsonValue => o.data ?? {};

/** The grouping key of a comparison: "match", "legacy unavailable", or the mismatch shape. */
export function mismatchPattern(result: ParityComparison): string {
  if (result.status === 'match') return 'match';
  if (result.status === 'legacy_unavailable') return 'legacy unavailable';
  const v1 = byType(result.onlyInV1);
  const v2 = byType(result.onlyInV2);
  const types = [...new Set([...v1.keys(), ...v2.keys()])].sort();
  const parts: string[] = [];
  const v1Extra: string[] = [];
  const v2Extra: string[] = [];
  for (const type of types) {
    const a = v1.get(type) ?? [];
    const b = v2.get(type) ?? [];
    const pairs = Math.min(a.length, b.length);
    const fields = new Set<string>();
    let subjectDiffers = false;
    for (let i = 0; i < pairs; i++) {
      const x = a[i];
      const y = b[i];
      if (x === undefined || y === undefined) continue;
      if ((x.subject ?? null) !== (y.subject ?? null)) subjectDiffers = true;
      for (const d of structuralDiff(dataOf(x), dataOf(y), 50)) fields.add(fieldName(d.segments));
    }
    if (fields.size > 0) {
      const what = subjectDiffers ? 'data and subject differ' : 'data differs';
      parts.push(`${what}: ${type} (fields: ${listWithMore([...fields].sort(), MAX_FIELDS)})`);
    } else if (subjectDiffers) {
      parts.push(`subject differs: ${type}`);
    }
    if (a.length > pairs) v1Extra.push(type);
    if (b.length > pairs) v2Extra.push(type);
  }
  parts.sort();
  if (parts.length > MAX_TYPES) parts.splice(MAX_TYPES, parts.length - MAX_TYPES, `+${parts.length - MAX_TYPES} more differing types`);
  if (v1Extra.length > 0) parts.push(`v1 extra: ${listWithMore(v1Extra, MAX_TYPES)}`);
  if (v2Extra.length > 0) parts.push(`v2 extra: ${listWithMore(v2Extra, MAX_TYPES)}`);
  return parts.length > 0 ? parts.join('; ') : 'mismatch';
}
