import type { z } from 'zod/mini';
import { buildPath, type RouteBody, type RouteDef, type RouteParams, type RouteQuery, type RouteResponse } from '@contract/route-def';
import { ApiErrorBody } from '@contract/schemas';
import { ApiError } from './api-error';
import { useConnectionStore } from './connection-store';
import { UNREACHABLE_STATUSES } from './health-probe';

type Scalar = string | number | boolean;

/** Path and query values travel as text; the contract coerces them (`z.coerce`), so accept any scalar there. */
type Wire<T> = { [K in keyof T]: unknown extends T[K] ? Scalar : T[K] };

type Part<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: never }
  : Record<string, never> extends T
    ? { [P in K]?: Wire<T> }
    : { [P in K]: Wire<T> };

type BodyPart<T> = [T] extends [undefined] ? { body?: never } : { body: T };

export type RequestOptions<R extends RouteDef> = Part<'params', RouteParams<R>> &
  Part<'query', RouteQuery<R>> &
  BodyPart<RouteBody<R>> & {
    /** The active version the user saw: sent as `If-Match: "<v>"`; `*` means whatever is live. */
    ifMatch?: number | '*';
    /** One per user intent (e.g. per opened dialog), so a repeated click acts once. */
    idempotencyKey?: string;
    signal?: AbortSignal;
  };

type Args<R extends RouteDef> = Record<string, never> extends RequestOptions<R>
  ? [options?: RequestOptions<R>]
  : [options: RequestOptions<R>];

interface LooseOptions {
  params?: Record<string, Scalar>;
  query?: Record<string, Scalar | undefined>;
  body?: unknown;
  ifMatch?: number | '*';
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export function apiUrl(route: RouteDef, options: Pick<LooseOptions, 'params' | 'query'> = {}): string {
  const params = Object.fromEntries(Object.entries(options.params ?? {}).map(([k, v]) => [k, String(v)]));
  const url = new URL(buildPath(route.path, params), window.location.href);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.pathname + url.search;
}

/**
 * Call one route of the contract (its definition, imported from the route's area module, e.g.
 * `@contract/routes-registry`, so a screen's chunk carries only the schemas it calls) and return
 * its parsed response. Every failure becomes an
 * `ApiError`: the server's `{error}` body when there is one, status 0 / `Network` when no answer
 * came back. Aborts are re-thrown untouched so TanStack Query can tell cancellations apart.
 */
export async function apiRequest<R extends RouteDef>(route: R, ...args: Args<R>): Promise<RouteResponse<R>> {
  // The typed overloads above are the public face; inside, one loose shape serves every route.
  const options = (args[0] ?? {}) as LooseOptions;
  const headers = new Headers({ Accept: 'application/json' });
  if (route.method !== 'GET') headers.set('X-Requested-With', 'switchyard');
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.ifMatch !== undefined) headers.set('If-Match', options.ifMatch === '*' ? '*' : `"${options.ifMatch}"`);
  const idempotencyKey = options.idempotencyKey ?? (route.mutation ? crypto.randomUUID() : undefined);
  if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey);

  let response: Response;
  try {
    response = await fetch(new URL(apiUrl(route, options), window.location.href), {
      method: route.method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (isAbort(error, options.signal)) throw error;
    useConnectionStore.getState().apiUnreachable();
    throw new ApiError({
      status: 0,
      code: 'Network',
      message: 'The Switchyard server could not be reached.',
      details: { cause: error instanceof Error ? error.message : String(error) },
    });
  }

  // Every answer tells the degraded-mode banner whether the API is there (X5).
  if (UNREACHABLE_STATUSES.has(response.status)) useConnectionStore.getState().apiUnreachable();
  else useConnectionStore.getState().apiAnswered();

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response, payload);

  const schema: z.ZodMiniType = route.response;
  const parsed = schema.safeParse(payload.ok ? payload.value : undefined);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'InvalidResponse',
      message: `The response of ${route.method} ${route.path} does not match the API contract.`,
      details: { issues: parsed.error.issues.slice(0, 10) },
    });
  }
  // TypeScript cannot narrow R['response'] for a generic R; the contract ties it to RouteResponse<R>.
  return parsed.data as RouteResponse<R>;
}

type Json = { ok: true; value: unknown } | { ok: false };

async function readJson(response: Response): Promise<Json> {
  const text = await response.text().catch(() => '');
  if (!text) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function toApiError(response: Response, payload: Json): ApiError {
  const body = payload.ok ? ApiErrorBody.safeParse(payload.value) : undefined;
  if (body?.success) {
    const { code, message, path, details } = body.data.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      ...(path !== undefined && { path }),
      ...(details !== undefined && { details }),
    });
  }
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? 'Internal' : 'HttpError',
    message: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} without an explanation.`,
  });
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return Boolean(signal?.aborted) || (error instanceof DOMException && error.name === 'AbortError');
}
