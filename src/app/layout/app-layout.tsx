import { Outlet } from 'react-router';
import { ConnectionIndicator } from '../live/connection-indicator';
import { DegradedBanner } from '../live/degraded-banner';
import { LiveUpdates } from '../live/live-updates';
import { GlobalShortcuts } from '../shortcuts/global-shortcuts';
import { NavigationProgress } from './navigation-progress';
import { Sidebar } from './sidebar';
import { TopBar } from './top-bar';

export function AppLayout() {
  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <LiveUpdates />
      <GlobalShortcuts />
      <Sidebar />
      <div className="app-main">
        <TopBar connection={<ConnectionIndicator />} />
        <NavigationProgress />
        <DegradedBanner />
        <main id="main" className="app-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
