/**
 * The Konditional snapshot model as Switchyard stores, validates, diffs and serves it.
 * Decoded values always carry every field (Konditional's defaults filled in), so two
 * snapshots that mean the same thing are structurally equal and hash equal.
 */

export const VALUE_TYPES = [
  'BOOLEAN',
  'STRING',
  'INT',
  'DOUBLE',
  'ENUM',
  'DATA_CLASS',
  'KONSTRAINED_PRIMITIVE',
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };

export type FlagValue =
  | { type: 'BOOLEAN'; value: boolean }
  | { type: 'STRING'; value: string }
  | { type: 'INT'; value: number }
  | { type: 'DOUBLE'; value: number }
  | { type: 'ENUM'; value: string; enumClassName: string }
  | { type: 'DATA_CLASS'; dataClassName: string; value: { [key: string]: JsonValue } }
  | { type: 'KONSTRAINED_PRIMITIVE'; konstrainedClassName: string; value: JsonPrimitive };

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
}

export type VersionRange =
  | { type: 'UNBOUNDED' }
  | { type: 'MIN_BOUND'; min: SemVer }
  | { type: 'MAX_BOUND'; max: SemVer }
  | { type: 'MIN_AND_MAX_BOUND'; min: SemVer; max: SemVer };

export type RuleType = 'STATIC' | 'CONTEXTUAL';

export interface Rule {
  value: FlagValue;
  type: RuleType;
  ruleId?: string;
  /** 0..100, fractional allowed; default 100. */
  rampUp: number;
  /** Lowercase hex stable ids that bypass the ramp (not the other criteria). */
  rampUpAllowlist: string[];
  note?: string;
  locales: string[];
  platforms: string[];
  versionRange: VersionRange;
  /** axisId -> allowed value ids. */
  axes: Record<string, string[]>;
}

export interface Flag {
  /** `feature::<namespaceId>::<name>` */
  key: string;
  defaultValue: FlagValue;
  salt: string;
  isActive: boolean;
  rampUpAllowlist: string[];
  rules: Rule[];
}

export interface SnapshotMeta {
  version?: string;
  generatedAtEpochMillis?: number;
  source?: string;
}

export interface Snapshot {
  meta?: SnapshotMeta;
  flags: Flag[];
}

export interface Patch {
  meta?: SnapshotMeta;
  flags: Flag[];
  removeKeys: string[];
}

/** A feature a namespace declares: what keys may appear and which type they must have. */
export interface DeclaredFeature {
  key: string;
  type: ValueType;
  /** ENUM only: when given, values outside this list are rejected. */
  enumValues?: string[];
  /** What evaluation returns when the flag is absent, inactive or the kill switch is on. */
  defaultValue: FlagValue;
  description?: string;
}

export type DecodeErrorKind = 'InvalidJson' | 'FeatureNotFound' | 'InvalidSnapshot';

export interface DecodeError {
  kind: DecodeErrorKind;
  message: string;
  /** RFC 6901 JSON pointer into the submitted document, e.g. `/flags/2/rules/0/rampUp`. */
  path?: string;
}

export type Result<T, E = DecodeError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Context a namespace's snapshot is decoded against. */
export interface NamespaceSchema {
  namespace: string;
  features: DeclaredFeature[];
}

/** Evaluation context, Konditional-style. */
export interface EvalContext {
  /** Lowercase hex stable id (Konditional's StableId.hex). */
  stableId: string;
  locale?: string;
  platform?: string;
  appVersion?: SemVer;
  /** axisId -> the value id this context has on that axis. */
  axes?: Record<string, string>;
}
