import { describe, expect, it } from 'vitest';
import { routePreloadEntries } from './vite-route-preload';

type Bundle = Parameters<typeof routePreloadEntries>[0];

/** The parts of Rollup's output the plugin reads: file name, facade module, static imports. */
function bundleOf(chunks: { fileName: string; facade?: string; imports?: string[] }[]): Bundle {
  return Object.fromEntries(
    chunks.map((c) => [c.fileName, { type: 'chunk', fileName: c.fileName, facadeModuleId: c.facade ?? null, imports: c.imports ?? [] }]),
  ) as unknown as Bundle;
}

describe('routePreloadEntries', () => {
  const bundle = bundleOf([
    { fileName: 'assets/index.js', facade: '/repo/index.html', imports: ['assets/react.js', 'assets/api.js'] },
    { fileName: 'assets/react.js' },
    { fileName: 'assets/api.js', imports: ['assets/react.js'] },
    { fileName: 'assets/layout.js', facade: '/repo/src/layout.tsx', imports: ['assets/api.js', 'assets/time.js'] },
    { fileName: 'assets/page.js', facade: '/repo/src/page.tsx', imports: ['assets/api.js', 'assets/table.js', 'assets/time.js'] },
    { fileName: 'assets/table.js', imports: ['assets/react.js'] },
    { fileName: 'assets/time.js' },
  ]);

  it("lists each route's chunks and their static imports, once, without what the entry already loads", () => {
    const routes = [
      { path: '^/a/([^/]+)$', modules: ['src/layout.tsx', 'src/page.tsx'], fetch: ['/api/a/$1'] },
      { path: '^/b$', modules: ['src/page.tsx'] },
    ];
    expect(routePreloadEntries(bundle, 'assets/index.js', '/repo', routes)).toEqual([
      { path: '^/a/([^/]+)$', files: ['assets/layout.js', 'assets/time.js', 'assets/page.js', 'assets/table.js'], fetch: ['/api/a/$1'] },
      { path: '^/b$', files: ['assets/page.js', 'assets/table.js', 'assets/time.js'], fetch: [] },
    ]);
  });

  it('fails the build when a listed module has no chunk of its own (a renamed or no longer lazy screen)', () => {
    expect(() => routePreloadEntries(bundle, 'assets/index.js', '/repo', [{ path: '^/b$', modules: ['src/gone.tsx'] }])).toThrow(
      'route-preload: no chunk for src/gone.tsx',
    );
  });
});
