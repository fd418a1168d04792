/**
 * The one hand-written description of Switchyard's HTTP API shapes. The server validates
 * requests with these schemas, the SPA parses responses with them, MSW handlers are typed by
 * them and /api/v1/openapi.json is generated from them. Nothing else declares API shapes.
 */
import { z } from 'zod/mini';
import { VALUE_TYPES } from '@core/model';

export const NAMESPACE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const NamespaceId = z.string().check(z.regex(NAMESPACE_ID, 'a namespace id is 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit'));

export const Role = z.enum(['viewer', 'operator', 'admin', 'reporter']);
export type Role = z.infer<typeof Role>;

export const VersionKind = z.enum(['create', 'load', 'patch', 'restore', 'rollout_step']);
export type VersionKind = z.infer<typeof VersionKind>;

export const AuditAction = z.enum([
  'namespace.create',
  'namespace.features',
  'snapshot.load',
  'snapshot.patch',
  'snapshot.rollback',
  'snapshot.restore',
  'killswitch.enable',
  'killswitch.disable',
  'token.create',
  'token.revoke',
  'rollout.create',
  'rollout.promote',
  'rollout.pause',
  'rollout.resume',
  'rollout.rollback',
  'rollout.settings',
  'rollout.counters_reset',
  'parity.triage',
]);
export type AuditAction = z.infer<typeof AuditAction>;

// ---------- Konditional values as they travel in API responses (already decoded) ----------

const JsonValueSchema: z.ZodMiniType<unknown> = z.json();

export const FlagValueSchema = z.looseObject({
  type: z.enum(VALUE_TYPES),
  value: JsonValueSchema,
  enumClassName: z.optional(z.string()),
  dataClassName: z.optional(z.string()),
  konstrainedClassName: z.optional(z.string()),
});

export const DeclaredFeatureSchema = z.strictObject({
  key: z.string().check(z.minLength(1), z.maxLength(512)),
  type: z.enum(VALUE_TYPES),
  enumValues: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(256))).check(z.maxLength(1000))),
  defaultValue: FlagValueSchema,
  description: z.optional(z.string().check(z.maxLength(2000))),
});
export type DeclaredFeatureDto = z.infer<typeof DeclaredFeatureSchema>;

const SemVerSchema = z.object({ major: z.number().check(z.int()), minor: z.number().check(z.int()), patch: z.number().check(z.int()) });

export const VersionRangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('UNBOUNDED') }),
  z.object({ type: z.literal('MIN_BOUND'), min: SemVerSchema }),
  z.object({ type: z.literal('MAX_BOUND'), max: SemVerSchema }),
  z.object({ type: z.literal('MIN_AND_MAX_BOUND'), min: SemVerSchema, max: SemVerSchema }),
]);

export const RuleSchema = z.object({
  value: FlagValueSchema,
  type: z.enum(['STATIC', 'CONTEXTUAL']),
  ruleId: z.optional(z.string()),
  rampUp: z.number(),
  rampUpAllowlist: z.array(z.string()),
  note: z.optional(z.string()),
  locales: z.array(z.string()),
  platforms: z.array(z.string()),
  versionRange: VersionRangeSchema,
  axes: z.record(z.string(), z.array(z.string())),
});
export type RuleDto = z.infer<typeof RuleSchema>;

/** A flag as the registry returns it: decoded, every Konditional default filled in. */
export const FlagSchema = z.object({
  key: z.string(),
  defaultValue: FlagValueSchema,
  salt: z.string(),
  isActive: z.boolean(),
  rampUpAllowlist: z.array(z.string()),
  rules: z.array(RuleSchema),
});
export type FlagDto = z.infer<typeof FlagSchema>;

/** A snapshot as the registry returns it: decoded, every default filled in. */
export const SnapshotSchema = z.object({
  meta: z.optional(z.object({
      version: z.optional(z.string()),
      generatedAtEpochMillis: z.optional(z.number()),
      source: z.optional(z.string()),
    })),
  flags: z.array(FlagSchema),
});
export type SnapshotDto = z.infer<typeof SnapshotSchema>;

/**
 * A snapshot or patch as a client submits it: either the raw JSON text (so a syntax error can
 * be reported with its line and column) or the parsed document. The registry decodes it with
 * Konditional's rules; shape errors come back as InvalidJson / FeatureNotFound / InvalidSnapshot
 * with a JSON pointer into the submitted document.
 */
export const SubmittedDocument = z.union([z.string().check(z.maxLength(5_000_000)), z.record(z.string(), z.unknown())]);

export const Reason = z.string().check(z.trim(), z.minLength(1, 'a reason is required: say why, for the audit log'), z.maxLength(1000, 'a reason is at most 1000 characters'));

// ---------- errors ----------

export const ErrorCode = z.enum([
  'BadRequest',
  'InvalidJson',
  'FeatureNotFound',
  'InvalidSnapshot',
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'Conflict',
  'AlreadyExists',
  'PreconditionRequired',
  'PreconditionFailed',
  'InsufficientHistory',
  'IdempotencyKeyReused',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'RateLimited',
  'Internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** JSON pointer to the offending field, when there is one. */
    path: z.optional(z.string()),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

// ---------- audit events ----------

export const AuditEventSchema = z.object({
  id: z.number().check(z.int()),
  at: z.string(),
  namespace: z.nullable(z.string()),
  actor: z.string(),
  action: AuditAction,
  reason: z.string(),
  fromVersion: z.nullable(z.number().check(z.int())),
  toVersion: z.nullable(z.number().check(z.int())),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

// ---------- namespaces ----------

export const KillSwitchState = z.object({
  enabled: z.boolean(),
  changedAt: z.nullable(z.string()),
  changedBy: z.nullable(z.string()),
  reason: z.nullable(z.string()),
});
export type KillSwitchState = z.infer<typeof KillSwitchState>;

export const NamespaceSummarySchema = z.object({
  name: z.string(),
  description: z.nullable(z.string()),
  createdAt: z.string(),
  activeVersion: z.number().check(z.int()),
  /** Highest version number ever written (the active one may be lower after a rollback). */
  latestVersion: z.number().check(z.int()),
  flagCount: z.number().check(z.int()),
  activeHash: z.string(),
  killSwitch: KillSwitchState,
  lastChange: z.nullable(AuditEventSchema),
  rollbacks7d: z.number().check(z.int()),
  /** Changes (loads, patches, restores, rollout promotions) in the last 7 days; always sent by the server. */
  changes7d: z.optional(z.number().check(z.int())),
  /**
   * Of those, the share that failed (a rollback or kill switch within 24 h after them; see
   * /api/v1/insights/summary); null without changes. Always sent by the server.
   */
  changeFailureRate7d: z.optional(z.nullable(z.number())),
  /**
   * Bumped by every change of the namespace, also those that keep the active version (features,
   * kill switch): the If-Match of PUT …/features. Always sent by the server.
   */
  revision: z.optional(z.number().check(z.int())),
});
export type NamespaceSummary = z.infer<typeof NamespaceSummarySchema>;

export const NamespaceDetailSchema = z.extend(NamespaceSummarySchema, {
  features: z.array(DeclaredFeatureSchema),
  snapshot: SnapshotSchema,
  recentEvents: z.array(AuditEventSchema),
});
export type NamespaceDetail = z.infer<typeof NamespaceDetailSchema>;

export const CreateNamespaceBody = z.strictObject({
  name: NamespaceId,
  description: z.optional(z.string().check(z.maxLength(2000))),
  features: z.optional(z.array(DeclaredFeatureSchema).check(z.maxLength(10_000))),
  adoptSnapshot: z.optional(SubmittedDocument),
  reason: Reason,
});
export type CreateNamespaceBody = z.infer<typeof CreateNamespaceBody>;

export const PutFeaturesBody = z.strictObject({
  features: z.array(DeclaredFeatureSchema).check(z.maxLength(10_000)),
  reason: Reason,
});

// ---------- versions and diffs ----------

export const DiscardedBy = z.object({
  eventId: z.number().check(z.int()),
  at: z.string(),
  actor: z.string(),
  reason: z.string(),
});

export const VersionSummarySchema = z.object({
  version: z.number().check(z.int()),
  kind: VersionKind,
  author: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  meta: z.nullable(z.record(z.string(), z.unknown())),
  hash: z.string(),
  flagCount: z.number().check(z.int()),
  /** The version that was active when this one was written (its parent in the active chain). */
  parentVersion: z.nullable(z.number().check(z.int())),
  /** For restores: the version whose content was restored. */
  sourceVersion: z.nullable(z.number().check(z.int())),
  active: z.boolean(),
  /** Set when a rollback moved the active pointer back past this version. */
  discardedBy: z.nullable(DiscardedBy),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export const VersionDetailSchema = z.extend(VersionSummarySchema, { snapshot: SnapshotSchema });
export type VersionDetail = z.infer<typeof VersionDetailSchema>;

export const VersionPage = z.object({
  items: z.array(VersionSummarySchema),
  total: z.number().check(z.int()),
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: z.nullable(z.number().check(z.int())),
});
export type VersionPage = z.infer<typeof VersionPage>;

export const FieldChange = z.object({
  /** JSON pointer inside the flag, e.g. `/rules/0/rampUp`. */
  path: z.string(),
  /**
   * Absent on the side where the field does not exist (a rule added or removed): JSON has no
   * undefined, so the key is left out, and zod 4 treats a bare z.unknown() key as required.
   */
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});

export const FlagChange = z.object({
  key: z.string(),
  fields: z.array(FieldChange),
});

export const SnapshotDiffSchema = z.object({
  added: z.array(FlagSchema),
  removed: z.array(FlagSchema),
  changed: z.array(FlagChange),
  unchanged: z.number().check(z.int()),
  metaChanged: z.array(FieldChange),
});
export type SnapshotDiffDto = z.infer<typeof SnapshotDiffSchema>;

export const DiffResponse = z.object({
  namespace: z.string(),
  from: z.number().check(z.int()),
  to: z.number().check(z.int()),
  diff: SnapshotDiffSchema,
});

export const ShadowFlagResult = z.object({
  key: z.string(),
  /** Share (0..1) of the context population whose value changes. */
  changedShare: z.number(),
  changedCount: z.number().check(z.int()),
});

export const ShadowCheckSchema = z.object({
  populationSize: z.number().check(z.int()),
  flags: z.array(ShadowFlagResult),
  /** Share of contexts for which at least one flag changes. */
  anyChangedShare: z.number(),
});
export type ShadowCheck = z.infer<typeof ShadowCheckSchema>;

// ---------- mutations ----------

export const ValidateBody = z.strictObject({
  snapshot: z.optional(SubmittedDocument),
  patch: z.optional(SubmittedDocument),
});

export const ValidateResponse = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    activeVersion: z.number().check(z.int()),
    hash: z.string(),
    flagCount: z.number().check(z.int()),
    diff: SnapshotDiffSchema,
    shadow: ShadowCheckSchema,
  }),
  z.object({
    valid: z.literal(false),
    activeVersion: z.number().check(z.int()),
    error: ApiErrorBody.shape.error,
  }),
]);
export type ValidateResponse = z.infer<typeof ValidateResponse>;

export const LoadBody = z.strictObject({ snapshot: SubmittedDocument, reason: Reason });
export const PatchBody = z.strictObject({ patch: SubmittedDocument, reason: Reason });
export const RollbackBody = z.strictObject({
  steps: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1),
  reason: Reason,
});
export const RestoreBody = z.strictObject({ version: z.number().check(z.int(), z.minimum(1)), reason: Reason });
export const KillSwitchBody = z.strictObject({ enabled: z.boolean(), reason: Reason });

export const MutationResponse = z.object({
  namespace: NamespaceSummarySchema,
  event: AuditEventSchema,
  /** The version written, for loads, patches and restores. */
  version: z.nullable(VersionSummarySchema),
});
export type MutationResponse = z.infer<typeof MutationResponse>;

// ---------- audit log ----------

export const EventsQuery = z.object({
  namespace: z.optional(z.string().check(z.maxLength(128))),
  actor: z.optional(z.string().check(z.maxLength(256))),
  action: z.optional(z.string().check(z.maxLength(64))),
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
  before: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 100),
  format: z._default(z.enum(['json', 'csv']), 'json'),
});

export const EventPage = z.object({
  items: z.array(AuditEventSchema),
  nextBefore: z.nullable(z.number().check(z.int())),
});
export type EventPage = z.infer<typeof EventPage>;

// ---------- sessions and tokens ----------

export const MeSchema = z.object({
  actor: z.string(),
  role: Role,
  tokenId: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

export const SessionBody = z.strictObject({
  token: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  /** One-time login code printed by the server at start. */
  code: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});

export const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.nullable(z.string()),
  expiresAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
});
export type TokenDto = z.infer<typeof TokenSchema>;

export const CreateTokenBody = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  role: Role,
  expiresAt: z.optional(z.iso.datetime({ offset: true })),
  reason: Reason,
});

export const CreatedToken = z.object({ token: TokenSchema, secret: z.string() });

export const RevokeTokenBody = z.strictObject({ reason: Reason });

// ---------- live stream ----------

/** Payload of every `change` message on /api/v1/stream. */
export const ChangeEventSchema = z.object({
  namespace: z.nullable(z.string()),
  eventId: z.number().check(z.int()),
  action: AuditAction,
  activeVersion: z.nullable(z.number().check(z.int())),
  at: z.string(),
  /** Set for rollout.* and parity.* events: the rollout concerned. */
  rolloutId: z.optional(z.string()),
});
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

export const HealthSchema = z.object({ status: z.enum(['ok', 'degraded']), version: z.string(), db: z.string() });
