/**
 * Every /api/v1 route: method, path, who may call it, and the schemas of its parts.
 * Paths use `:param` segments (rendered as `{param}` in OpenAPI).
 */
import { z } from 'zod';
import * as s from './schemas';
import * as r from './rollouts';
import { insightRoutes } from './insights';

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
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Non-JSON success responses (CSV, event streams). */
  produces?: string[];
}

const nsParams = z.object({ ns: s.NamespaceId });
const versionParams = z.object({ ns: s.NamespaceId, version: z.coerce.number().int().min(1) });

export const routes = {
  listNamespaces: {
    method: 'GET',
    path: '/api/v1/namespaces',
    summary: 'Every namespace with its active version, kill-switch state and last change',
    access: 'viewer',
    mutation: false,
    response: z.object({ items: z.array(s.NamespaceSummarySchema) }),
  },
  createNamespace: {
    method: 'POST',
    path: '/api/v1/namespaces',
    summary: 'Create a namespace from declared features, or by adopting a snapshot (its flags become the declaration and version 1)',
    access: 'admin',
    mutation: true,
    body: s.CreateNamespaceBody,
    response: s.MutationResponse,
  },
  getNamespace: {
    method: 'GET',
    path: '/api/v1/namespaces/:ns',
    summary: 'A namespace: declared features, the live snapshot, recent changes',
    access: 'viewer',
    mutation: false,
    params: nsParams,
    response: s.NamespaceDetailSchema,
  },
  putFeatures: {
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
  },
  listVersions: {
    method: 'GET',
    path: '/api/v1/namespaces/:ns/versions',
    summary: 'Versions newest first, paged with `before` and `limit`',
    access: 'viewer',
    mutation: false,
    params: nsParams,
    query: z.object({
      before: z.coerce.number().int().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    response: s.VersionPage,
  },
  getVersion: {
    method: 'GET',
    path: '/api/v1/namespaces/:ns/versions/:version',
    summary: 'One version with its snapshot',
    access: 'viewer',
    mutation: false,
    params: versionParams,
    response: s.VersionDetailSchema,
  },
  diff: {
    method: 'GET',
    path: '/api/v1/namespaces/:ns/diff',
    summary: 'Flag-by-flag, field-by-field diff between two versions',
    access: 'viewer',
    mutation: false,
    params: nsParams,
    query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
    response: s.DiffResponse,
  },
  validate: {
    method: 'POST',
    path: '/api/v1/namespaces/:ns/validate',
    summary: 'Dry run of a snapshot or patch: the validation error, or the diff and shadow check against the live version',
    access: 'viewer',
    mutation: false,
    params: nsParams,
    body: s.ValidateBody,
    response: s.ValidateResponse,
  },
  load: {
    method: 'POST',
    path: '/api/v1/namespaces/:ns/load',
    summary: 'Validate and atomically load a whole snapshot as a new version',
    access: 'operator',
    mutation: true,
    precondition: 'active-version',
    params: nsParams,
    body: s.LoadBody,
    response: s.MutationResponse,
  },
  patch: {
    method: 'POST',
    path: '/api/v1/namespaces/:ns/patch',
    summary: 'Apply a patch (upsert flags, removeKeys, meta) to the live snapshot and load the result',
    access: 'operator',
    mutation: true,
    precondition: 'active-version',
    params: nsParams,
    body: s.PatchBody,
    response: s.MutationResponse,
  },
  rollback: {
    method: 'POST',
    path: '/api/v1/namespaces/:ns/rollback',
    summary: 'Move the active pointer `steps` back along the active chain; the versions passed over are marked discarded',
    access: 'operator',
    mutation: true,
    precondition: 'active-version',
    params: nsParams,
    body: s.RollbackBody,
    response: s.MutationResponse,
  },
  restore: {
    method: 'POST',
    path: '/api/v1/namespaces/:ns/restore',
    summary: "Write a new version with an earlier version's content",
    access: 'operator',
    mutation: true,
    precondition: 'active-version',
    params: nsParams,
    body: s.RestoreBody,
    response: s.MutationResponse,
  },
  killSwitch: {
    method: 'POST',
    path: '/api/v1/namespaces/:ns/kill-switch',
    summary: 'Turn the kill switch on (every flag serves its declared default) or off',
    access: 'operator',
    mutation: true,
    precondition: 'active-version',
    params: nsParams,
    body: s.KillSwitchBody,
    response: s.MutationResponse,
  },
  listEvents: {
    method: 'GET',
    path: '/api/v1/events',
    summary: 'The audit log, newest first; `format=csv` for CSV',
    access: 'viewer',
    mutation: false,
    query: s.EventsQuery,
    response: s.EventPage,
    produces: ['application/json', 'text/csv'],
  },
  me: {
    method: 'GET',
    path: '/api/v1/me',
    summary: 'Who the caller is',
    access: 'viewer',
    mutation: false,
    response: s.MeSchema,
  },
  createSession: {
    method: 'POST',
    path: '/api/v1/session',
    summary: 'Exchange a token (or a one-time login code) for an httpOnly SameSite=Strict session cookie',
    access: 'public',
    mutation: false,
    body: s.SessionBody,
    response: s.MeSchema,
  },
  deleteSession: {
    method: 'DELETE',
    path: '/api/v1/session',
    summary: 'Log out',
    access: 'public',
    mutation: false,
    response: z.object({ ok: z.literal(true) }),
  },
  listTokens: {
    method: 'GET',
    path: '/api/v1/tokens',
    summary: 'API tokens (never their secrets)',
    access: 'admin',
    mutation: false,
    response: z.object({ items: z.array(s.TokenSchema) }),
  },
  createToken: {
    method: 'POST',
    path: '/api/v1/tokens',
    summary: 'Create an API token; its secret is shown once',
    access: 'admin',
    mutation: true,
    body: s.CreateTokenBody,
    response: s.CreatedToken,
  },
  revokeToken: {
    method: 'POST',
    path: '/api/v1/tokens/:id/revoke',
    summary: 'Revoke an API token',
    access: 'admin',
    mutation: true,
    params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
    body: s.RevokeTokenBody,
    response: s.TokenSchema,
  },

  // ---------- rollouts (product O1-O12) ----------
  listRollouts: {
    method: 'GET',
    path: '/api/v1/rollouts',
    summary: 'Every rollout: mode, stage and share, verdict, last guard event, bound namespace and flag',
    access: 'viewer',
    mutation: false,
    query: r.RolloutsQuery,
    response: r.RolloutList,
  },
  createRollout: {
    method: 'POST',
    path: '/api/v1/rollouts',
    summary:
      'Bind a rollout to a BOOLEAN or ENUM flag of a namespace (V1 value, V2 value): declares the companion policy flag and writes ' +
      'the rollout rule and policy into a new snapshot version (kind rollout_step) at step 0 (shadow)',
    access: 'operator',
    mutation: true,
    body: r.CreateRolloutBody,
    response: r.RolloutMutationResponse,
  },
  getRollout: {
    method: 'GET',
    path: '/api/v1/rollouts/:id',
    summary: 'One rollout with its settings, guard states, recorded breaches and history; ETag = its revision',
    access: 'viewer',
    mutation: false,
    params: r.rolloutParams,
    response: r.RolloutDetailSchema,
  },
  promoteRollout: {
    method: 'POST',
    path: '/api/v1/rollouts/:id/promote',
    summary: 'Promote to the next step (a snapshot version). Needs the gate to accept twice in a row, unless an admin sends override: true',
    access: 'operator',
    mutation: true,
    precondition: 'rollout-revision',
    params: r.rolloutParams,
    body: r.PromoteBody,
    response: r.RolloutMutationResponse,
  },
  pauseRollout: {
    method: 'POST',
    path: '/api/v1/rollouts/:id/pause',
    summary: 'Hold promotion (traffic stays where it is)',
    access: 'operator',
    mutation: true,
    precondition: 'rollout-revision',
    params: r.rolloutParams,
    body: r.RolloutActionBody,
    response: r.RolloutMutationResponse,
  },
  resumeRollout: {
    method: 'POST',
    path: '/api/v1/rollouts/:id/resume',
    summary: 'Resume a paused or rolled-back rollout (the gate streak restarts)',
    access: 'operator',
    mutation: true,
    precondition: 'rollout-revision',
    params: r.rolloutParams,
    body: r.RolloutActionBody,
    response: r.RolloutMutationResponse,
  },
  rollbackRollout: {
    method: 'POST',
    path: '/api/v1/rollouts/:id/rollback',
    summary: 'Roll back to step 0 (shadow, V2 share 0%) as a new snapshot version; promotion holds until resumed',
    access: 'operator',
    mutation: true,
    precondition: 'rollout-revision',
    params: r.rolloutParams,
    body: r.RolloutActionBody,
    response: r.RolloutMutationResponse,
  },
  rolloutSettings: {
    method: 'PUT',
    path: '/api/v1/rollouts/:id/settings',
    summary:
      'Change canary allowlists and parity sampling (written to the snapshot), guard rules, gate thresholds, or the steps (at step 0 only)',
    access: 'operator',
    mutation: true,
    precondition: 'rollout-revision',
    params: r.rolloutParams,
    body: r.RolloutSettingsBody,
    response: r.RolloutMutationResponse,
  },
  resetRolloutCounters: {
    method: 'POST',
    path: '/api/v1/rollouts/:id/counters/reset',
    summary: 'Reset the counters the gate reads: the latest cumulative report becomes the baseline, later counts are read relative to it',
    access: 'operator',
    mutation: true,
    precondition: 'rollout-revision',
    params: r.rolloutParams,
    body: r.RolloutActionBody,
    response: r.RolloutMutationResponse,
  },
  rolloutMetrics: {
    method: 'GET',
    path: '/api/v1/rollouts/:id/metrics',
    summary:
      'V1 and V2 metric windows downsampled to at most `points` buckets per variant, threshold lines, per-metric verdicts, and markers ' +
      '(snapshot loads, patches, rollbacks, kill switch, stage changes, guard breaches) in the range',
    access: 'viewer',
    mutation: false,
    params: r.rolloutParams,
    query: r.MetricsQuery,
    response: r.MetricsResponse,
  },
  rolloutGate: {
    method: 'GET',
    path: '/api/v1/rollouts/:id/gate',
    summary: 'The gate checklist for the next step from the latest cumulative report, the accept streak and whether promotion is allowed',
    access: 'viewer',
    mutation: false,
    params: r.rolloutParams,
    response: r.GateResponse,
  },
  rolloutCounters: {
    method: 'GET',
    path: '/api/v1/rollouts/:id/counters',
    summary: 'Decision, reason and parity counter rates from successive cumulative reports, with reporter and manual resets',
    access: 'viewer',
    mutation: false,
    params: r.rolloutParams,
    query: r.CountersQuery,
    response: r.CountersResponse,
  },
  parityReports: {
    method: 'GET',
    path: '/api/v1/rollouts/:id/parity/reports',
    summary: 'Parity reports newest first, filtered by status, triage, pattern or subject; paged with `before`',
    access: 'viewer',
    mutation: false,
    params: r.rolloutParams,
    query: r.ParityReportsQuery,
    response: r.ParityReportPage,
  },
  parityReport: {
    method: 'GET',
    path: '/api/v1/rollouts/:id/parity/reports/:reportId',
    summary: "One parity report with both sides' full outputs (while kept)",
    access: 'viewer',
    mutation: false,
    params: r.reportParams,
    response: r.ParityReportDetail,
  },
  triageParityReport: {
    method: 'PATCH',
    path: '/api/v1/rollouts/:id/parity/reports/:reportId',
    summary: 'Triage one report: expected, bug or ignored (null clears), with a note; who and when are recorded',
    access: 'operator',
    mutation: true,
    params: r.reportParams,
    body: r.TriageBody,
    response: r.TriageResponse,
  },
  parityPatterns: {
    method: 'GET',
    path: '/api/v1/rollouts/:id/parity/patterns',
    summary: 'Mismatches grouped by pattern: count, first and last seen, triage summary, an example report',
    access: 'viewer',
    mutation: false,
    params: r.rolloutParams,
    response: r.ParityPatternsResponse,
  },
  triageParityPattern: {
    method: 'PATCH',
    path: '/api/v1/rollouts/:id/parity/patterns',
    summary: 'Triage a whole pattern: every kept report of it, and new reports of it as they arrive',
    access: 'operator',
    mutation: true,
    params: r.rolloutParams,
    body: r.PatternTriageBody,
    response: r.PatternTriageResponse,
  },
  parityCompare: {
    method: 'POST',
    path: '/api/v1/rollouts/:id/parity/compare',
    summary: 'On-demand compare of one subject: re-runs the multiset comparison over the latest outputs stored for it (stores nothing)',
    access: 'viewer',
    mutation: false,
    params: r.rolloutParams,
    body: r.CompareBody,
    response: r.CompareResponse,
  },
  ingestMetrics: {
    method: 'POST',
    path: '/api/v1/rollouts/:id/ingest/metrics',
    summary:
      'Reporter: metric windows per variant, upserted by (variant, start) so repeats are idempotent; the guards engine evaluates right after',
    access: 'reporter',
    mutation: false,
    params: r.rolloutParams,
    body: r.MetricsIngestSchema,
    response: r.MetricsIngestResponse,
  },
  ingestReporter: {
    method: 'POST',
    path: '/api/v1/rollouts/:id/ingest/reporter',
    summary: "Reporter: the jido cumulative rollout snapshot, accepted as jido sends it (one per capturedAt)",
    access: 'reporter',
    mutation: false,
    params: r.rolloutParams,
    body: r.CumulativeReportSchema,
    response: r.ReporterIngestResponse,
  },
  ingestParity: {
    method: 'POST',
    path: '/api/v1/rollouts/:id/ingest/parity',
    summary:
      'Reporter: V1 outputs (or null with a reason: legacy unavailable) and V2 outputs for one subject; the server compares them, keeps the differing outputs and groups by pattern',
    access: 'reporter',
    mutation: false,
    params: r.rolloutParams,
    body: r.ParityIngestSchema,
    response: r.ParityIngestResponse,
  },

  // ---------- insights (product I1-I3) ----------
  ...insightRoutes,
} as const satisfies Record<string, RouteDef>;

/**
 * Routes outside the JSON registry API: the live stream, the OpenAPI document itself, the
 * Konditional-compatible endpoints apps poll or watch (no authentication: they serve
 * configuration, as Konditional's file and server loaders expect), health and metrics. Listed
 * so the server registers and the OpenAPI document describes them from this one contract.
 */
export const serviceRoutes = {
  stream: {
    method: 'GET',
    path: '/api/v1/stream',
    summary:
      'Server-sent events: `event: change` with a ChangeEvent for every audit event, `id:` = the event id; ' +
      '`event: rollout-data` with a RolloutDataNotice when a reporter ingests (not replayed). ' +
      'Reconnect with Last-Event-ID (or `lastEventId`) to replay what was missed; a comment every 15 s keeps it alive',
    access: 'viewer',
    mutation: false,
    query: z.object({ lastEventId: z.coerce.number().int().min(0).optional() }),
    response: s.ChangeEventSchema,
    produces: ['text/event-stream'],
  },
  openapi: {
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'This API described as OpenAPI 3.1, generated from the contract',
    access: 'public',
    mutation: false,
    response: z.record(z.string(), z.unknown()),
  },
  appSnapshot: {
    method: 'GET',
    path: '/v1/namespaces/:ns',
    summary:
      'For apps: the active snapshot as Konditional JSON, with a strong ETag (If-None-Match -> 304) and the headers ' +
      'X-Switchyard-Version and X-Switchyard-Kill-Switch (on: every flag is served with isActive false)',
    access: 'public',
    mutation: false,
    params: nsParams,
    response: s.SnapshotSchema,
  },
  appWatch: {
    method: 'GET',
    path: '/v1/namespaces/:ns/watch',
    summary: 'For apps: server-sent events, `event: snapshot` with the whole snapshot (id = its ETag) on connect and on every change',
    access: 'public',
    mutation: false,
    params: nsParams,
    response: s.SnapshotSchema,
    produces: ['text/event-stream'],
  },
  health: {
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness and database reachability (503 when degraded)',
    access: 'public',
    mutation: false,
    response: s.HealthSchema,
  },
  metrics: {
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus text exposition',
    access: 'public',
    mutation: false,
    response: z.string(),
    produces: ['text/plain'],
  },
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;
type InferIn<T> = T extends z.ZodType ? z.input<T> : undefined;
export type ResponseOf<N extends RouteName> = Infer<Routes[N]['response']>;
export type BodyOf<N extends RouteName> = Routes[N] extends { body: infer B } ? InferIn<B> : undefined;
export type ParamsOf<N extends RouteName> = Routes[N] extends { params: infer P } ? InferIn<P> : undefined;
export type QueryOf<N extends RouteName> = Routes[N] extends { query: infer Q } ? InferIn<Q> : undefined;

/** Fill `:param` segments. */
export function buildPath(path: string, params?: Record<string, string | number>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });
}
