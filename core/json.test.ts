import { describe, expect, it } from 'vitest';
import { escapePointerToken, locatePointer, parseJson, parsePointer, pointer } from './json';
import { findSyntaxError } from './json-syntax';

function parseError(text: string): string {
  const r = parseJson(text);
  if (r.ok) throw new Error('expected a parse error');
  expect(r.error.kind).toBe('InvalidJson');
  expect(r.error.path).toBeUndefined();
  return r.error.message;
}

describe('parseJson', () => {
  it('parses valid JSON', () => {
    expect(parseJson('{"a":[1,2,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, 2, { b: null }] } });
    expect(parseJson('\uFEFF{"bom":true}')).toEqual({ ok: true, value: { bom: true } });
  });

  it('says line and column of the first error', () => {
    expect(parseError('{\n  "a": 1,\n    }')).toMatch(/^Unexpected token } at line 3, column 5 \(expected a property name/);
    expect(parseError('[1, 2,]')).toMatch(/Unexpected token ] at line 1, column 7 \(expected a value\)/);
    expect(parseError('{"a": 1 "b": 2}')).toMatch(/Unexpected token " at line 1, column 9 \(expected "," or "}"\)/);
    expect(parseError('{"a" 1}')).toMatch(/line 1, column 6 \(expected ":"/);
    expect(parseError('{ this is not valid JSON at all }')).toMatch(/Unexpected token t at line 1, column 3/);
    expect(parseError('')).toMatch(/Unexpected end of input at line 1, column 1 \(expected a value\)/);
    expect(parseError('{"a": [1, 2')).toMatch(/Unexpected end of input at line 1, column 12/);
    expect(parseError('{"a": "x\n"}')).toMatch(/Bad control character U\+000A in string at line 1, column 9/);
    expect(parseError('{"a": "x')).toMatch(/Unterminated string at line 1, column 7/);
    expect(parseError('{"a": "\\x"}')).toMatch(/Bad escape in string at line 1, column 8/);
    expect(parseError('{"a": "\\u12g4"}')).toMatch(/Bad unicode escape/);
    expect(parseError('{"a": 01}')).toMatch(/Unexpected token 1 at line 1, column 8/);
    expect(parseError('{"a": 1.}')).toMatch(/Unexpected token \. at line 1, column 8/);
    expect(parseError('{"a": tru}')).toMatch(/Unexpected token t at line 1, column 7/);
    expect(parseError('{} {}')).toMatch(/line 1, column 4 \(expected end of input\)/);
    expect(parseError("{'a': 1}")).toMatch(/Unexpected token ' at line 1, column 2/);
  });

  it('counts CRLF and lone CR as one line break each', () => {
    expect(parseError('{\r\n"a":1,\r\n}')).toMatch(/line 3, column 1/);
    expect(parseError('{\r"a":1,\r}')).toMatch(/line 3, column 1/);
  });

  it('agrees with JSON.parse on what is valid', () => {
    const samples = ['1', '-0.5e+3', '"\\u00e9\\n"', 'true', 'null', '[]', '{}', ' [ { "a" : [ ] } ] ', '1e400'];
    for (const s of samples) {
      expect(findSyntaxError(s)).toBeNull();
      expect(parseJson(s).ok).toBe(true);
    }
    for (const s of ['-', '1e', '.5', '+1', '[,]', '{"a":}', 'nul', '"\t"', 'NaN', '[1]]']) {
      expect(() => JSON.parse(s)).toThrow(SyntaxError);
      expect(findSyntaxError(s)).not.toBeNull();
    }
  });

  it('survives absurd nesting', () => {
    const deep = '['.repeat(200_000);
    expect(parseError(deep)).toMatch(/Unexpected end of input/);
  });
});

describe('pointers', () => {
  it('escapes tokens per RFC 6901', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
    expect(pointer('flags', 2, 'rules', 0, 'rampUp')).toBe('/flags/2/rules/0/rampUp');
    expect(pointer('axes', 'x/y', '~')).toBe('/axes/x~1y/~0');
    expect(pointer()).toBe('');
    expect(parsePointer('/axes/x~1y/~01')).toEqual(['axes', 'x/y', '~1']);
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('flags')).toBeNull();
  });
});

describe('locatePointer', () => {
  const text = [
    '{',
    '  "meta": { "version": "1" },',
    '  "flags": [',
    '    {',
    '      "key": "feature::app::a",',
    '      "rules": [ { "rampUp": 101, "axes": { "a/b": ["x"], "t~": [] } } ]',
    '    },',
    '    { "key": "feature::app::b" }',
    '  ]',
    '}',
  ].join('\n');

  it('finds members (at their key) and array elements', () => {
    expect(locatePointer(text, '')).toEqual({ line: 1, column: 1 });
    expect(locatePointer(text, '/meta/version')).toEqual({ line: 2, column: 13 });
    expect(locatePointer(text, '/flags')).toEqual({ line: 3, column: 3 });
    expect(locatePointer(text, '/flags/0')).toEqual({ line: 4, column: 5 });
    expect(locatePointer(text, '/flags/0/key')).toEqual({ line: 5, column: 7 });
    expect(locatePointer(text, '/flags/0/rules/0/rampUp')).toEqual({ line: 6, column: 20 });
    expect(locatePointer(text, '/flags/0/rules/0/axes/a~1b/0')).toEqual({ line: 6, column: 53 });
    expect(locatePointer(text, '/flags/0/rules/0/axes/t~0')).toEqual({ line: 6, column: 59 });
    expect(locatePointer(text, '/flags/1/key')).toEqual({ line: 8, column: 7 });
  });

  it('falls back to the nearest existing ancestor for a missing member', () => {
    expect(locatePointer(text, '/flags/1/defaultValue/type')).toEqual({ line: 8, column: 5 });
    expect(locatePointer(text, '/flags/7')).toEqual({ line: 3, column: 3 });
    expect(locatePointer(text, '/flags/x')).toEqual({ line: 3, column: 3 });
  });

  it('returns null when there is nothing to locate', () => {
    expect(locatePointer('   ', '/flags')).toBeNull();
    expect(locatePointer(text, 'flags')).toBeNull();
  });

  it('picks the last duplicate key, as JSON.parse does', () => {
    expect(locatePointer('{"a": 1,\n "a": 2}', '/a')).toEqual({ line: 2, column: 2 });
  });

  it('handles escapes, strings with brackets, CRLF and a BOM', () => {
    const t = '\uFEFF{"s": "}]{[\\"",\r\n "k\\u0065y": {"n": [1, {"z": true}]}}';
    expect(locatePointer(t, '/key/n/1/z')).toEqual({ line: 2, column: 25 });
  });

  it('tolerates syntax errors after the target', () => {
    expect(locatePointer('{"flags": [{"key": 1}], oops', '/flags/0/key')).toEqual({ line: 1, column: 13 });
    expect(locatePointer('{"flags": [{"key": ', '/flags/0/key/x')).toEqual({ line: 1, column: 13 });
  });
});
