/**
 * What every benchmark module returns: one or more figures, each a set of samples summarised as
 * median / min / max, a target, and (where the quality bars name one) a reference measured in the
 * same run, so a loaded machine shows in the reference too.
 */
import { max, median, min } from './stats';

export interface Target {
  /** `<=`: lower is better (ms, KB, MB); `>=`: higher is better (req/s, ratio). */
  op: '<=' | '>=';
  value: number;
  /** What the target is compared with: the figure's median, or its ratio to the reference. */
  on: 'median' | 'ratio';
}

export interface Figure {
  id: string;
  name: string;
  unit: string;
  samples: number[];
  median: number;
  min: number;
  max: number;
  target: Target | null;
  /** The same-run reference (e.g. a bare node:http server), summarised like the figure. */
  reference?: { name: string; median: number; min: number; max: number; samples: number[] };
  /** median / reference median (or reference / median for `<=` figures with `ratioOf: 'reference'`). */
  ratio?: number;
  verdict: 'met' | 'missed' | 'info';
  /** Anything a reader needs to trust the figure: data set, runs, breakdowns. */
  notes: Record<string, number | string>;
}

export interface FigureInput {
  id: string;
  name: string;
  unit: string;
  samples: number[];
  target: Target | null;
  reference?: { name: string; samples: number[] };
  notes?: Record<string, number | string>;
}

export function figure(input: FigureInput): Figure {
  const f: Figure = {
    id: input.id,
    name: input.name,
    unit: input.unit,
    samples: input.samples,
    median: median(input.samples),
    min: min(input.samples),
    max: max(input.samples),
    target: input.target,
    verdict: 'info',
    notes: input.notes ?? {},
  };
  if (input.reference) {
    const r = input.reference.samples;
    f.reference = { name: input.reference.name, samples: r, median: median(r), min: min(r), max: max(r) };
    f.ratio = f.reference.median === 0 ? Number.NaN : f.median / f.reference.median;
  }
  if (input.target) {
    const value = input.target.on === 'ratio' ? f.ratio : f.median;
    if (value === undefined || Number.isNaN(value)) f.verdict = 'missed';
    else f.verdict = (input.target.op === '<=' ? value <= input.target.value : value >= input.target.value) ? 'met' : 'missed';
  }
  return f;
}

/** A benchmark module: bench/p1-*.ts … bench/p9-*.ts each export `run()`. */
export type BenchRun = () => Promise<Figure[]>;
