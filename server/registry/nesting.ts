/**
 * Documents nested deeper than this are refused before any recursive code sees them (a 5 MiB
 * body of "[[[[…" would otherwise overflow the stack of a recursive walker). Real snapshots are
 * about ten levels deep; DATA_CLASS values add a few more.
 */
export const MAX_NESTING = 64;

/** Whether JSON text opens more than `max` arrays/objects at once (strings are skipped). */
export function textNestingExceeds(text: string, max = MAX_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** A lone (unpaired) UTF-16 surrogate: JSON escapes can produce one, UTF-8 cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isWellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

/**
 * Walks a parsed JSON value without recursion; returns the pointer of the first problem: nesting
 * deeper than `max`, a `__proto__` key (which turns into a prototype change once spread), or a
 * string or key holding a lone surrogate (`"\ud800"` is valid JSON but not text: SQLite would
 * store it as U+FFFD, so what is kept would differ from what was sent).
 */
export function findUnsafeJson(value: unknown, max = MAX_NESTING): { path: string; problem: 'depth' | 'proto' | 'unicode' } | null {
  // Each entry knows its parent and its token; pointers are built only for the problem found.
  interface Entry {
    v: unknown;
    depth: number;
    parent: Entry | null;
    token: string;
  }
  const pointerOf = (e: Entry | null, last?: string): string => {
    const tokens = last === undefined ? [] : [last];
    for (let at = e; at && at.parent; at = at.parent) tokens.push(at.token);
    return tokens.reverse().map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
  };
  const stack: Entry[] = [{ v: value, depth: 0, parent: null, token: '' }];
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    const { v, depth } = entry;
    if (typeof v === 'string' && !isWellFormed(v)) return { path: pointerOf(entry), problem: 'unicode' };
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return { path: pointerOf(entry), problem: 'depth' };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, parent: entry, token: String(i) });
    } else {
      for (const key of Object.keys(v)) {
        if (key === '__proto__') return { path: pointerOf(entry, key), problem: 'proto' };
        if (!isWellFormed(key)) return { path: pointerOf(entry, key), problem: 'unicode' };
        stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1, parent: entry, token: key });
      }
    }
  }
  return null;
}
