import { create } from 'zustand';

/** Which app-wide overlay is open (command palette, shortcut help); at most one at a time. */
interface ShellState {
  overlay: 'palette' | 'help' | null;
  paletteToggled: () => void;
  helpOpened: () => void;
  overlayClosed: () => void;
}

export const useShellStore = create<ShellState>()((set) => ({
  overlay: null,
  paletteToggled: () => set((s) => ({ overlay: s.overlay === 'palette' ? null : 'palette' })),
  helpOpened: () => set({ overlay: 'help' }),
  overlayClosed: () => set({ overlay: null }),
}));
