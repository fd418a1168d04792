/**
 * Both sides' differing outputs of a parity report, lined up for a side-by-side view: surplus
 * outputs of the same type are paired in order (as core/rollout/parity-pattern.ts groups them)
 * and their data compared field by field (core/rollout/structural-diff.ts); the rest are extras
 * that only one side produced.
 */
import type { JsonValue } from '@core/model';
import type { ParityOutput } from '@core/rollout/model';
import { structuralDiff, type DiffEntry } from '@core/rollout/structural-diff';

export type OutputPair =
  | { kind: 'changed'; type: string; v1: ParityOutput; v2: ParityOutput; subjectDiffers: boolean; diff: DiffEntry[] }
  | { kind: 'only_v1'; type: string; v1: ParityOutput }
  | { kind: 'only_v2'; type: string; v2: ParityOutput };

const dataOf = (o: ParityOutput): JsonValue => o.data ?? {};

export function pairOutputs(onlyInV1: readonly ParityOutput[], onlyInV2: readonly ParityOutput[]): OutputPair[] {
  const types = [...new Set([...onlyInV1, ...onlyInV2].map((o) => o.type))];
  const out: OutputPair[] = [];
  for (const type of types) {
    const a = onlyInV1.filter((o) => o.type === type);
    const b = onlyInV2.filter((o) => o.type === type);
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const v1 = a[i];
      const v2 = b[i];
      if (v1 && v2) out.push({ kind: 'changed', type, v1, v2, subjectDiffers: (v1.subject ?? null) !== (v2.subject ?? null), diff: structuralDiff(dataOf(v1), dataOf(v2), 200) });
      else if (v1) out.push({ kind: 'only_v1', type, v1 });
      else if (v2) out.push({ kind: 'only_v2', type, v2 });
    }
  }
  return out;
}

/** A diff entry's value as short text for a table cell. */
export function diffValueText(value: JsonValue | undefined): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** "data.total.rounding" from a pointer's segments. */
export const fieldPath = (segments: readonly (string | number)[]): string =>
  segments.length === 0 ? 'data' : segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
