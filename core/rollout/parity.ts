/**
 * Parity comparison of V1 (legacy) and V2 (event runtime) outputs for one subject, as jido's
 * `JidoConversation.Rollout.Parity` did: each side's outputs normalised to `{type, subject,
 * data}` and compared as multisets by canonical JSON (object keys sorted), so order does not
 * matter but multiplicity does. jido kept counts only; we also keep the surplus outputs.
 */
import type { JsonValue } from '../model';
import type { ParityIngest, ParityOutput, ParityReportSummary, ParityStatus } from './model';

export interface ParityComparison {
  status: ParityStatus;
  /** V2 (event runtime) outputs compared. */
  eventOutputCount: number;
  /** V1 (legacy) outputs compared; 0 when legacy was unavailable. */
  legacyOutputCount: number;
  /** Surplus on the V2 side: outputs V2 produced that V1 did not (jido `missing_in_legacy`). */
  missingInLegacy: number;
  /** Surplus on the V1 side: outputs V1 produced that V2 did not (jido `missing_in_event`). */
  missingInEvent: number;
  /** The V1 outputs without a V2 twin, in V1's order (length `missingInEvent`). */
  onlyInV1: ParityOutput[];
  /** The V2 outputs without a V1 twin, in V2's order (length `missingInLegacy`). */
  onlyInV2: ParityOutput[];
}

/**
 * JSON text with object keys sorted at every level and no whitespace: equal for values that
 * mean the same JSON, whatever their key order.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = value[k];
    if (v !== undefined) parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** jido's normalisation: a missing subject is null, and missing or null data is `{}`. */
export function normalizeOutput(output: ParityOutput): ParityOutput {
  return { type: output.type, subject: output.subject ?? null, data: output.data ?? {} };
}

/** The multiset key of an output. */
export function outputKey(output: ParityOutput): string {
  const normalized: JsonValue = { type: output.type, subject: output.subject ?? null, data: output.data ?? {} };
  return canonicalJson(normalized);
}

/** Outputs of `side` that have no twin left in `other`'s counts; consumes those counts. */
function surplus(side: readonly ParityOutput[], available: Map<string, number>): ParityOutput[] {
  const out: ParityOutput[] = [];
  for (const o of side) {
    const key = outputKey(o);
    const n = available.get(key) ?? 0;
    if (n > 0) available.set(key, n - 1);
    else out.push(normalizeOutput(o));
  }
  return out;
}

const countKeys = (outputs: readonly ParityOutput[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const o of outputs) {
    const k = outputKey(o);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
};

/** Compare both sides; `v1Outputs === null` means the legacy side could not be asked. */
export function compareOutputs(v1Outputs: readonly ParityOutput[] | null, v2Outputs: readonly ParityOutput[]): ParityComparison {
  if (v1Outputs === null) {
    return {
      status: 'legacy_unavailable',
      eventOutputCount: v2Outputs.length,
      legacyOutputCount: 0,
      missingInLegacy: 0,
      missingInEvent: 0,
      onlyInV1: [],
      onlyInV2: [],
    };
  }
  // Earlier occurrences pair up first; the unmatched rest is the surplus.
  const onlyInV2 = surplus(v2Outputs, countKeys(v1Outputs));
  const onlyInV1 = surplus(v1Outputs, countKeys(v2Outputs));
  return {
    status: onlyInV1.length === 0 && onlyInV2.length === 0 ? 'match' : 'mismatch',
    eventOutputCount: v2Outputs.length,
    legacyOutputCount: v1Outputs.length,
    missingInLegacy: onlyInV2.length,
    missingInEvent: onlyInV1.length,
    onlyInV1,
    onlyInV2,
  };
}

/** The subject of an ingest (`subject`, else jido's `conversationId`). */
export const parityIngestSubject = (ingest: ParityIngest): string => ingest.subject ?? ingest.conversationId ?? '';

/** Run the comparison of an ingest and summarise it in jido's report shape. */
export function summarizeParity(ingest: ParityIngest, comparison: ParityComparison = compareOutputs(ingest.v1Outputs, ingest.v2Outputs)): ParityReportSummary {
  return {
    conversationId: parityIngestSubject(ingest),
    comparedAt: ingest.comparedAt,
    status: comparison.status,
    adapter: ingest.adapter ?? null,
    eventOutputCount: comparison.eventOutputCount,
    legacyOutputCount: comparison.legacyOutputCount,
    missingInLegacy: comparison.missingInLegacy,
    missingInEvent: comparison.missingInEvent,
    reason: comparison.status === 'legacy_unavailable' ? (ingest.reason ?? 'legacy_unavailable') : null,
  };
}
