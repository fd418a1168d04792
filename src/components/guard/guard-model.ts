/** Pure helpers of the guard dialog (X1). */
import { z } from 'zod/mini';
import { AuditEventSchema, NamespaceSummarySchema, type AuditEvent, type NamespaceSummary } from '@contract/schemas';
import { isApiError } from '../../lib/api-error';

/** One click is enough for the usual reasons; people can still type their own. */
export const DEFAULT_REASONS = [
  'Error rate spike after last change',
  'Latency regression',
  'Bad value shipped',
  'Rollback requested by incident commander',
] as const;

export const REASON_MAX = 1000;

export function reasonProblem(reason: string): string | null {
  if (reason.trim() === '') return 'Give a reason: it goes into the audit log for whoever looks at this next.';
  if (reason.length > REASON_MAX) return `A reason is at most ${REASON_MAX} characters (this one has ${reason.length}).`;
  return null;
}

/** The typed name must match exactly (no trimming surprises beyond surrounding spaces). */
export const typedNameMatches = (typed: string, expected: string) => typed.trim() === expected;

export interface Conflict {
  /** The namespace as it is now. */
  current: NamespaceSummary;
  /** What happened since the version the user saw, newest first. */
  changesSince: AuditEvent[];
}

const ConflictDetails = z.object({ current: NamespaceSummarySchema, changesSince: z.array(AuditEventSchema) });

/** A 412 PreconditionFailed carries the current state and the changes since; anything else is not a conflict. */
export function parseConflict(error: unknown): Conflict | null {
  if (!isApiError(error) || error.code !== 'PreconditionFailed') return null;
  const parsed = ConflictDetails.safeParse(error.details ?? {});
  return parsed.success ? parsed.data : null;
}

/** A failure after which nothing was written for sure (the server answered 4xx): a retry is a new intent. */
export function isDefinitiveFailure(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}
