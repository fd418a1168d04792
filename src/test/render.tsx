import { StrictMode, type ReactElement } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../app/query-client';

function LocationProbe() {
  const { pathname, search } = useLocation();
  return <div data-testid="location">{`${pathname}${search}`}</div>;
}

export interface RenderOptions {
  /** Where the test starts, e.g. `/namespaces?q=pay`. */
  url?: string;
  /** The route pattern the element is mounted at, e.g. `/namespaces/:ns`. */
  path?: string;
  /** Other routes the screen may navigate to. */
  routes?: RouteObject[];
  /** Nested routes under `path`, for a layout `ui` that renders an <Outlet/>. */
  children?: RouteObject[];
  /**
   * StrictMode (default) mounts twice and so aborts and repeats the first fetch; turn it off in
   * tests that count requests.
   */
  strict?: boolean;
}

/** Renders a screen with the app's real query policy (fast retries) and a memory router. */
export function renderScreen(ui: ReactElement, { url = '/', path = '/', routes = [], children, strict = true }: RenderOptions = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retryDelay: 1 },
  });
  const router = createMemoryRouter(
    [
      { path, element: <>{ui}<LocationProbe /></>, ...(children && { children }) },
      ...routes.map((r) => ({ ...r, element: <>{r.element}<LocationProbe /></> })),
    ],
    { initialEntries: [url] },
  );
  const user = userEvent.setup();
  const app = (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
  const result = render(strict ? <StrictMode>{app}</StrictMode> : app);
  return { ...result, user, router, queryClient };
}
