import { describe, expect, it } from 'vitest';
import tokensCss from './tokens.css?raw';

type Rgb = [number, number, number];

/** `--name: light-dark(#light, #dark)` pairs from tokens.css. */
function readTokens(css: string): Map<string, { light: string; dark: string }> {
  const tokens = new Map<string, { light: string; dark: string }>();
  for (const match of css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) {
    tokens.set(match[1] as string, { light: match[2] as string, dark: match[3] as string });
  }
  for (const match of css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)) {
    tokens.set(match[1] as string, { light: match[2] as string, dark: match[2] as string });
  }
  return tokens;
}

const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(hex(a)), luminance(hex(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every text colour on every background it is used on (components.css, pages.css). */
const PAIRS: [text: string, background: string][] = [
  ...['bg', 'bg-subtle', 'bg-muted', 'bg-hover', 'bg-elevated', 'danger-row', 'danger-row-hover'].flatMap(
    (bg): [string, string][] => [
      ['text', bg],
      ['text-muted', bg],
    ],
  ),
  ['text-faint', 'bg'],
  ['text-faint', 'bg-elevated'],
  ['accent-text', 'bg'],
  ['accent-text', 'accent-soft'],
  ['accent-contrast', 'accent'],
  ['danger-solid-text', 'danger-solid'],
  ['danger-text', 'bg'],
  ['danger-text', 'danger-soft'],
  ['danger-text', 'danger-row'],
  ['text', 'danger-soft'],
  ['text-muted', 'danger-soft'],
  ['success-text', 'success-soft'],
  ['success-text', 'bg-elevated'],
  ['warning-text', 'warning-soft'],
  ['warning-text', 'bg-elevated'],
  ['warning-text', 'danger-row'],
  // connection indicator, history rows, audit log
  ['success-text', 'bg-subtle'],
  ['warning-text', 'bg-subtle'],
  ['warning-text', 'bg-hover'],
  ['accent-text', 'bg-elevated'],
  ['accent-text', 'bg-hover'],
];

describe('design tokens', () => {
  const tokens = readTokens(tokensCss);

  it.each(['light', 'dark'] as const)('meet WCAG AA (4.5:1) for every text/background pair in %s', (theme) => {
    const failures = PAIRS.flatMap(([fg, bg]) => {
      const f = tokens.get(fg)?.[theme];
      const b = tokens.get(bg)?.[theme];
      if (!f || !b) return [`${fg} on ${bg}: token missing`];
      const ratio = contrast(f, b);
      return ratio >= 4.5 ? [] : [`${fg} (${f}) on ${bg} (${b}): ${ratio.toFixed(2)}:1`];
    });
    expect(failures).toEqual([]);
  });
});
