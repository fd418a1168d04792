import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemePreference = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

interface ThemeState {
  preference: ThemePreference;
  preferenceChosen: (preference: ThemePreference) => void;
}

export const useThemeStore = create<ThemeState>()(
  persist(
    (set) => ({
      preference: 'system',
      preferenceChosen: (preference) => set({ preference }),
    }),
    { name: 'switchyard.theme', partialize: (s) => ({ preference: s.preference }) },
  ),
);

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

const darkQuery = () =>
  typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

/** Keeps `<html data-theme>` in step with the stored preference and, for "system", the OS setting. */
export function syncThemeToDocument(root: HTMLElement = document.documentElement): () => void {
  const media = darkQuery();
  const apply = () => {
    root.dataset.theme = resolveTheme(useThemeStore.getState().preference, media?.matches ?? false);
  };
  apply();
  const unsubscribe = useThemeStore.subscribe(apply);
  media?.addEventListener('change', apply);
  return () => {
    unsubscribe();
    media?.removeEventListener('change', apply);
  };
}
