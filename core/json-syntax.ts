/**
 * A small JSON grammar checker, used only after JSON.parse has rejected a document: V8's
 * messages give a character offset at best, and users need a line and a column. It is
 * iterative (explicit stack) so absurdly deep nesting cannot overflow the call stack.
 */

export interface SyntaxProblem {
  /** UTF-16 offset into the text where the problem was detected. */
  offset: number;
  /** e.g. "Unexpected token }" */
  what: string;
  /** e.g. "a value"; absent when there is nothing useful to add. */
  expected?: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : ch;
}

/** 1-based line and column of a UTF-16 offset; `\r\n`, `\n` and a lone `\r` each end a line. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Index just past a string starting at `start` (a `"`), or the problem found in it. */
function scanString(text: string, start: number): number | SyntaxProblem {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"') return i + 1;
    if (ch.charCodeAt(0) < 0x20) {
      return { offset: i, what: `Bad control character ${describeChar(ch)} in string`, expected: 'an escape such as \\n' };
    }
    if (ch === '\\') {
      const esc = text.charAt(i + 1);
      if (esc === 'u') {
        if (!HEX.test(text.slice(i + 2, i + 6))) return { offset: i, what: 'Bad unicode escape in string' };
        i += 6;
        continue;
      }
      if (!ESCAPES.has(esc)) return { offset: i, what: 'Bad escape in string' };
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: start, what: 'Unterminated string', expected: 'a closing "' };
}

function unexpected(text: string, i: number, expected: string): SyntaxProblem {
  if (i >= text.length) return { offset: text.length, what: 'Unexpected end of input', expected };
  return { offset: i, what: `Unexpected token ${describeChar(text.charAt(i))}`, expected };
}

/** Index just past a number or literal at `i`, or null when there is none. */
function scanScalar(text: string, i: number): number | null {
  for (const lit of LITERALS) if (text.startsWith(lit, i)) return i + lit.length;
  NUMBER.lastIndex = i;
  const m = NUMBER.exec(text);
  if (m === null || m[0].length === 0) return null;
  return i + m[0].length;
}

/** The first syntax problem in `text`, or null when it is valid JSON. */
export function findSyntaxError(text: string): SyntaxProblem | null {
  const stack: ('{' | '[')[] = [];
  let mode: 'value' | 'key' | 'after' = 'value';
  let i = 0;
  const skipWs = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  for (;;) {
    skipWs();
    const ch = text.charAt(i);
    if (mode === 'value') {
      if (ch === '{' || ch === '[') {
        i++;
        skipWs();
        if (text.charAt(i) === (ch === '{' ? '}' : ']')) {
          i++;
          mode = 'after';
        } else {
          stack.push(ch);
          mode = ch === '{' ? 'key' : 'value';
        }
      } else if (ch === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        mode = 'after';
      } else {
        const end = scanScalar(text, i);
        if (end === null) return unexpected(text, i, 'a value');
        // A number followed by junk such as `01` or `1.` is reported at the junk.
        i = end;
        mode = 'after';
      }
    } else if (mode === 'key') {
      if (ch !== '"') return unexpected(text, i, 'a property name in double quotes');
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      skipWs();
      if (text.charAt(i) !== ':') return unexpected(text, i, '":" after the property name');
      i++;
      mode = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i >= text.length ? null : unexpected(text, i, 'end of input');
      const close = top === '{' ? '}' : ']';
      if (ch === ',') {
        i++;
        mode = top === '{' ? 'key' : 'value';
      } else if (ch === close) {
        i++;
        stack.pop();
      } else {
        return unexpected(text, i, `"," or "${close}"`);
      }
    }
  }
}
