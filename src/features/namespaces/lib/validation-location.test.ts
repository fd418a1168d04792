import { describe, expect, it } from 'vitest';
import { errorLocation, linesAround } from './validation-location';

const doc = `{
  "flags": [
    {
      "key": "feature::payments::threeDs",
      "defaultValue": { "type": "BOOLEAN", "value": "yes" }
    }
  ]
}`;

describe('errorLocation', () => {
  it('finds the line a JSON pointer designates in the submitted text', () => {
    expect(errorLocation(doc, { message: 'expected a boolean', path: '/flags/0/defaultValue/value' })).toEqual({ line: 5, column: 44 });
  });

  it('reads the line and column of a syntax error from the message', () => {
    expect(errorLocation('{}', { message: 'Unexpected token } at line 3, column 5 (expected a value).' })).toEqual({ line: 3, column: 5 });
  });

  it('finds a syntax error locally when the message has no position', () => {
    expect(errorLocation('{\n  "flags": [,]\n}', { message: 'not JSON' })).toEqual({ line: 2, column: 13 });
  });

  it('gives up quietly when there is nothing to point at', () => {
    expect(errorLocation('{}', { message: 'FeatureNotFound' })).toBeNull();
  });
});

describe('linesAround', () => {
  it('returns the line with its neighbours, numbered from 1', () => {
    expect(linesAround('a\nb\nc\nd', 2)).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'b' },
      { number: 3, text: 'c' },
    ]);
  });
});
