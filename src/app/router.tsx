import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, type RouteObject, type ShouldRevalidateFunction } from 'react-router';
import { authQueries } from '../features/auth/api/auth-queries';
import { RequireAuth } from '../features/auth/components/require-auth';
import { namespaceQueries } from '../features/namespaces/api/namespace-queries';
import { BootScreen } from './boot-screen';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './not-found';
import { RouteError } from './route-error';

/**
 * Route loaders here only start queries, in parallel with the route's chunk (and with each other),
 * and never wait for them: the screens read the same queries with useQuery and show their own
 * loading and error states. On a cold load the data is then usually in the cache by the time the
 * chunks have arrived, instead of being asked for once the screen has mounted (and, behind the
 * route guard, once the session check has answered).
 */
const startLoading = (start: () => Promise<unknown>) => {
  void start();
  return null;
};

/** A loader that only warms the cache needs to run again only when its route's params change. */
const onParamChange: ShouldRevalidateFunction = ({ currentParams, nextParams }) =>
  Object.keys({ ...currentParams, ...nextParams }).some((k) => currentParams[k] !== nextParams[k]);

/** Screens of the signed-in app. Each is its own chunk, loaded on first visit. */
const appRoutes = (queryClient: QueryClient): RouteObject[] => [
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
    // Every screen of the namespace shows its detail (the kill-switch banner reads it).
    loader: ({ params }) => startLoading(() => queryClient.prefetchQuery(namespaceQueries.detail(params.ns ?? ''))),
    shouldRevalidate: onParamChange,
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

export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
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
        loader: () => startLoading(() => queryClient.prefetchQuery(authQueries.me())),
        shouldRevalidate: onParamChange,
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        errorElement: <RouteError />,
        children: appRoutes(queryClient),
      },
    ],
  },
];

/** The router shares the app's query client: route loaders start the screens' queries early. */
export const createRouter = (queryClient: QueryClient) => createBrowserRouter(createRoutes(queryClient));
