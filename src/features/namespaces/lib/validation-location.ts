/**
 * Where a rejected snapshot or patch went wrong, as a line in the text the user submitted:
 * from the JSON pointer the server gave (shape errors), else the line and column in the
 * message (syntax errors), else a local parse (so a syntax error is found even offline).
 */
import { locatePointer, parseJson } from '@core/json';

export interface TextLocation {
  line: number;
  column: number;
}

const LINE_COLUMN = /line (\d+), column (\d+)/;

function fromMessage(message: string): TextLocation | null {
  const m = LINE_COLUMN.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

export function errorLocation(text: string, error: { message: string; path?: string | undefined }): TextLocation | null {
  if (error.path !== undefined && error.path !== '') {
    const found = locatePointer(text, error.path);
    if (found) return found;
  }
  const inMessage = fromMessage(error.message);
  if (inMessage) return inMessage;
  const local = parseJson(text);
  return local.ok ? null : fromMessage(local.error.message);
}

/** The offending line and its neighbours, for showing next to the error. */
export function linesAround(text: string, line: number, context = 1): { number: number; text: string }[] {
  const lines = text.split(/\r\n|\n|\r/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const out: { number: number; text: string }[] = [];
  for (let n = first; n <= last; n++) out.push({ number: n, text: lines[n - 1] ?? '' });
  return out;
}
