/**
 * MSW handlers typed by the contract: a resolver for route N must return ResponseOf<N> (or an
 * explicit error reply), and the body is parsed with the route's schema before it is sent, so a
 * fixture that drifts from the contract fails loudly instead of passing silently.
 */
import { http, HttpResponse, type PathParams } from 'msw';
import { routes, type ResponseOf, type RouteName } from '@contract/routes';
import type { ApiErrorBody, ErrorCode } from '@contract/schemas';

/** A reply that is not the route's success body: an API error or a network failure. */
export class ErrorReply {
  constructor(readonly response: Response) {}
}

export function apiErrorReply(
  status: number,
  code: ErrorCode,
  message: string,
  extra: { path?: string; details?: Record<string, unknown> } = {},
): ErrorReply {
  const body: ApiErrorBody = { error: { code, message, ...extra } };
  return new ErrorReply(HttpResponse.json(body, { status }));
}

export function networkErrorReply(): ErrorReply {
  return new ErrorReply(HttpResponse.error());
}

export interface ResolverInfo {
  request: Request;
  params: PathParams;
}

export type TypedResolver<N extends RouteName> = (
  info: ResolverInfo,
) => ResponseOf<N> | ErrorReply | Promise<ResponseOf<N> | ErrorReply>;

const METHODS = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete } as const;

export function typedHandler<N extends RouteName>(name: N, resolver: TypedResolver<N>, options: { once?: boolean } = {}) {
  const route = routes[name];
  return METHODS[route.method](
    route.path,
    async ({ request, params }) => {
      const reply = await resolver({ request, params });
      if (reply instanceof ErrorReply) return reply.response;
      return HttpResponse.json(route.response.parse(reply) as ResponseOf<N> & object);
    },
    options,
  );
}
