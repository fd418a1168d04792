/** Snapshots and patches as clients submit them (raw text or parsed JSON), decoded against a namespace. */
import type { DecodeError, Snapshot } from '@core/model';
import { decodePatch, decodeSnapshot, validateDeclaredFeatures } from '@core/decode';
import { applyPatch } from '@core/patch';
import { decodeFailure } from '../errors';
import type { NamespaceStateWithContent } from '../store/types';
import { MAX_NESTING, textNestingExceeds } from './nesting';
import { activeSnapshot, schemaOf } from './plans';

export type SubmittedDocument = string | Record<string, unknown>;

export type Decoded = { ok: true; value: Snapshot } | { ok: false; error: DecodeError };

export const failed = (error: DecodeError): Decoded => ({ ok: false, error });

export function validFeatures(ns: string, features: unknown) {
  const result = validateDeclaredFeatures(ns, features);
  if (!result.ok) throw decodeFailure(result.error);
  return result.value;
}

/** Raw text is checked before any recursive code sees it (absurd nesting would overflow the stack). */
export function nestingError(doc: SubmittedDocument): DecodeError | null {
  return typeof doc === 'string' && textNestingExceeds(doc)
    ? { kind: 'InvalidJson', message: `the document is nested deeper than ${MAX_NESTING} levels` }
    : null;
}

export function decodeSubmittedSnapshot(doc: SubmittedDocument, state: NamespaceStateWithContent): Decoded {
  const guard = nestingError(doc);
  return guard ? failed(guard) : decodeSnapshot(doc, schemaOf(state));
}

/** The live snapshot with the patch applied, validated as a whole. */
export function patchedSnapshot(doc: SubmittedDocument, state: NamespaceStateWithContent): Decoded {
  const guard = nestingError(doc);
  if (guard) return failed(guard);
  const schema = schemaOf(state);
  const patch = decodePatch(doc, schema);
  return patch.ok ? applyPatch(activeSnapshot(state), patch.value, schema) : patch;
}

export const pathOf = (e: DecodeError): { path?: string } => (e.path !== undefined ? { path: e.path } : {});
