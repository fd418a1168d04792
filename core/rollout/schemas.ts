/**
 * zod schemas for everything a reporter or an operator sends about rollouts: metric windows,
 * the jido cumulative snapshot (accepted as jido sends it), parity comparisons, and rollout
 * settings. Each schema's output is exactly the matching domain type (checked in
 * schemas.test.ts), and every bound is in `INGEST_LIMITS`, so what the server keeps is bounded.
 *
 * Strictness: our own payloads (metrics, parity, settings) reject unknown keys so typos fail
 * loudly; the jido snapshot is parsed leniently (unknown keys are dropped, missing decision and
 * status counts are 0, as jido's `Map.get(…, 0)` did) because it is another system's format.
 * Report the first issue to the client with `zodIssuePointer` / `describeZodError`.
 */
import { z } from 'zod/mini';
import type { JsonValue } from '../model';
import { DECISION_ACTIONS, METRICS, PARITY_STATUSES, ROLLOUT_MODES, STAGES, VARIANTS } from './model';
import { validateSteps } from './stages';
import { escapePointerSegment } from './structural-diff';

export const INGEST_LIMITS = Object.freeze({
  maxWindowsPerBatch: 5_000,
  /** Recent samples/reports kept in a jido snapshot (jido's default cap is 200). */
  maxRecent: 1_000,
  maxReasonKeys: 200,
  maxOutputsPerSide: 1_000,
  /** Serialized size of one output's `data`, in characters (approximate, counted while walking). */
  maxOutputDataChars: 65_536,
  maxJsonDepth: 32,
  maxIdLength: 256,
  maxSubjectLength: 512,
  maxTextLength: 1_024,
  maxReasonKeyLength: 128,
  maxAllowlistEntries: 1_000,
  maxGuardRules: 50,
  /** 2100-01-01T00:00:00Z */
  maxEpochMs: 4_102_444_800_000,
  maxWindowSeconds: 3_600,
  maxLatencyMs: 86_400_000,
  maxMemoryMb: 16_777_216,
  maxCpuPct: 100_000,
  maxCount: Number.MAX_SAFE_INTEGER,
});

const L = INGEST_LIMITS;

const count = z.number().check(z.int(), z.minimum(0), z.maximum(L.maxCount));
const isoTime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

// ---------- bounded JSON ----------

const isPlainObject = (v: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Why `value` is not acceptable JSON within the limits, or null when it is. Iterative, so a
 * hostile nesting depth cannot overflow the stack.
 */
export function jsonProblem(value: unknown, maxDepth: number = L.maxJsonDepth, maxChars: number = L.maxOutputDataChars): string | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let chars = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { v, depth } = item;
    if (depth > maxDepth) return `must be nested at most ${maxDepth} levels deep`;
    chars += 4;
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'must contain only finite numbers';
      chars += 8;
    } else if (typeof v === 'string') {
      chars += v.length;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push({ v: x, depth: depth + 1 });
    } else if (typeof v === 'object' && isPlainObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        chars += k.length;
        stack.push({ v: x, depth: depth + 1 });
      }
    } else {
      return v === undefined ? 'is required' : 'must be JSON: objects, arrays, strings, finite numbers, booleans or null';
    }
    if (chars > maxChars) return `must be at most ${maxChars} characters of JSON`;
  }
  return null;
}

/** Any JSON value within the depth and size limits. */
export const BoundedJsonSchema = z.custom<JsonValue>().check(z.superRefine((value, ctx) => {
  const problem = jsonProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `data ${problem}` });
}));

// ---------- metric windows ----------

const latency = z.number().check(z.minimum(0), z.maximum(L.maxLatencyMs));

export const MetricWindowSchema = z.strictObject({
  variant: z.enum(VARIANTS),
  start: z.number().check(z.int(), z.minimum(0), z.maximum(L.maxEpochMs)),
  seconds: z.number().check(z.int(), z.minimum(1), z.maximum(L.maxWindowSeconds)),
  requests: count,
  errors: count,
  latencyP50Ms: latency,
  latencyP95Ms: latency,
  latencyP99Ms: latency,
  latencyAvgMs: z.optional(latency),
  memoryMb: z.number().check(z.minimum(0), z.maximum(L.maxMemoryMb)),
  cpuPct: z.number().check(z.minimum(0), z.maximum(L.maxCpuPct)),
}).check(z.superRefine((w, ctx) => {
  if (w.errors > w.requests) ctx.addIssue({ code: 'custom', path: ['errors'], message: `errors (${w.errors}) cannot exceed requests (${w.requests})` });
}));

/** `{windows: [...]}`, 1..5000 windows, each (variant, start) at most once per batch. */
export const MetricsIngestSchema = z.strictObject({ windows: z.array(MetricWindowSchema).check(z.minLength(1), z.maxLength(L.maxWindowsPerBatch)) }).check(z.superRefine((body, ctx) => {
  const seen = new Set<string>();
  body.windows.forEach((w, i) => {
    const key = `${w.variant}:${w.start}`;
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['windows', i, 'start'], message: `a second ${w.variant} window starting at ${new Date(w.start).toISOString()} in one batch` });
    }
    seen.add(key);
  });
}));

// ---------- jido cumulative snapshot ----------

export const ParitySampleSchema = z.object({
  signalId: text(L.maxIdLength),
  type: z.nullish(z.string().check(z.maxLength(L.maxIdLength))),
  subject: z.nullish(z.string().check(z.maxLength(L.maxSubjectLength))),
  sampledAt: isoTime,
  mode: z.nullish(z.enum(ROLLOUT_MODES)),
  action: z.nullish(z.enum(DECISION_ACTIONS)),
  reason: z.nullish(z.string().check(z.maxLength(L.maxReasonKeyLength))),
});

export const ParityReportSummarySchema = z.object({
  conversationId: text(L.maxSubjectLength),
  comparedAt: isoTime,
  status: z.enum(PARITY_STATUSES),
  adapter: z.nullish(z.string().check(z.maxLength(L.maxIdLength))),
  eventOutputCount: count,
  legacyOutputCount: count,
  missingInLegacy: count,
  missingInEvent: count,
  reason: z.nullish(z.string().check(z.maxLength(L.maxTextLength))),
});

export const CumulativeReportSchema = z.object({
  capturedAt: isoTime,
  recentLimit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(L.maxRecent))),
  decisionCounts: z.object({ enqueue_runtime: z._default(count, 0), parity_only: z._default(count, 0), drop: z._default(count, 0) }),
  reasonCounts: z.record(text(L.maxReasonKeyLength), count).check(z.refine((r) => Object.keys(r).length <= L.maxReasonKeys, { message: `at most ${L.maxReasonKeys} distinct reasons` })),
  paritySampleCount: count,
  parityReportCount: count,
  parityStatusCounts: z.optional(z.object({ match: z._default(count, 0), mismatch: z._default(count, 0), legacy_unavailable: z._default(count, 0) })),
  recentParitySamples: z.array(ParitySampleSchema).check(z.maxLength(L.maxRecent)),
  recentParityReports: z.array(ParityReportSummarySchema).check(z.maxLength(L.maxRecent)),
});

// ---------- parity ingest ----------

export const ParityOutputSchema = z.strictObject({
  type: text(L.maxIdLength),
  subject: z._default(z.nullable(z.string().check(z.maxLength(L.maxSubjectLength))), null),
  data: BoundedJsonSchema,
});

const outputs = z.array(ParityOutputSchema).check(z.maxLength(L.maxOutputsPerSide));

export const ParityIngestSchema = z.strictObject({
  subject: z.optional(text(L.maxSubjectLength)),
  conversationId: z.optional(text(L.maxSubjectLength)),
  comparedAt: isoTime,
  adapter: z.optional(text(L.maxIdLength)),
  v1Outputs: z.nullable(outputs),
  v2Outputs: outputs,
  reason: z.optional(text(L.maxTextLength)),
}).check(z.superRefine((p, ctx) => {
  if (p.subject === undefined && p.conversationId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['subject'], message: 'subject (or conversationId) is required' });
  } else if (p.subject !== undefined && p.conversationId !== undefined && p.subject !== p.conversationId) {
    ctx.addIssue({ code: 'custom', path: ['conversationId'], message: 'subject and conversationId name different subjects; send one of them' });
  }
  if (p.v1Outputs === null && p.reason === undefined) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'v1Outputs is null (legacy unavailable): say why in reason, e.g. "legacy_adapter_not_configured"' });
  }
}));

// ---------- settings ----------

export const StepSchema = z.strictObject({ stage: z.enum(STAGES), share: z.number().check(z.minimum(0), z.maximum(100)) });

/** A rollout plan, checked by `validateSteps`. */
export const StepsSchema = z.array(StepSchema).check(z.minLength(2), z.maxLength(20), z.superRefine((steps, ctx) => {
  const v = validateSteps(steps);
  if (!v.ok) ctx.addIssue({ code: 'custom', path: v.field === 'steps' ? [] : [v.index, v.field], message: v.message });
}));

const allowlist = z.array(text(L.maxSubjectLength)).check(z.maxLength(L.maxAllowlistEntries));

export const CanaryConfigSchema = z.strictObject({ enabled: z.boolean(), subjects: allowlist, tenantIds: allowlist, channels: allowlist });

export const ParitySamplingSchema = z.strictObject({ enabled: z.boolean(), sampleRate: z.number().check(z.minimum(0), z.maximum(1)) });

const op = z.enum(['>', '<']);

export const GuardComparisonSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('absolute'), op, value: z.number().check(z.minimum(0), z.maximum(1e12)) }),
  z.strictObject({ kind: z.literal('relative_to_v1'), op, ratio: z.number().check(z.gt(0), z.maximum(1000)) }),
]);

export const GuardRuleSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a rule id is 1-64 lowercase letters, digits, ".", "_" or "-"')),
  label: text(200),
  severity: z.enum(['warning', 'critical']),
  metric: z.enum(METRICS),
  comparison: GuardComparisonSchema,
  forMinutes: z.number().check(z.int(), z.minimum(1), z.maximum(1_440)),
  action: z.enum(['pause', 'rollback', 'none']),
  minRequests: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000))),
});

/** Rule ids must be unique: they key every breach. */
export const GuardRulesSchema = z.array(GuardRuleSchema).check(z.maxLength(L.maxGuardRules), z.superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `rule id "${r.id}" is used twice` });
    seen.add(r.id);
  });
}));

const rate = z.number().check(z.minimum(0), z.maximum(1));

export const GateThresholdsSchema = z.strictObject({
  minRuntimeDecisions: z.number().check(z.int(), z.minimum(0), z.maximum(1e9)),
  minParityReports: z.number().check(z.int(), z.minimum(0), z.maximum(1e9)),
  maxMismatchRate: rate,
  maxLegacyUnavailableRate: rate,
  maxDropRate: rate,
});

// ---------- issue reporting ----------

/**
 * RFC 6901 pointer to what an issue is about, e.g. `/windows/3/requests`; for an unknown key,
 * the key itself (`/windows/0/extra`). The root is `""`.
 */
export function zodIssuePointer(issue: z.core.$ZodIssue): string {
  const segments: PropertyKey[] = [...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) segments.push(issue.keys[0]);
  return segments.map((s) => `/${escapePointerSegment(typeof s === 'symbol' ? (s.description ?? '') : s)}`).join('');
}

/** The first issue as `{path, message}`, ready for the API's error body. */
export function describeZodError(error: z.core.$ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { path: '', message: 'invalid input' };
  return { path: zodIssuePointer(issue), message: issue.message };
}
