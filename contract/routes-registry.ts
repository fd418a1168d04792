/**
 * The registry's routes (namespaces, versions, diffs, the audit log) and sign-in, sessions and
 * tokens: one exported definition per route, so a bundle keeps only the routes it calls.
 */
import { z } from 'zod/mini';
import type { RouteDef } from './route-def';
import * as s from './schemas';

export const nsParams = z.object({ ns: s.NamespaceId });
const versionParams = z.object({ ns: s.NamespaceId, version: z.coerce.number().check(z.int(), z.minimum(1)) });

export const listNamespaces = {
  method: 'GET',
  path: '/api/v1/namespaces',
  summary: 'Every namespace with its active version, kill-switch state and last change',
  access: 'viewer',
  mutation: false,
  response: z.object({ items: z.array(s.NamespaceSummarySchema) }),
} as const satisfies RouteDef;

export const createNamespace = {
  method: 'POST',
  path: '/api/v1/namespaces',
  summary: 'Create a namespace from declared features, or by adopting a snapshot (its flags become the declaration and version 1)',
  access: 'admin',
  mutation: true,
  body: s.CreateNamespaceBody,
  response: s.MutationResponse,
} as const satisfies RouteDef;

export const getNamespace = {
  method: 'GET',
  path: '/api/v1/namespaces/:ns',
  summary: 'A namespace: declared features, the live snapshot, recent changes',
  access: 'viewer',
  mutation: false,
  params: nsParams,
  response: s.NamespaceDetailSchema,
} as const satisfies RouteDef;

export const putFeatures = {
  method: 'PUT',
  path: '/api/v1/namespaces/:ns/features',
  summary:
    'Replace the declared features (the live snapshot must still validate against them). If-Match carries the namespace revision ' +
    '(`revision` in the namespace), since a features change does not move the active version',
  access: 'admin',
  mutation: true,
  precondition: 'namespace-revision',
  params: nsParams,
  body: s.PutFeaturesBody,
  response: s.MutationResponse,
} as const satisfies RouteDef;

export const listVersions = {
  method: 'GET',
  path: '/api/v1/namespaces/:ns/versions',
  summary: 'Versions newest first, paged with `before` and `limit`',
  access: 'viewer',
  mutation: false,
  params: nsParams,
  query: z.object({
    before: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 100),
  }),
  response: s.VersionPage,
} as const satisfies RouteDef;

export const getVersion = {
  method: 'GET',
  path: '/api/v1/namespaces/:ns/versions/:version',
  summary: 'One version with its snapshot',
  access: 'viewer',
  mutation: false,
  params: versionParams,
  response: s.VersionDetailSchema,
} as const satisfies RouteDef;

export const diff = {
  method: 'GET',
  path: '/api/v1/namespaces/:ns/diff',
  summary: 'Flag-by-flag, field-by-field diff between two versions',
  access: 'viewer',
  mutation: false,
  params: nsParams,
  query: z.object({ from: z.coerce.number().check(z.int(), z.minimum(1)), to: z.coerce.number().check(z.int(), z.minimum(1)) }),
  response: s.DiffResponse,
} as const satisfies RouteDef;

export const validate = {
  method: 'POST',
  path: '/api/v1/namespaces/:ns/validate',
  summary: 'Dry run of a snapshot or patch: the validation error, or the diff and shadow check against the live version',
  access: 'viewer',
  mutation: false,
  params: nsParams,
  body: s.ValidateBody,
  response: s.ValidateResponse,
} as const satisfies RouteDef;

export const load = {
  method: 'POST',
  path: '/api/v1/namespaces/:ns/load',
  summary: 'Validate and atomically load a whole snapshot as a new version',
  access: 'operator',
  mutation: true,
  precondition: 'active-version',
  params: nsParams,
  body: s.LoadBody,
  response: s.MutationResponse,
} as const satisfies RouteDef;

export const patch = {
  method: 'POST',
  path: '/api/v1/namespaces/:ns/patch',
  summary: 'Apply a patch (upsert flags, removeKeys, meta) to the live snapshot and load the result',
  access: 'operator',
  mutation: true,
  precondition: 'active-version',
  params: nsParams,
  body: s.PatchBody,
  response: s.MutationResponse,
} as const satisfies RouteDef;

export const rollback = {
  method: 'POST',
  path: '/api/v1/namespaces/:ns/rollback',
  summary: 'Move the active pointer `steps` back along the active chain; the versions passed over are marked discarded',
  access: 'operator',
  mutation: true,
  precondition: 'active-version',
  params: nsParams,
  body: s.RollbackBody,
  response: s.MutationResponse,
} as const satisfies RouteDef;

export const restore = {
  method: 'POST',
  path: '/api/v1/namespaces/:ns/restore',
  summary: "Write a new version with an earlier version's content",
  access: 'operator',
  mutation: true,
  precondition: 'active-version',
  params: nsParams,
  body: s.RestoreBody,
  response: s.MutationResponse,
} as const satisfies RouteDef;

export const killSwitch = {
  method: 'POST',
  path: '/api/v1/namespaces/:ns/kill-switch',
  summary: 'Turn the kill switch on (every flag serves its declared default) or off',
  access: 'operator',
  mutation: true,
  precondition: 'active-version',
  params: nsParams,
  body: s.KillSwitchBody,
  response: s.MutationResponse,
} as const satisfies RouteDef;

export const listEvents = {
  method: 'GET',
  path: '/api/v1/events',
  summary: 'The audit log, newest first; `format=csv` for CSV',
  access: 'viewer',
  mutation: false,
  query: s.EventsQuery,
  response: s.EventPage,
  produces: ['application/json', 'text/csv'],
} as const satisfies RouteDef;

export const me = {
  method: 'GET',
  path: '/api/v1/me',
  summary: 'Who the caller is',
  access: 'viewer',
  mutation: false,
  response: s.MeSchema,
} as const satisfies RouteDef;

export const createSession = {
  method: 'POST',
  path: '/api/v1/session',
  summary: 'Exchange a token (or a one-time login code) for an httpOnly SameSite=Strict session cookie',
  access: 'public',
  mutation: false,
  body: s.SessionBody,
  response: s.MeSchema,
} as const satisfies RouteDef;

export const deleteSession = {
  method: 'DELETE',
  path: '/api/v1/session',
  summary: 'Log out',
  access: 'public',
  mutation: false,
  response: z.object({ ok: z.literal(true) }),
} as const satisfies RouteDef;

export const listTokens = {
  method: 'GET',
  path: '/api/v1/tokens',
  summary: 'API tokens (never their secrets)',
  access: 'admin',
  mutation: false,
  response: z.object({ items: z.array(s.TokenSchema) }),
} as const satisfies RouteDef;

export const createToken = {
  method: 'POST',
  path: '/api/v1/tokens',
  summary: 'Create an API token; its secret is shown once',
  access: 'admin',
  mutation: true,
  body: s.CreateTokenBody,
  response: s.CreatedToken,
} as const satisfies RouteDef;

export const revokeToken = {
  method: 'POST',
  path: '/api/v1/tokens/:id/revoke',
  summary: 'Revoke an API token',
  access: 'admin',
  mutation: true,
  params: z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)) }),
  body: s.RevokeTokenBody,
  response: s.TokenSchema,
} as const satisfies RouteDef;

/** Every registry route by name (routes.ts assembles the full table from the areas). */
export const registryRoutes = {
  listNamespaces,
  createNamespace,
  getNamespace,
  putFeatures,
  listVersions,
  getVersion,
  diff,
  validate,
  load,
  patch,
  rollback,
  restore,
  killSwitch,
  listEvents,
  me,
  createSession,
  deleteSession,
  listTokens,
  createToken,
  revokeToken,
} as const satisfies Record<string, RouteDef>;
