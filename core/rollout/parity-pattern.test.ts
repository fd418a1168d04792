import { describe, expect, it } from 'vitest';
import type { ParityOutput } from './model';
import { compareOutputs } from './parity';
import { mismatchPattern } from './parity-pattern';

const out = (type: string, data: ParityOutput['data'], subject: string | null = 'conv-1'): ParityOutput => ({ type, subject, data });
const pattern = (v1: ParityOutput[] | null, v2: ParityOutput[]): string => mismatchPattern(compareOutputs(v1, v2));

describe('mismatchPattern', () => {
  it('names matches and legacy-unavailable comparisons', () => {
    expect(pattern([out('a', {})], [out('a', {})])).toBe('match');
    expect(pattern(null, [out('a', {})])).toBe('legacy unavailable');
  });

  it('names an extra output and its side', () => {
    const started = out('conv.out.message.started', { id: 'm1' });
    expect(pattern([started], [started, out('conv.out.message.completed', { id: 'm1' })])).toBe('v2 extra: conv.out.message.completed');
    expect(pattern([started, out('conv.out.audit.logged', {})], [started])).toBe('v1 extra: conv.out.audit.logged');
  });

  it('names the fields that differ between outputs of the same type', () => {
    const v1 = [out('conv.out.tool.called', { tool: 'search', args: { limit: 10, q: 'x' } })];
    const v2 = [out('conv.out.tool.called', { tool: 'search', args: { limit: 20, q: 'x' } })];
    expect(pattern(v1, v2)).toBe('data differs: conv.out.tool.called (fields: args.limit)');
  });

  it('is the same key across subjects, ids, timestamps and values', () => {
    const a = pattern(
      [out('conv.out.tool.called', { args: { limit: 10 }, at: '2026-01-01T00:00:00Z' }, 'conv-1')],
      [out('conv.out.tool.called', { args: { limit: 20 }, at: '2026-01-01T00:00:00Z' }, 'conv-1'), out('conv.out.message.completed', { id: 'a' }, 'conv-1')],
    );
    const b = pattern(
      [out('conv.out.tool.called', { args: { limit: 5 }, at: '2026-03-03T10:00:00Z' }, 'conv-99')],
      [out('conv.out.tool.called', { args: { limit: 50 }, at: '2026-03-03T10:00:00Z' }, 'conv-99'), out('conv.out.message.completed', { id: 'zz' }, 'conv-99')],
    );
    expect(a).toBe('data differs: conv.out.tool.called (fields: args.limit); v2 extra: conv.out.message.completed');
    expect(b).toBe(a);
  });

  it('collapses array indices and ignores how many times an extra repeats', () => {
    const v1 = [out('cart.priced', { items: [{ price: 1 }, { price: 2 }] })];
    const v2 = [out('cart.priced', { items: [{ price: 1 }, { price: 3 }] })];
    expect(pattern(v1, v2)).toBe('data differs: cart.priced (fields: items[].price)');
    const once = pattern([], [out('x.ping', { n: 1 })]);
    const thrice = pattern([], [out('x.ping', { n: 1 }), out('x.ping', { n: 2 }), out('x.ping', { n: 3 })]);
    expect(thrice).toBe(once);
  });

  it('names a subject-only difference', () => {
    expect(pattern([out('t', { a: 1 }, 'conv-1')], [out('t', { a: 1 }, 'conv-2')])).toBe('subject differs: t');
    expect(pattern([out('t', { a: 1 }, 'conv-1')], [out('t', { a: 2 }, 'conv-2')])).toBe('data and subject differ: t (fields: a)');
  });

  it('names a change of the whole data value as "data"', () => {
    expect(pattern([out('t', 1)], [out('t', 'one')])).toBe('data differs: t (fields: data)');
  });

  it('orders parts: differences sorted, then V1 extras, then V2 extras', () => {
    const v1 = [out('b.t', { x: 1 }), out('a.t', { y: 1 }), out('z.only1', {})];
    const v2 = [out('b.t', { x: 2 }), out('a.t', { y: 2 }), out('y.only2', {}), out('c.only2', {})];
    expect(pattern(v1, v2)).toBe('data differs: a.t (fields: y); data differs: b.t (fields: x); v1 extra: z.only1; v2 extra: c.only2, y.only2');
  });

  it('caps long field lists', () => {
    const many = (v: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}`, v]));
    expect(pattern([out('t', many(1))], [out('t', many(2))])).toBe('data differs: t (fields: f0, f1, f2, f3, f4, f5 +3 more)');
  });
});
