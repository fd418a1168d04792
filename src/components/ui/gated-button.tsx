import { useId, type ReactNode } from 'react';

export interface GatedButtonProps {
  children: ReactNode;
  onClick: () => void;
  /** Why the button cannot be used now; null when it can. */
  blockedReason: string | null;
  variant?: 'primary' | 'secondary' | 'danger';
  icon?: ReactNode;
}

/**
 * An action button that may be unavailable (role, offline). It stays focusable and says why
 * (aria-describedby + a tooltip on hover and focus) instead of silently greying out.
 */
export function GatedButton({ children, onClick, blockedReason, variant = 'secondary', icon }: GatedButtonProps) {
  const reasonId = useId();
  const blocked = blockedReason !== null;
  return (
    <span className="gated">
      <button
        type="button"
        className={`btn btn-${variant}`}
        aria-disabled={blocked || undefined}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={() => {
          if (!blocked) onClick();
        }}
      >
        {icon}
        {children}
      </button>
      {blocked && (
        <span id={reasonId} role="tooltip" className="gated-reason">
          {blockedReason}
        </span>
      )}
    </span>
  );
}
