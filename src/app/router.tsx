import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireAuth } from '../features/auth/components/require-auth';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './not-found';
import { RouteError } from './route-error';

/** Every screen is its own chunk: the login page does not download the dashboard, and vice versa. */
export const routes: RouteObject[] = [
  {
    path: '/login',
    errorElement: <RouteError />,
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
    children: [
      { index: true, element: <Navigate to="/namespaces" replace /> },
      {
        path: 'namespaces',
        lazy: async () => ({ Component: (await import('../features/namespaces/components/namespaces-page')).NamespacesPage }),
      },
      {
        path: 'namespaces/:ns',
        lazy: async () => ({ Component: (await import('../features/namespaces/components/namespace-page')).NamespacePage }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
