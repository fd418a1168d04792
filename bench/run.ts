/**
 * `npm run bench`: every performance figure P1-P9 (and the shadow-check micro-benchmark X1), or the
 * ones named: `npm run bench -- p4 p7`, `npm run bench -- s1` (soaks: s1 whole snapshots, s2
 * crash; `engines` for bench/engines.ts). Prints a table and merges the figures into
 * bench/results.json (each with the date, machine and load average it was measured under).
 * Benchmarks, not tests: nothing here fails a build; a missed target is reported, not thrown.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Figure } from './lib/figure';
import { round } from './lib/stats';
import { printTable } from './table';

interface Entry {
  name: string;
  module: string;
  what: string;
  /** In the default set (`npm run bench` without names). */
  default: boolean;
}

const ENTRIES: Entry[] = [
  { name: 'p1', module: './p1-js-first-route.ts', what: 'JS for the first route, gzip', default: true },
  { name: 'p2', module: './p2-cold-namespace-page.ts', what: 'cold namespace page', default: true },
  { name: 'p3', module: './p3-oncall-journey.ts', what: 'on-call rollback journey', default: true },
  { name: 'p4', module: './p4-snapshot-polls.ts', what: 'snapshot polls vs bare node:http', default: true },
  { name: 'p5', module: './p5-mutation-latency-under-polling.ts', what: 'load/rollback p99 under polling', default: true },
  { name: 'p6', module: './p6-change-to-streams.ts', what: 'change -> 200 live streams', default: true },
  { name: 'p7', module: './p7-big-namespace.ts', what: 'big namespace history + diff', default: true },
  { name: 'p8', module: './p8-rollout-charts.ts', what: 'rollout charts, 7 days', default: true },
  { name: 'p9', module: './p9-server-memory.ts', what: 'server RSS, 100 x 1,000 x 100', default: true },
  { name: 'shadow', module: './shadow-check.ts', what: 'shadow check micro-benchmark (X1)', default: true },
  { name: 's1', module: './soak-snapshots.ts', what: 'soak: whole snapshots (long)', default: false },
  { name: 's2', module: './soak-crash.ts', what: 'soak: crash safety (long)', default: false },
  { name: 'engines', module: './engines.ts', what: 'store engines (bench/engines.ts)', default: false },
  { name: 'insights', module: './insights.ts', what: 'insights on 5 x 10,000 audit events (bench/insights.ts)', default: false },
];

type SoakFigures = Record<string, number | string>;

interface RunRecord {
  name: string;
  seconds: number;
  measuredAt: string;
  loadAvg: number[];
  figures?: Figure[];
  values?: SoakFigures | unknown[];
  error?: string;
}

interface Results {
  updatedAt: string;
  machine: { cpus: number; model: string; memoryGb: number; platform: string; node: string };
  lastRun: { startedAt: string; names: string[]; seconds: number; loadAvgStart: number[]; loadAvgEnd: number[] };
  /** By benchmark name; a partial run replaces only the ones it ran. */
  runs: Record<string, RunRecord>;
}

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const load = () => os.loadavg().map((n) => round(n, 2));

const isFigureList = (v: unknown): v is Figure[] =>
  Array.isArray(v) && v.every((f) => typeof f === 'object' && f !== null && 'id' in f && 'median' in f && 'verdict' in f);

function fmt(n: number | undefined, unit = ''): string {
  if (n === undefined || Number.isNaN(n)) return '—';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toLocaleString('en-US', { maximumFractionDigits: digits })}${unit}`;
}

function targetText(f: Figure): string {
  if (!f.target) return '—';
  const t = f.target;
  return t.on === 'ratio' ? `${t.op} ${t.value} x ref` : `${t.op} ${fmt(t.value)} ${f.unit}`;
}

/** How far from the target: "x2.1 over" / "34% under the bar" etc. */
function margin(f: Figure): string {
  if (!f.target) return '';
  const value = f.target.on === 'ratio' ? f.ratio : f.median;
  if (value === undefined || Number.isNaN(value)) return '';
  const r = value / f.target.value;
  if (f.verdict === 'met') return f.target.op === '<=' ? `${Math.round((1 - r) * 100)}% under` : `${Math.round((r - 1) * 100)}% over`;
  return f.target.op === '<=' ? `${Math.round((r - 1) * 100)}% over` : `${Math.round((1 - r) * 100)}% short`;
}

export function figureTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.id,
    f.name,
    `${fmt(f.median)} ${f.unit}`,
    fmt(f.min),
    fmt(f.max),
    targetText(f),
    f.reference ? `${fmt(f.ratio)} (ref ${fmt(f.reference.median)})` : '—',
    `${f.verdict}${margin(f) ? ` (${margin(f)})` : ''}`,
  ]);
  const head = ['id', 'figure', 'median', 'min', 'max', 'target', 'ratio to same-run ref', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function readResults(): Results | null {
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).map((a) => a.toLowerCase().replace(/^--?/, ''));
  if (asked.includes('help') || asked.includes('h')) {
    console.log('npm run bench [-- name ...]\n');
    for (const e of ENTRIES) console.log(`  ${e.name.padEnd(8)} ${e.what}${e.default ? '' : ' (only by name)'}`);
    return;
  }
  const unknown = asked.filter((a) => !ENTRIES.some((e) => e.name === a || e.name === a.replace(/^x1$/, 'shadow')));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${ENTRIES.map((e) => e.name).join(', ')}`);
    process.exit(2);
  }
  const selected = asked.length === 0 ? ENTRIES.filter((e) => e.default) : ENTRIES.filter((e) => asked.includes(e.name) || (e.name === 'shadow' && asked.includes('x1')));
  const startedAt = new Date().toISOString();
  const loadAvgStart = load();
  const cpus = os.cpus();
  console.log(`Switchyard benchmarks: ${selected.map((e) => e.name).join(', ')}`);
  console.log(`machine: ${cpus.length} x ${cpus[0]?.model ?? '?'}, ${round(os.totalmem() / 2 ** 30, 1)} GB, Node ${process.version}; load average ${loadAvgStart.join(' / ')}\n`);

  const started = performance.now();
  const records: RunRecord[] = [];
  for (const entry of selected) {
    const t0 = performance.now();
    const la = load();
    console.log(`▶ ${entry.name}: ${entry.what} (load average ${la[0]})`);
    const record: RunRecord = { name: entry.name, seconds: 0, measuredAt: new Date().toISOString(), loadAvg: la };
    try {
      const mod = (await import(entry.module)) as { run: (log: (line: string) => void) => Promise<unknown> };
      const out = await mod.run((line) => console.log(line));
      if (isFigureList(out)) {
        record.figures = out;
        console.log(figureTable(out).split('\n').map((l) => `  ${l}`).join('\n'));
      } else if (Array.isArray(out)) {
        // Another shape of figures (e.g. bench/engines.ts: one object per engine): kept as is.
        record.values = out;
        for (const [i, item] of out.entries()) console.log(`  ${i}: ${JSON.stringify(item)}`);
      } else if (out && typeof out === 'object') {
        const values = out as SoakFigures;
        record.values = values;
        printTable(entry.what, values);
      }
    } catch (e) {
      record.error = e instanceof Error ? `${e.message}` : String(e);
      console.log(`  ✗ ${entry.name} failed: ${record.error}`);
    }
    record.seconds = round((performance.now() - t0) / 1000, 1);
    console.log(`  (${record.seconds} s)\n`);
    records.push(record);
  }
  const seconds = round((performance.now() - started) / 1000, 1);
  const loadAvgEnd = load();

  const figures = records.flatMap((r) => r.figures ?? []);
  if (figures.length > 0) {
    console.log(`\nSummary (${startedAt.slice(0, 10)}, load average ${loadAvgStart[0]} at start, ${loadAvgEnd[0]} at end, ${seconds} s)\n`);
    console.log(figureTable(figures));
    console.log('');
    for (const f of figures) {
      const notes = Object.entries(f.notes).map(([k, v]) => `${k}: ${typeof v === 'number' ? fmt(v) : v}`);
      if (notes.length > 0) console.log(`  ${f.id}: ${notes.join('; ')}`);
    }
  }
  const failed = records.filter((r) => r.error);
  if (failed.length > 0) console.log(`\nfailed to run: ${failed.map((r) => `${r.name} (${r.error})`).join('; ')}`);

  const previous = readResults();
  const results: Results = {
    updatedAt: new Date().toISOString(),
    machine: { cpus: cpus.length, model: cpus[0]?.model ?? '?', memoryGb: round(os.totalmem() / 2 ** 30, 1), platform: `${os.type()} ${os.release()}`, node: process.version },
    lastRun: { startedAt, names: selected.map((e) => e.name), seconds, loadAvgStart, loadAvgEnd },
    runs: { ...(previous?.runs ?? {}), ...Object.fromEntries(records.map((r) => [r.name, r])) },
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${RESULTS.replace(`${process.cwd()}/`, '')} (${seconds} s)`);
}

await main();
