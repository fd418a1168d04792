import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireAuth } from '../features/auth/components/require-auth';
import { BootScreen } from './boot-screen';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './not-found';
import { RouteError } from './route-error';

/** Screens of the signed-in app. Each is its own chunk, loaded on first visit. */
const appRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="/namespaces" replace /> },
  {
    path: 'namespaces',
    lazy: async () => ({ Component: (await import('../features/namespaces/components/namespaces-page')).NamespacesPage }),
  },
  {
    // Every screen of one namespace is a CHILD of this layout (add new ones to `children`, with
    // paths relative to /namespaces/:ns): it renders the kill-switch banner above the <Outlet/>,
    // so a killed namespace is unmistakable on all of them.
    path: 'namespaces/:ns',
    lazy: async () => ({ Component: (await import('../features/namespaces/components/namespace-layout')).NamespaceLayout }),
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../features/namespaces/components/namespace-page')).NamespacePage }),
      },
      {
        path: 'history',
        lazy: async () => ({ Component: (await import('../features/versions/components/history-page')).HistoryPage }),
      },
      {
        path: 'versions/:v',
        lazy: async () => ({ Component: (await import('../features/versions/components/version-page')).VersionPage }),
      },
      {
        path: 'diff',
        lazy: async () => ({ Component: (await import('../features/versions/components/diff-page')).DiffPage }),
      },
    ],
  },
  {
    path: 'rollouts',
    lazy: async () => ({ Component: (await import('../features/rollouts/components/rollouts-page')).RolloutsPage }),
  },
  {
    path: 'rollouts/:id',
    lazy: async () => ({ Component: (await import('../features/rollouts/components/rollout-page')).RolloutPage }),
  },
  {
    path: 'rollouts/:id/parity',
    lazy: async () => ({ Component: (await import('../features/rollouts/components/parity-page')).ParityPage }),
  },
  {
    path: 'insights',
    lazy: async () => ({ Component: (await import('../features/insights/components/insights-page')).InsightsPage }),
  },
  {
    path: 'timeline',
    lazy: async () => ({ Component: (await import('../features/timeline/components/timeline-page')).TimelinePage }),
  },
  {
    path: 'audit',
    lazy: async () => ({ Component: (await import('../features/audit/components/audit-page')).AuditPage }),
  },
  { path: '*', element: <NotFound /> },
];

export const routes: RouteObject[] = [
  {
    // Shown while the first screen's chunk loads.
    HydrateFallback: BootScreen,
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('../features/auth/components/login-page')).LoginPage }),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        errorElement: <RouteError />,
        children: appRoutes,
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
