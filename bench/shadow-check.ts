/**
 * Micro-benchmark (was a timed unit test): core shadowCheck over 100 flags x 2,000 contexts,
 * every flag changed (three rules each: platform + version bound, locale, axis). JIT warmed by one
 * call, then 15 timed calls; the figure is the median. Bound: 300 ms (what the unit test allowed a
 * loaded CI machine; ~40-80 ms was typical on an idle one).
 * Run: npx tsx bench/shadow-check.ts
 */
import { defaultPopulation, shadowCheck } from '@core/evaluate';
import type { DeclaredFeature, Flag, NamespaceSchema, Rule, Snapshot } from '@core/model';
import { figure, type Figure } from './lib/figure';
import { round } from './lib/stats';
import { isMain, printTable } from './table';

const RUNS = 15;
const K = (n: number) => `feature::app::f${n}`;
const rule = (rampUp: number, extra: Partial<Rule> = {}): Rule => ({
  value: { type: 'BOOLEAN', value: true },
  type: 'STATIC',
  rampUp,
  rampUpAllowlist: [],
  locales: [],
  platforms: [],
  versionRange: { type: 'UNBOUNDED' },
  axes: {},
  ...extra,
});
const flag = (n: number, rules: Rule[]): Flag => ({ key: K(n), defaultValue: { type: 'BOOLEAN', value: false }, salt: 'v1', isActive: true, rampUpAllowlist: [], rules });
const rules = (ramp: number) => [
  rule(ramp, { platforms: ['IOS'], versionRange: { type: 'MIN_BOUND', min: { major: 2, minor: 0, patch: 0 } } }),
  rule(ramp / 2, { locales: ['FRANCE'] }),
  rule(100, { axes: { env: ['prod'] } }),
];

export async function run(): Promise<Figure[]> {
  const before: Snapshot = { flags: Array.from({ length: 100 }, (_, i) => flag(i, rules(10 + (i % 50)))) };
  const after: Snapshot = { flags: Array.from({ length: 100 }, (_, i) => flag(i, rules(20 + (i % 50)))) };
  const schema: NamespaceSchema = {
    namespace: 'app',
    features: before.flags.map((f): DeclaredFeature => ({ key: f.key, type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: false } })),
  };
  const population = defaultPopulation([before, after]);
  const first = shadowCheck(before, after, schema, population);
  if (!first.flags.every((f) => f.changedCount > 0)) throw new Error('every flag should change for some contexts');
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    shadowCheck(before, after, schema, population);
    samples.push(round(performance.now() - started, 2));
  }
  return [
    figure({
      id: 'X1',
      name: `shadow check, 100 flags x ${population.length.toLocaleString('en')} contexts (core, in process)`,
      unit: 'ms',
      samples,
      target: { op: '<=', value: 300, on: 'median' },
      notes: { runs: RUNS },
    }),
  ];
}

if (isMain(import.meta.url)) {
  for (const f of await run()) printTable(`${f.id} ${f.name}`, { median: f.median, min: f.min, max: f.max, verdict: f.verdict, ...f.notes });
}
