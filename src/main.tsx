import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/query-client';
import { createRouter } from './app/router';
import { syncThemeToDocument } from './app/theme-store';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/pages.css';
import './styles/diff.css';
import './styles/guard.css';
import './styles/versions.css';
import './styles/audit.css';
import './styles/shell.css';
import './styles/rollouts.css';
import './styles/insights.css';

syncThemeToDocument();

async function start() {
  // The static demo build answers the API from a service worker with the same handlers as the tests.
  if (import.meta.env.VITE_MSW === '1') {
    const { worker } = await import('../mocks/browser');
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const queryClient = createQueryClient();
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={createRouter(queryClient)} />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
