import type { ErrorCode } from '@contract/schemas';
import type { DecodeError } from '@core/model';

export const STATUS_OF: Record<ErrorCode, number> = {
  BadRequest: 400,
  InvalidJson: 422,
  FeatureNotFound: 422,
  InvalidSnapshot: 422,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  AlreadyExists: 409,
  PreconditionRequired: 428,
  PreconditionFailed: 412,
  InsufficientHistory: 409,
  IdempotencyKeyReused: 422,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  RateLimited: 429,
  Internal: 500,
};

/** An error whose message is meant for the caller; everything else is logged and reported as Internal. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
    readonly details?: Record<string, unknown>,
    status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status ?? STATUS_OF[code];
  }

  toBody(): { error: { code: ErrorCode; message: string; path?: string; details?: Record<string, unknown> } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.path !== undefined ? { path: this.path } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }
}

/** A Konditional decode error as a 422 whose path points into the submitted document. */
export function decodeFailure(error: DecodeError, prefix = '', details?: Record<string, unknown>): ApiError {
  const path = error.path !== undefined ? prefix + error.path : prefix || undefined;
  return new ApiError(error.kind, error.message, path, details);
}

export const notFound = (what: string): ApiError => new ApiError('NotFound', `${what} does not exist`);

/** RFC 6901 pointer from a list of keys. */
export function toPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((k) => '/' + String(k).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}
