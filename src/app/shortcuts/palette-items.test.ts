import { describe, expect, it } from 'vitest';
import { makeSummary } from '../../../mocks/data';
import { paletteItems, paletteScore } from './palette-items';
import { goTarget, namespaceOf, shortcutHelp } from './shortcut-list';

describe('palette items', () => {
  it('offers screens, every namespace (sorted, killed ones say so) and preferences', () => {
    const items = paletteItems(
      [makeSummary({ name: 'search', activeVersion: 3, flagCount: 1 }), makeSummary({ name: 'pay ments', killSwitch: { enabled: true, changedAt: null, changedBy: null, reason: null } })],
      null,
    );
    expect(items.map((i) => i.label)).toEqual(['Namespaces', 'Audit log', 'Insights', 'Timeline', 'pay ments', 'search', 'Use light theme', 'Use dark theme', 'Use system theme', 'Keyboard shortcuts']);
    expect(items.find((i) => i.label === 'pay ments')).toMatchObject({ hint: 'killed · v1 · 0 flags', action: { kind: 'go', to: '/namespaces/pay%20ments' } });
    expect(items.find((i) => i.label === 'search')?.hint).toBe('v3 · 1 flag');
  });

  it('adds the screens of the namespace on show first', () => {
    const items = paletteItems(undefined, 'payments');
    expect(items.slice(0, 4).map((i) => i.action)).toEqual([
      { kind: 'go', to: '/namespaces/payments/history' },
      { kind: 'go', to: '/namespaces/payments/diff' },
      { kind: 'go', to: '/audit?namespace=payments' },
      { kind: 'go', to: '/timeline?namespace=payments' },
    ]);
  });
});

describe('paletteScore', () => {
  it('ranks the start of the label over a word in it, over anywhere in it, over keywords, and drops loose matches', () => {
    const score = (q: string) => paletteScore(q, ['payments-eu', 'Payment provider routing']);
    expect(score('pay')).toBe(1);
    expect(score('eu')).toBe(0.8);
    expect(score('ments')).toBe(0.6);
    expect(score('provider')).toBe(0.3);
    expect(score('pyms')).toBe(0);
    expect(paletteScore('  ', ['x'])).toBe(1);
  });
});

describe('shortcuts', () => {
  it('knows where g-sequences go, relative to the screen on show', () => {
    expect(goTarget('n', '/audit')).toBe('/namespaces');
    expect(goTarget('a', '/namespaces')).toBe('/audit');
    expect(goTarget('h', '/namespaces/pay%20ments/versions/3')).toBe('/namespaces/pay%20ments/history');
    expect(goTarget('h', '/audit')).toBeNull();
    expect(goTarget('x', '/audit')).toBeNull();
    expect(namespaceOf('/namespaces')).toBeNull();
  });

  it('names the palette key for the platform', () => {
    expect(shortcutHelp(true)[0]?.keys).toEqual(['⌘', 'K']);
    expect(shortcutHelp(false)[0]?.keys).toEqual(['Ctrl', 'K']);
  });
});
