/**
 * P1: JavaScript shipped for the first route, gzip. From the production build's manifest: the
 * entry chunk and its static imports (what index.html loads and modulepreloads), plus the chunks
 * the first screens load: the login page and the namespaces list (each with its static imports),
 * plus the classic script index.html loads before the app. Each file gzipped (zlib level 6, a
 * server's usual setting), summed. Target: <= 150 kB (the Unleash 8.2 admin UI's entry chunk
 * alone is about 770 kB gzip).
 * Run: npx tsx bench/p1-js-first-route.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './lib/figure';
import { round } from './lib/stats';
import { ensureSpa } from './lib/spa-build';
import { isMain, printTable } from './table';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** The first screens: signed out you land on /login, signed in on /namespaces. */
export const FIRST_ROUTE_MODULES = ['src/features/auth/components/login-page.tsx', 'src/features/namespaces/components/namespaces-page.tsx'];

export function firstRouteFiles(dir: string): { files: string[]; classic: string[] } {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no ${key}`);
    seen.add(key);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit('index.html');
  for (const m of FIRST_ROUTE_MODULES) visit(m);
  // Classic (non-module) scripts in index.html, e.g. /zod-jitless.js.
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const classic = [...html.matchAll(/<script(?![^>]*type="module")[^>]*src="\/([^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
  return { files: [...seen].map((k) => manifest[k]?.file ?? k), classic };
}

export async function run(log: (line: string) => void = console.log): Promise<Figure[]> {
  const { dir, builtMs } = ensureSpa(log);
  const { files, classic } = firstRouteFiles(dir);
  const sizes = [...classic, ...files].map((f) => {
    const bytes = readFileSync(join(dir, f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
  });
  const total = sizes.reduce((n, s) => n + s.gzip, 0) / 1000;
  const raw = sizes.reduce((n, s) => n + s.raw, 0) / 1000;
  const biggest = [...sizes].sort((a, b) => b.gzip - a.gzip).slice(0, 4);
  return [
    figure({
      id: 'P1',
      name: 'JS shipped for the first route (login + namespaces), gzip',
      unit: 'kB',
      samples: [round(total, 1)],
      target: { op: '<=', value: 150, on: 'median' },
      notes: {
        files: sizes.length,
        'raw kB': round(raw, 1),
        biggest: biggest.map((s) => `${s.file.replace(/^assets\//, '')} ${round(s.gzip / 1000, 1)}`).join(', '),
        ...(builtMs !== null ? { 'build s': round(builtMs / 1000, 1) } : {}),
      },
    }),
  ];
}

if (isMain(import.meta.url)) {
  for (const f of await run()) printTable(`${f.id} ${f.name}`, { [`median ${f.unit}`]: f.median, verdict: f.verdict, ...f.notes });
}
