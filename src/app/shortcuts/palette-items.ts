/** What the command palette offers: screens, every namespace, and preferences. Pure. */
import type { NamespaceSummary } from '@contract/schemas';
import type { ThemePreference } from '../theme-store';

export type PaletteGroup = 'This namespace' | 'Screens' | 'Namespaces' | 'Preferences';

export type PaletteAction = { kind: 'go'; to: string } | { kind: 'theme'; theme: ThemePreference } | { kind: 'help' };

export interface PaletteItem {
  /** Unique; also what the palette matches typed text against (with the keywords). */
  value: string;
  label: string;
  group: PaletteGroup;
  hint?: string;
  keywords: string[];
  action: PaletteAction;
}

const nsPath = (ns: string) => `/namespaces/${encodeURIComponent(ns)}`;

export function paletteItems(namespaces: NamespaceSummary[] | undefined, currentNs: string | null): PaletteItem[] {
  const here: PaletteItem[] = currentNs
    ? [
        { value: `here:history`, label: `History of ${currentNs}`, group: 'This namespace', keywords: ['versions', currentNs], action: { kind: 'go', to: `${nsPath(currentNs)}/history` } },
        { value: `here:diff`, label: `Compare versions of ${currentNs}`, group: 'This namespace', keywords: ['diff', currentNs], action: { kind: 'go', to: `${nsPath(currentNs)}/diff` } },
        { value: `here:audit`, label: `Audit log of ${currentNs}`, group: 'This namespace', keywords: ['events', currentNs], action: { kind: 'go', to: `/audit?namespace=${encodeURIComponent(currentNs)}` } },
        { value: `here:timeline`, label: `Timeline of ${currentNs}`, group: 'This namespace', keywords: ['events', 'rollbacks', currentNs], action: { kind: 'go', to: `/timeline?namespace=${encodeURIComponent(currentNs)}` } },
      ]
    : [];
  const screens: PaletteItem[] = [
    { value: 'screen:namespaces', label: 'Namespaces', group: 'Screens', hint: 'g n', keywords: ['overview', 'home'], action: { kind: 'go', to: '/namespaces' } },
    { value: 'screen:audit', label: 'Audit log', group: 'Screens', hint: 'g a', keywords: ['events', 'who', 'changes'], action: { kind: 'go', to: '/audit' } },
    { value: 'screen:insights', label: 'Insights', group: 'Screens', keywords: ['change failure rate', 'rollbacks', 'time to rollback', 'risk'], action: { kind: 'go', to: '/insights' } },
    { value: 'screen:timeline', label: 'Timeline', group: 'Screens', keywords: ['events', 'history', 'breaches', 'parity'], action: { kind: 'go', to: '/timeline' } },
  ];
  const named: PaletteItem[] = (namespaces ?? [])
    .toSorted((a, b) => a.name.localeCompare(b.name))
    .map((n) => ({
      value: `ns:${n.name}`,
      label: n.name,
      group: 'Namespaces' as const,
      hint: `${n.killSwitch.enabled ? 'killed · ' : ''}v${n.activeVersion} · ${n.flagCount} ${n.flagCount === 1 ? 'flag' : 'flags'}`,
      keywords: [n.name, n.description ?? ''].filter(Boolean),
      action: { kind: 'go' as const, to: nsPath(n.name) },
    }));
  const preferences: PaletteItem[] = [
    ...(['light', 'dark', 'system'] as const).map((theme) => ({
      value: `theme:${theme}`,
      label: `Use ${theme} theme`,
      group: 'Preferences' as const,
      keywords: ['theme', 'appearance', 'colour', 'color', theme],
      action: { kind: 'theme' as const, theme },
    })),
    { value: 'help', label: 'Keyboard shortcuts', group: 'Preferences', hint: '?', keywords: ['help', 'keys'], action: { kind: 'help' } },
  ];
  return [...here, ...screens, ...named, ...preferences];
}

/**
 * How well typed text matches an item (cmdk's `filter`): the start of its label first, then a
 * word in it, then anywhere in it, then its keywords; no loose subsequence matches, so "paym"
 * finds "payments" and not "Use system theme".
 */
export function paletteScore(search: string, keywords: readonly string[] = []): number {
  const q = search.trim().toLowerCase();
  if (!q) return 1;
  const [label = '', ...rest] = keywords.map((k) => k.toLowerCase());
  if (label.startsWith(q)) return 1;
  if (label.split(/[\s._:-]+/).some((word) => word.startsWith(q))) return 0.8;
  if (label.includes(q)) return 0.6;
  return rest.some((k) => k.includes(q)) ? 0.3 : 0;
}
