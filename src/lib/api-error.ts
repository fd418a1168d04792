import type { ErrorCode } from '@contract/schemas';

/** Codes the client adds to the server's: no answer at all, or an answer that breaks the contract. */
export type ClientErrorCode = 'Network' | 'InvalidResponse' | 'HttpError';

export interface ApiErrorInit {
  status: number;
  code: ErrorCode | ClientErrorCode;
  message: string;
  path?: string;
  details?: Record<string, unknown>;
}

/** Every failed API call, normalised once so components can render it. status 0 = no response. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly path?: string;
  readonly details?: Record<string, unknown>;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    if (init.path !== undefined) this.path = init.path;
    if (init.details !== undefined) this.details = init.details;
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A sentence for people: what happened and what to do next. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return 'Something unexpected went wrong. Reload the page; if it happens again, report it.';
  switch (error.code) {
    case 'Network':
      return 'Could not reach the Switchyard server. Check your connection or whether the server is running; we will retry.';
    case 'Unauthorized':
      return 'Your session has ended. Sign in again to continue.';
    case 'Forbidden':
      return `Your role does not allow this. ${error.message}`;
    case 'RateLimited':
      return 'Too many requests in a short time. Wait a few seconds and try again.';
    case 'InvalidResponse':
      return 'The server sent an answer this dashboard does not understand. The server and the dashboard may be different versions: reload the page.';
    case 'Internal':
      return `The server failed while handling this request (${error.message}). Try again; if it persists, check the server logs.`;
    default:
      return error.message;
  }
}
