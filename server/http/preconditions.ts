import { ApiError } from '../errors';
import type { IfMatch } from '../registry/service';

/** `If-Match`: `*`, or one or more entity tags holding a version: `"12"`, `12` or `W/"12"`. */
export function parseIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (header.trim() === '*') return { any: true };
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const tag = part.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    if (!/^\d{1,15}$/.test(tag)) {
      throw new ApiError(
        'BadRequest',
        `If-Match must be the version (or rollout revision) you saw, quoted (e.g. "12"), or *; got ${JSON.stringify(header)}`,
        undefined,
        { header: 'If-Match' },
      );
    }
    versions.push(Number(tag));
  }
  return { any: false, versions };
}

const REQUIRED: Record<'active-version' | 'namespace-revision' | 'rollout-revision', string> = {
  'active-version': 'this change needs If-Match: "<the active version you saw>" (or If-Match: * to apply it to whatever is live)',
  'namespace-revision': 'this change needs If-Match: "<the namespace revision you saw>" (its `revision`), or If-Match: * for the namespace as it is now',
  'rollout-revision': 'this change needs If-Match: "<the rollout revision you saw>" (or If-Match: * to apply it to the rollout as it is now)',
};

export const preconditionRequired = (kind: 'active-version' | 'namespace-revision' | 'rollout-revision' = 'active-version'): ApiError =>
  new ApiError(
    'PreconditionRequired',
    REQUIRED[kind],
    undefined,
    { header: 'If-Match' },
  );

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new ApiError('BadRequest', 'Idempotency-Key must be 1-200 visible ASCII characters (a UUID is ideal)', undefined, {
      header: 'Idempotency-Key',
    });
  }
  return header;
}

/** Strong entity-tag comparison for If-None-Match (`*` matches anything; `W/` is ignored as RFC 9110 allows for GET). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
