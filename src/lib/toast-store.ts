import { create } from 'zustand';

export type ToastTone = 'info' | 'error' | 'success';

export interface Toast {
  id: string;
  tone: ToastTone;
  title: string;
  description?: string;
}

interface ToastState {
  toasts: Toast[];
  /** Shows a toast; a toast with the same id replaces the previous one (no pile-up of repeats). */
  toastShown: (toast: Toast) => void;
  toastDismissed: (id: string) => void;
}

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  toastShown: (toast) => set((s) => ({ toasts: [...s.toasts.filter((t) => t.id !== toast.id), toast].slice(-4) })),
  toastDismissed: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const showToast = (toast: Toast): void => useToastStore.getState().toastShown(toast);
