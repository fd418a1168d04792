/**
 * Route chunks fetched with the entry, not after it. A screen's chunks are normally requested
 * once the entry has downloaded and run and the router has matched the URL; for the screens
 * listed here the build writes, into index.html, which chunk files each URL pattern needs (JSON in
 * <meta name="route-preload">: data, never run, and no inline script for the Content-Security-Policy
 * to refuse), and the classic script public/route-preload.js adds a <link rel="modulepreload"> for
 * each file the current URL needs, while the page is still being parsed, and a
 * <link rel="preload" as="fetch"> for the API reads its route loaders start (the app's fetch then
 * takes the response already under way). Other URLs preload nothing more than before.
 */
import type { IndexHtmlTransformContext, Plugin } from 'vite';

type OutputBundle = NonNullable<IndexHtmlTransformContext['bundle']>;
type OutputChunk = NonNullable<IndexHtmlTransformContext['chunk']>;

export interface PreloadedRoute {
  /** Matched against location.pathname (the source of a RegExp). */
  path: string;
  /** Source files of the route's lazy modules, relative to the project root. */
  modules: string[];
  /**
   * API GETs the route's loaders always make, exactly as the app's fetch asks for them (same URL,
   * same credentials), or the browser fetches twice; `$1`… are the path's capture groups.
   */
  fetch?: string[];
}

export interface RoutePreloadEntry {
  path: string;
  files: string[];
  fetch: string[];
}

const isChunk = (o: OutputBundle[string] | undefined): o is OutputChunk => o?.type === 'chunk';

/** Every chunk file a chunk needs before it can run: itself and its static imports, transitively. */
function staticClosure(bundle: OutputBundle, fileName: string, into: Set<string>): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (isChunk(chunk)) for (const imported of chunk.imports) staticClosure(bundle, imported, into);
  return into;
}

/** Per route: the chunk files its modules need that the entry (already preloaded by index.html) does not. */
export function routePreloadEntries(bundle: OutputBundle, entry: string, root: string, routes: PreloadedRoute[]): RoutePreloadEntry[] {
  const loadedWithEntry = staticClosure(bundle, entry, new Set());
  const chunkOf = (module: string) =>
    Object.values(bundle).find((o): o is OutputChunk => isChunk(o) && o.facadeModuleId === `${root}/${module}`)?.fileName;
  return routes.map((route) => {
    const files = new Set<string>();
    for (const module of route.modules) {
      const fileName = chunkOf(module);
      if (!fileName) throw new Error(`route-preload: no chunk for ${module}`);
      staticClosure(bundle, fileName, files);
    }
    return { path: route.path, files: [...files].filter((f) => !loadedWithEntry.has(f)), fetch: route.fetch ?? [] };
  });
}

export function routePreload(routes: PreloadedRoute[]): Plugin {
  let root = '';
  return {
    name: 'switchyard:route-preload',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return html;
        const entries = routePreloadEntries(ctx.bundle, ctx.chunk.fileName, root, routes);
        return {
          html,
          tags: [
            // Vite escapes attribute values.
            { tag: 'meta', attrs: { name: 'route-preload', content: JSON.stringify(entries) }, injectTo: 'head' },
            { tag: 'script', attrs: { src: '/route-preload.js' }, injectTo: 'head' },
          ],
        };
      },
    },
  };
}
