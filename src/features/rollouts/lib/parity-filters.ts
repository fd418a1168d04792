/**
 * Filters of the parity review, kept in the URL (`?status=mismatch&triage=untriaged&pattern=…`)
 * so a triage queue can be shared as a link.
 */
import { PARITY_STATUSES, type ParityStatus } from '@core/rollout/model';

export const TRIAGE_FILTERS = ['untriaged', 'expected', 'bug', 'ignored'] as const;
export type TriageFilter = (typeof TRIAGE_FILTERS)[number];

export interface ParityFilters {
  status?: ParityStatus;
  triage?: TriageFilter;
  pattern?: string;
  subject?: string;
}

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

const text = (raw: string | null, max: number): string | undefined => {
  const t = raw?.trim();
  return t ? t.slice(0, max) : undefined;
};

/** A select's value as a status / triage filter (empty or unknown: no filter). */
export const statusFilter = (raw: string): ParityStatus | undefined => oneOf(PARITY_STATUSES, raw);
export const triageFilter = (raw: string): TriageFilter | undefined => oneOf(TRIAGE_FILTERS, raw);

export function parseParityFilters(search: URLSearchParams): ParityFilters {
  const filters: ParityFilters = {};
  const status = oneOf(PARITY_STATUSES, search.get('status'));
  const triage = oneOf(TRIAGE_FILTERS, search.get('triage'));
  const pattern = text(search.get('pattern'), 4000);
  const subject = text(search.get('subject'), 512);
  if (status) filters.status = status;
  if (triage) filters.triage = triage;
  if (pattern) filters.pattern = pattern;
  if (subject) filters.subject = subject;
  return filters;
}

/** The filters into `search`, other parameters kept; empty filters leave no trace. */
export function writeParityFilters(search: URLSearchParams, filters: ParityFilters): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of ['status', 'triage', 'pattern', 'subject'] as const) {
    const value = filters[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

export const hasFilters = (f: ParityFilters): boolean => Boolean(f.status || f.triage || f.pattern || f.subject);
