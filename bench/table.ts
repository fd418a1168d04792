/** Small helpers shared by the soaks: run-as-script detection and a figures table. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** True when this module is the script node was started with (not imported by bench/run.ts). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

export function printTable(title: string, figures: Record<string, number | string>): void {
  const rows = Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? v.toLocaleString('en-US') : v] as const);
  const width = Math.max(...rows.map(([k]) => k.length), 6);
  console.log(`\n${title}\n`);
  console.log(`| ${'figure'.padEnd(width)} | value |`);
  console.log(`|${'-'.repeat(width + 2)}|-------|`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
  console.log('');
}
