import { describe, expect, it } from 'vitest';
import { structuralDiff, toPointer } from './structural-diff';

describe('structuralDiff', () => {
  it('is empty for equal values, whatever the key order', () => {
    expect(structuralDiff({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toEqual([]);
  });

  it('names a changed nested field by JSON pointer with before and after', () => {
    const before = { type: 'conv.out.tool.called', data: { args: { limit: 10, q: 'x' } } };
    const after = { type: 'conv.out.tool.called', data: { args: { limit: 20, q: 'x' } } };
    expect(structuralDiff(before, after)).toEqual([{ path: '/data/args/limit', segments: ['data', 'args', 'limit'], op: 'changed', before: 10, after: 20 }]);
  });

  it('reports added and removed keys in sorted key order', () => {
    expect(structuralDiff({ a: 1, b: 2 }, { b: 2, c: 3 })).toEqual([
      { path: '/a', segments: ['a'], op: 'removed', before: 1 },
      { path: '/c', segments: ['c'], op: 'added', after: 3 },
    ]);
  });

  it('compares arrays index by index', () => {
    expect(structuralDiff({ items: [1, 2] }, { items: [1, 3, 4] })).toEqual([
      { path: '/items/1', segments: ['items', 1], op: 'changed', before: 2, after: 3 },
      { path: '/items/2', segments: ['items', 2], op: 'added', after: 4 },
    ]);
    expect(structuralDiff([1, 2], [1])).toEqual([{ path: '/1', segments: [1], op: 'removed', before: 2 }]);
  });

  it('reports a change of kind as one change', () => {
    expect(structuralDiff({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: '/a', segments: ['a'], op: 'changed', before: [1], after: { 0: 1 } }]);
    expect(structuralDiff({ a: null }, { a: {} })).toEqual([{ path: '/a', segments: ['a'], op: 'changed', before: null, after: {} }]);
  });

  it('handles primitives at the root', () => {
    expect(structuralDiff(1, 2)).toEqual([{ path: '', segments: [], op: 'changed', before: 1, after: 2 }]);
    expect(structuralDiff('x', 'x')).toEqual([]);
  });

  it('escapes "~" and "/" in pointers', () => {
    expect(structuralDiff({ 'a/b': 1, 'c~d': 1 }, { 'a/b': 2, 'c~d': 2 }).map((d) => d.path)).toEqual(['/a~1b', '/c~0d']);
    expect(toPointer(['x', 0, 'y/z'])).toBe('/x/0/y~1z');
  });

  it('uses own keys only (keys like "constructor" and "toString" are plain data)', () => {
    expect(structuralDiff({ constructor: 1 }, {})).toEqual([{ path: '/constructor', segments: ['constructor'], op: 'removed', before: 1 }]);
    expect(structuralDiff({}, { toString: 'x' })).toEqual([{ path: '/toString', segments: ['toString'], op: 'added', after: 'x' }]);
  });

  it('stops at the limit', () => {
    const a = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const b = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i + 1]));
    expect(structuralDiff(a, b, 10)).toHaveLength(10);
  });
});
