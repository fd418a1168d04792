import { describe, expect, it } from 'vitest';
import { diffValueText, fieldPath, pairOutputs } from './output-diff';

const out = (type: string, data: Record<string, unknown>, subject: string | null = 'c-1') => ({ type, subject, data: data as never });

describe('pairOutputs', () => {
  it('pairs outputs of one type and diffs their data field by field', () => {
    const pairs = pairOutputs([out('total', { total: { amount: 10, rounding: 'half_up' } })], [out('total', { total: { amount: 10, rounding: 'half_even' } })]);
    expect(pairs).toHaveLength(1);
    const [p] = pairs;
    expect(p?.kind).toBe('changed');
    if (p?.kind !== 'changed') return;
    expect(p.subjectDiffers).toBe(false);
    expect(p.diff.map((d) => [fieldPath(d.segments), d.op, d.before, d.after])).toEqual([['total.rounding', 'changed', 'half_up', 'half_even']]);
  });

  it('keeps unpaired outputs as extras of their side, and notices a different subject', () => {
    const pairs = pairOutputs([out('a', {}, 'x')], [out('a', {}, 'y'), out('audit', { step: 1 })]);
    expect(pairs.map((p) => p.kind)).toEqual(['changed', 'only_v2']);
    expect(pairs[0]?.kind === 'changed' && pairs[0].subjectDiffers).toBe(true);
  });
});

describe('formatting', () => {
  it('shows paths with array indices and shortens long values', () => {
    expect(fieldPath(['items', 2, 'price'])).toBe('items[2].price');
    expect(fieldPath([])).toBe('data');
    expect(diffValueText('x'.repeat(200))).toHaveLength(118);
    expect(diffValueText(undefined)).toBe('—');
  });
});
