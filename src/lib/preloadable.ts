import { createElement, lazy, useState, type ComponentType, type ReactElement } from 'react';

export interface Preloadable<P extends object> {
  (props: P): ReactElement;
  /** Fetches the component's chunk now (e.g. when the screen that will show it opens). */
  preload: () => Promise<void>;
}

/**
 * A code-split component that renders directly once its chunk is in. A plain `React.lazy`
 * suspends on its first render even when its module has loaded long before, and React holds a
 * resolved Suspense boundary back for up to 300 ms (its fallback throttle), so a dialog or chart
 * whose code was prefetched still appeared that much later. Render it inside a <Suspense>: until
 * the chunk is in, it suspends like `lazy`.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = () => {
    pending ??= load().then(
      (c) => (loaded = c),
      (error: unknown) => {
        pending = null; // a failed fetch (offline) is tried again on the next render or preload
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(async () => ({ default: await fetchOnce() }));
  function Preloaded(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component later would
    // remount the subtree and lose its state (e.g. a reason typed into a dialog).
    const [type] = useState<ComponentType<P>>(() => loaded ?? (Lazy as ComponentType<P>));
    return createElement(type, props);
  }
  return Object.assign(Preloaded, { preload: () => fetchOnce().then(() => undefined) });
}
