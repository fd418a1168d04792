/**
 * The shape of one route of the contract and the types derived from it. Route definitions live
 * per area (routes-registry.ts, routes-rollouts.ts, routes-insights.ts) so a screen's bundle
 * carries only the schemas of the routes it calls; routes.ts assembles the whole table.
 */
import type { z } from 'zod/mini';

export type Access = 'public' | 'viewer' | 'operator' | 'admin' | 'reporter';

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  access: Access;
  /** Mutations need a reason, take an Idempotency-Key and (where `precondition` is set) If-Match. */
  mutation: boolean;
  /**
   * `active-version`: If-Match carries the namespace's active version; `namespace-revision`: the
   * namespace's revision (bumped by every change, also those that keep the version: features,
   * kill switch); `rollout-revision`: the rollout's revision.
   */
  precondition?: 'active-version' | 'namespace-revision' | 'rollout-revision';
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** Non-JSON success responses (CSV, event streams). */
  produces?: string[];
}

type Infer<T> = T extends z.ZodMiniType ? z.output<T> : undefined;
type InferIn<T> = T extends z.ZodMiniType ? z.input<T> : undefined;
/** What a successful call of the route returns (parsed). */
export type RouteResponse<R extends RouteDef> = Infer<R['response']>;
/** What the route takes as its body, path parameters and query (before coercion and defaults). */
export type RouteBody<R extends RouteDef> = R extends { body: infer B } ? InferIn<B> : undefined;
export type RouteParams<R extends RouteDef> = R extends { params: infer P } ? InferIn<P> : undefined;
export type RouteQuery<R extends RouteDef> = R extends { query: infer Q } ? InferIn<Q> : undefined;

/** Fill `:param` segments. */
export function buildPath(path: string, params?: Record<string, string | number>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });
}
