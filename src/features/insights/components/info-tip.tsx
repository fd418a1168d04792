import { useId, type ReactNode } from 'react';

/**
 * An (i) button whose explanation shows on hover and keyboard focus, and is its accessible
 * description. `align`: which side of the button the text lines up with (start for columns near
 * the left edge, so it stays inside the table).
 */
export function InfoTip({ label, children, align = 'end' }: { label: string; children: ReactNode; align?: 'start' | 'end' }) {
  const id = useId();
  return (
    <span className={`info-tip info-tip-${align}`}>
      <button type="button" className="info-tip-button" aria-label={label} aria-describedby={id}>
        i
      </button>
      <span role="tooltip" id={id} className="info-tip-text">
        {children}
      </span>
    </span>
  );
}
