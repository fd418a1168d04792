import { err, ok, type Result } from './model';
import { findSyntaxError, lineColumnAt } from './json-syntax';

const BOM = 0xfeff;

/** Editors on some systems prepend a byte-order mark; it is not JSON whitespace, so drop it. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/**
 * JSON.parse with an error a person can act on: InvalidJson, message with 1-based line and
 * column (e.g. "Unexpected token } at line 3, column 5 (expected a value)"), no path.
 */
export function parseJson(text: string): Result<unknown> {
  const src = stripBom(text);
  try {
    return ok(JSON.parse(src) as unknown);
  } catch (e) {
    const problem = findSyntaxError(src);
    if (problem === null) {
      // JSON.parse refused something our grammar accepts (should not happen); keep its words.
      const reason = e instanceof Error ? e.message : String(e);
      return err({ kind: 'InvalidJson', message: `The document is not valid JSON: ${reason}` });
    }
    const { line, column } = lineColumnAt(src, problem.offset);
    const expected = problem.expected === undefined ? '' : ` (expected ${problem.expected})`;
    return err({
      kind: 'InvalidJson',
      message: `${problem.what} at line ${line}, column ${column}${expected}. Fix the JSON syntax and submit again.`,
    });
  }
}

/** RFC 6901: `~` -> `~0`, `/` -> `~1`. */
export function escapePointerToken(s: string): string {
  // Most tokens (indexes, field names) hold neither character: no new string then.
  if (!s.includes('~') && !s.includes('/')) return s;
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `pointer('flags', 2, 'key')` -> `/flags/2/key`; `pointer()` -> `` (the whole document). */
export function pointer(...tokens: (string | number)[]): string {
  let out = '';
  for (const t of tokens) out += `/${escapePointerToken(String(t))}`;
  return out;
}

/** Tokens of an RFC 6901 pointer, or null when it is not one (it must be empty or start with `/`). */
export function parsePointer(ptr: string): string[] | null {
  if (ptr === '') return [];
  if (!ptr.startsWith('/')) return null;
  return ptr
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

// ---------- locatePointer: a tolerant scanner over raw text ----------

function skipWs(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  return i;
}

/** Index just past the string starting at `i`; tolerant of a missing closing quote. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const ch = text.charAt(j);
    if (ch === '\\') j += 2;
    else if (ch === '"') return j + 1;
    else j++;
  }
  return text.length;
}

/** Index just past the value starting at `i` (bracket counting; strings skipped). */
function skipValue(text: string, i: number): number {
  const first = text.charAt(i);
  if (first === '"') return skipString(text, i);
  if (first === '{' || first === '[') {
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const ch = text.charAt(j);
      if (ch === '"') {
        j = skipString(text, j);
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !',}] \t\n\r'.includes(text.charAt(j))) j++;
  return j;
}

function decodeKey(raw: string): string {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw.slice(1, -1);
  }
}

interface Found {
  anchor: number;
  value: number;
}

/** The last member named `name` of the object at `i` (JSON.parse keeps the last duplicate). */
function findMember(text: string, i: number, name: string): Found | null {
  let found: Found | null = null;
  let j = i + 1;
  for (;;) {
    j = skipWs(text, j);
    if (text.charAt(j) !== '"') return found;
    const keyStart = j;
    j = skipString(text, j);
    const key = decodeKey(text.slice(keyStart, j));
    j = skipWs(text, j);
    if (text.charAt(j) !== ':') return found;
    j = skipWs(text, j + 1);
    if (key === name) found = { anchor: keyStart, value: j };
    j = skipWs(text, skipValue(text, j));
    if (text.charAt(j) !== ',') return found;
    j++;
  }
}

function findElement(text: string, i: number, token: string): Found | null {
  if (!/^(0|[1-9]\d*)$/.test(token)) return null;
  const index = Number(token);
  let j = skipWs(text, i + 1);
  for (let k = 0; j < text.length && text.charAt(j) !== ']'; k++) {
    if (k === index) return { anchor: j, value: j };
    j = skipWs(text, skipValue(text, j));
    if (text.charAt(j) !== ',') return null;
    j = skipWs(text, j + 1);
  }
  return null;
}

/**
 * Where the value a JSON pointer designates starts in raw JSON text (1-based line/column), for
 * highlighting. For an object member this is the member's key, so the whole `"key": value`
 * line is the one shown. When the pointer names something absent (errors such as "defaultValue
 * is required" point at a missing member), the nearest existing ancestor is returned instead,
 * because that is the line the user must edit. Null only when the text has no value at all or
 * `ptr` is not a JSON pointer. Tolerant of syntax errors after the located value.
 */
export function locatePointer(text: string, ptr: string): { line: number; column: number } | null {
  const src = stripBom(text);
  const tokens = parsePointer(ptr);
  if (tokens === null) return null;
  let value = skipWs(src, 0);
  if (value >= src.length) return null;
  let anchor = value;
  for (const token of tokens) {
    const ch = src.charAt(value);
    const found = ch === '{' ? findMember(src, value, token) : ch === '[' ? findElement(src, value, token) : null;
    if (found === null) break;
    anchor = found.anchor;
    value = found.value;
  }
  return lineColumnAt(src, anchor);
}
