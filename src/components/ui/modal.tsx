import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalProps {
  /** Id of the element that names the dialog (its title). */
  labelledBy: string;
  describedBy?: string;
  /** Called for Esc and the close button; ignored while `locked` (e.g. a change is in flight). */
  onClose: () => void;
  locked?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A modal on the native <dialog> (showModal): the browser traps focus, makes the page behind it
 * inert and closes on Esc. Mounted = open; the parent decides when to render it.
 */
export function Modal({ labelledBy, describedBy, onClose, locked = false, wide = false, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    opener.current = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // Focus goes back to the button that opened the dialog.
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' modal-wide' : ''}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // Esc: React state decides whether the dialog stays mounted.
        event.preventDefault();
        if (!locked) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
