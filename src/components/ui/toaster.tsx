import { useEffect } from 'react';
import { useToastStore, type Toast } from '../../lib/toast-store';

const LIFETIME_MS = 8000;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToastStore((s) => s.toastDismissed);
  useEffect(() => {
    const id = window.setTimeout(() => dismiss(toast.id), LIFETIME_MS);
    return () => window.clearTimeout(id);
  }, [toast, dismiss]);
  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <div className="toast-text">
        <p className="toast-title">{toast.title}</p>
        {toast.description && <p className="toast-description">{toast.description}</p>}
      </div>
      <button type="button" className="toast-close" onClick={() => dismiss(toast.id)} aria-label="Dismiss notification">
        ×
      </button>
    </div>
  );
}

export function Toaster() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <section className="toaster" aria-label="Notifications">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </section>
  );
}
