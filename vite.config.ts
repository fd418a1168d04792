import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { routePreload } from './scripts/vite-route-preload.js';

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Server tests that also run on the PostgreSQL engine (the `pg` project). */
const PG_TESTS = [
  'server/**/*.pg.test.ts',
  'server/store/store.contract.test.ts',
  'server/registry/mutations.test.ts',
  'server/http/apps.test.ts',
  'server/http/stream.test.ts',
  'server/trust/concurrency.test.ts',
  'server/trust/precondition-race.test.ts',
  'server/trust/auto-rollback-once.test.ts',
  'server/http/rollouts.test.ts',
  'server/http/rollouts-ingest.test.ts',
  'server/http/rollouts-reads.test.ts',
  'server/rollouts/guards-engine.test.ts',
  'server/http/insights.test.ts',
];

export default defineConfig({
  plugins: [
    react(),
    // The chunks of the screens most often opened by a link (the namespace list, a namespace:
    // alerts and runbooks link to it), and the reads their route loaders start, load with the
    // entry. Paths and loaders as in src/app/router.tsx.
    routePreload([
      { path: '^/namespaces/?$', modules: ['src/features/namespaces/components/namespaces-page.tsx'], fetch: ['/api/v1/me'] },
      {
        path: '^/namespaces/([^/]+)/?$',
        // The action dialogs too (fetched, not run): the on-call rollback opens one seconds later.
        modules: [
          'src/features/namespaces/components/namespace-layout.tsx',
          'src/features/namespaces/components/namespace-page.tsx',
          'src/features/namespaces/components/action-dialog.tsx',
        ],
        fetch: ['/api/v1/me', '/api/v1/namespaces/$1'],
      },
    ]),
  ],
  resolve: {
    alias: {
      '@core': dir('./core'),
      '@contract': dir('./contract'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
      '/v1': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['core/**/*.test.ts', 'contract/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'server/**/*.pg.test.ts'],
          testTimeout: 30_000,
          provide: { switchyardPg: '' },
        },
      },
      {
        // The PostgreSQL engine (`npm run test:pg`): a throw-away cluster for the run, a fresh
        // database per test; the store contract, the server tests that exercise the store's
        // semantics (mutations, preconditions, idempotency, concurrency, app endpoints, streams,
        // guards) and the multi-replica tests.
        extends: true,
        test: {
          name: 'pg',
          environment: 'node',
          include: PG_TESTS,
          globalSetup: ['server/test/pg-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
          setupFiles: ['src/test/setup.ts'],
          // Screen tests render whole pages in jsdom; on a loaded 2-core CI machine one can take
          // several seconds. A budget, not an assertion: nothing here measures speed.
          testTimeout: 20_000,
          // tokens.test.ts reads the design tokens (?raw) to check their contrast.
          css: { include: [/src\/styles\/tokens\.css/] },
        },
      },
    ],
  },
});
