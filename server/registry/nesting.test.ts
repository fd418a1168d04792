import { describe, expect, it } from 'vitest';
import { findUnsafeJson } from './nesting';

describe('findUnsafeJson', () => {
  it('passes ordinary documents', () => {
    expect(findUnsafeJson({ flags: [{ key: 'a/b~c', rules: [{ axes: { x: ['y'] } }] }], meta: null })).toBeNull();
  });

  it('points at the first problem, with escaped pointer tokens', () => {
    expect(findUnsafeJson(JSON.parse('{"flags":[{"a/b":{"__proto__":1}}]}'))).toEqual({ path: '/flags/0/a~1b/__proto__', problem: 'proto' });
    expect(findUnsafeJson({ flags: [{ 'x~y': ['ok', 'bad \ud800'] }] })).toEqual({ path: '/flags/0/x~0y/1', problem: 'unicode' });
    expect(findUnsafeJson({ m: { ['k\udc00']: 1 } })).toEqual({ path: '/m/k\udc00', problem: 'unicode' });
    expect(findUnsafeJson('\ud800')).toEqual({ path: '', problem: 'unicode' });
    expect(findUnsafeJson({ a: [[[1]]] }, 3)).toEqual({ path: '/a/0/0', problem: 'depth' });
  });
});
