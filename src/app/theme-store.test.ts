import { afterEach, describe, expect, it } from 'vitest';
import { resolveTheme, syncThemeToDocument, useThemeStore } from './theme-store';

afterEach(() => {
  useThemeStore.setState({ preference: 'system' });
  localStorage.clear();
});

describe('theme', () => {
  it('resolves "system" from the OS preference and keeps explicit choices', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('applies the choice to <html data-theme> and persists it', () => {
    const stop = syncThemeToDocument();
    useThemeStore.getState().preferenceChosen('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(JSON.parse(localStorage.getItem('switchyard.theme') ?? '{}')).toMatchObject({ state: { preference: 'dark' } });
    useThemeStore.getState().preferenceChosen('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    stop();
  });
});
