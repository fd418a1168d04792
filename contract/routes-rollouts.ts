/**
 * The rollout routes (product O1-O12): lifecycle, charts, gate, counters, parity review and the
 * reporter's ingest endpoints, one exported definition per route.
 */
import type { RouteDef } from './route-def';
import * as r from './rollouts';

export const listRollouts = {
  method: 'GET',
  path: '/api/v1/rollouts',
  summary: 'Every rollout: mode, stage and share, verdict, last guard event, bound namespace and flag',
  access: 'viewer',
  mutation: false,
  query: r.RolloutsQuery,
  response: r.RolloutList,
} as const satisfies RouteDef;

export const createRollout = {
  method: 'POST',
  path: '/api/v1/rollouts',
  summary:
    'Bind a rollout to a BOOLEAN or ENUM flag of a namespace (V1 value, V2 value): declares the companion policy flag and writes ' +
    'the rollout rule and policy into a new snapshot version (kind rollout_step) at step 0 (shadow)',
  access: 'operator',
  mutation: true,
  body: r.CreateRolloutBody,
  response: r.RolloutMutationResponse,
} as const satisfies RouteDef;

export const getRollout = {
  method: 'GET',
  path: '/api/v1/rollouts/:id',
  summary: 'One rollout with its settings, guard states, recorded breaches and history; ETag = its revision',
  access: 'viewer',
  mutation: false,
  params: r.rolloutParams,
  response: r.RolloutDetailSchema,
} as const satisfies RouteDef;

export const promoteRollout = {
  method: 'POST',
  path: '/api/v1/rollouts/:id/promote',
  summary: 'Promote to the next step (a snapshot version). Needs the gate to accept twice in a row, unless an admin sends override: true',
  access: 'operator',
  mutation: true,
  precondition: 'rollout-revision',
  params: r.rolloutParams,
  body: r.PromoteBody,
  response: r.RolloutMutationResponse,
} as const satisfies RouteDef;

export const pauseRollout = {
  method: 'POST',
  path: '/api/v1/rollouts/:id/pause',
  summary: 'Hold promotion (traffic stays where it is)',
  access: 'operator',
  mutation: true,
  precondition: 'rollout-revision',
  params: r.rolloutParams,
  body: r.RolloutActionBody,
  response: r.RolloutMutationResponse,
} as const satisfies RouteDef;

export const resumeRollout = {
  method: 'POST',
  path: '/api/v1/rollouts/:id/resume',
  summary: 'Resume a paused or rolled-back rollout (the gate streak restarts)',
  access: 'operator',
  mutation: true,
  precondition: 'rollout-revision',
  params: r.rolloutParams,
  body: r.RolloutActionBody,
  response: r.RolloutMutationResponse,
} as const satisfies RouteDef;

export const rollbackRollout = {
  method: 'POST',
  path: '/api/v1/rollouts/:id/rollback',
  summary: 'Roll back to step 0 (shadow, V2 share 0%) as a new snapshot version; promotion holds until resumed',
  access: 'operator',
  mutation: true,
  precondition: 'rollout-revision',
  params: r.rolloutParams,
  body: r.RolloutActionBody,
  response: r.RolloutMutationResponse,
} as const satisfies RouteDef;

export const rolloutSettings = {
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
} as const satisfies RouteDef;

export const resetRolloutCounters = {
  method: 'POST',
  path: '/api/v1/rollouts/:id/counters/reset',
  summary: 'Reset the counters the gate reads: the latest cumulative report becomes the baseline, later counts are read relative to it',
  access: 'operator',
  mutation: true,
  precondition: 'rollout-revision',
  params: r.rolloutParams,
  body: r.RolloutActionBody,
  response: r.RolloutMutationResponse,
} as const satisfies RouteDef;

export const rolloutMetrics = {
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
} as const satisfies RouteDef;

export const rolloutGate = {
  method: 'GET',
  path: '/api/v1/rollouts/:id/gate',
  summary: 'The gate checklist for the next step from the latest cumulative report, the accept streak and whether promotion is allowed',
  access: 'viewer',
  mutation: false,
  params: r.rolloutParams,
  response: r.GateResponse,
} as const satisfies RouteDef;

export const rolloutCounters = {
  method: 'GET',
  path: '/api/v1/rollouts/:id/counters',
  summary: 'Decision, reason and parity counter rates from successive cumulative reports, with reporter and manual resets',
  access: 'viewer',
  mutation: false,
  params: r.rolloutParams,
  query: r.CountersQuery,
  response: r.CountersResponse,
} as const satisfies RouteDef;

export const parityReports = {
  method: 'GET',
  path: '/api/v1/rollouts/:id/parity/reports',
  summary: 'Parity reports newest first, filtered by status, triage, pattern or subject; paged with `before`',
  access: 'viewer',
  mutation: false,
  params: r.rolloutParams,
  query: r.ParityReportsQuery,
  response: r.ParityReportPage,
} as const satisfies RouteDef;

export const parityReport = {
  method: 'GET',
  path: '/api/v1/rollouts/:id/parity/reports/:reportId',
  summary: "One parity report with both sides' full outputs (while kept)",
  access: 'viewer',
  mutation: false,
  params: r.reportParams,
  response: r.ParityReportDetail,
} as const satisfies RouteDef;

export const triageParityReport = {
  method: 'PATCH',
  path: '/api/v1/rollouts/:id/parity/reports/:reportId',
  summary: 'Triage one report: expected, bug or ignored (null clears), with a note; who and when are recorded',
  access: 'operator',
  mutation: true,
  params: r.reportParams,
  body: r.TriageBody,
  response: r.TriageResponse,
} as const satisfies RouteDef;

export const parityPatterns = {
  method: 'GET',
  path: '/api/v1/rollouts/:id/parity/patterns',
  summary: 'Mismatches grouped by pattern: count, first and last seen, triage summary, an example report',
  access: 'viewer',
  mutation: false,
  params: r.rolloutParams,
  response: r.ParityPatternsResponse,
} as const satisfies RouteDef;

export const triageParityPattern = {
  method: 'PATCH',
  path: '/api/v1/rollouts/:id/parity/patterns',
  summary: 'Triage a whole pattern: every kept report of it, and new reports of it as they arrive',
  access: 'operator',
  mutation: true,
  params: r.rolloutParams,
  body: r.PatternTriageBody,
  response: r.PatternTriageResponse,
} as const satisfies RouteDef;

export const parityCompare = {
  method: 'POST',
  path: '/api/v1/rollouts/:id/parity/compare',
  summary: 'On-demand compare of one subject: re-runs the multiset comparison over the latest outputs stored for it (stores nothing)',
  access: 'viewer',
  mutation: false,
  params: r.rolloutParams,
  body: r.CompareBody,
  response: r.CompareResponse,
} as const satisfies RouteDef;

export const ingestMetrics = {
  method: 'POST',
  path: '/api/v1/rollouts/:id/ingest/metrics',
  summary:
    'Reporter: metric windows per variant, upserted by (variant, start) so repeats are idempotent; the guards engine evaluates right after',
  access: 'reporter',
  mutation: false,
  params: r.rolloutParams,
  body: r.MetricsIngestSchema,
  response: r.MetricsIngestResponse,
} as const satisfies RouteDef;

export const ingestReporter = {
  method: 'POST',
  path: '/api/v1/rollouts/:id/ingest/reporter',
  summary: "Reporter: the jido cumulative rollout snapshot, accepted as jido sends it (one per capturedAt)",
  access: 'reporter',
  mutation: false,
  params: r.rolloutParams,
  body: r.CumulativeReportSchema,
  response: r.ReporterIngestResponse,
} as const satisfies RouteDef;

export const ingestParity = {
  method: 'POST',
  path: '/api/v1/rollouts/:id/ingest/parity',
  summary:
    'Reporter: V1 outputs (or null with a reason: legacy unavailable) and V2 outputs for one subject; the server compares them, keeps the differing outputs and groups by pattern',
  access: 'reporter',
  mutation: false,
  params: r.rolloutParams,
  body: r.ParityIngestSchema,
  response: r.ParityIngestResponse,
} as const satisfies RouteDef;

/** Every rollout route by name. */
export const rolloutRoutes = {
  listRollouts,
  createRollout,
  getRollout,
  promoteRollout,
  pauseRollout,
  resumeRollout,
  rollbackRollout,
  rolloutSettings,
  resetRolloutCounters,
  rolloutMetrics,
  rolloutGate,
  rolloutCounters,
  parityReports,
  parityReport,
  triageParityReport,
  parityPatterns,
  triageParityPattern,
  parityCompare,
  ingestMetrics,
  ingestReporter,
  ingestParity,
} as const satisfies Record<string, RouteDef>;
