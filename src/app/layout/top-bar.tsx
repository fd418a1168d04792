import type { ReactNode } from 'react';
import { CurrentUser } from '../../features/auth/components/current-user';
import { Breadcrumbs } from './breadcrumbs';
import { ThemeToggle } from './theme-toggle';

/** `connection` is where the live-updates status goes (stream connected, polling, offline). */
export function TopBar({ connection }: { connection?: ReactNode }) {
  return (
    <header className="top-bar">
      <Breadcrumbs />
      <div className="top-bar-actions">
        {connection && <div className="top-bar-connection">{connection}</div>}
        <ThemeToggle />
        <span className="top-bar-divider" aria-hidden="true" />
        <CurrentUser />
      </div>
    </header>
  );
}
