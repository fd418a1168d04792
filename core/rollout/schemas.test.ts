import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod/mini';
import parityFixture from '../../../shared/fixtures/jido/parity-report.json';
import snapshotFixture from '../../../shared/fixtures/jido/rollout-snapshot.json';
import type { CanaryConfig, CumulativeReport, MetricWindow, MetricsIngest, ParityIngest, ParityOutput, ParityReportSummary, ParitySampling, Step } from './model';
import { DEFAULT_STEPS } from './model';
import type { GateThresholds } from './gate';
import { DEFAULT_GATE_THRESHOLDS } from './gate';
import type { GuardRule } from './guards';
import {
  CanaryConfigSchema,
  CumulativeReportSchema,
  GateThresholdsSchema,
  GuardRuleSchema,
  INGEST_LIMITS,
  MetricWindowSchema,
  MetricsIngestSchema,
  ParityIngestSchema,
  ParityOutputSchema,
  ParityReportSummarySchema,
  ParitySamplingSchema,
  StepsSchema,
  describeZodError,
  jsonProblem,
  zodIssuePointer,
} from './schemas';
import { win } from './test-support';

// zod/mini has no messages until a locale is set; the server sets English (server/http/route.ts).
z.config(z.locales.en());

/** Pointer and message of the first issue, or 'ok'. */
function firstIssue(schema: z.ZodMiniType, input: unknown): { path: string; message: string } | 'ok' {
  const r = schema.safeParse(input);
  return r.success ? 'ok' : describeZodError(r.error);
}
const pathOf = (schema: z.ZodMiniType, input: unknown): string => {
  const f = firstIssue(schema, input);
  return f === 'ok' ? 'ok' : f.path;
};

describe('schema outputs are exactly the domain types', () => {
  it('type-checks (tsc verifies these)', () => {
    expectTypeOf<z.output<typeof MetricWindowSchema>>().toEqualTypeOf<MetricWindow>();
    expectTypeOf<z.output<typeof MetricsIngestSchema>>().toEqualTypeOf<MetricsIngest>();
    expectTypeOf<z.output<typeof CumulativeReportSchema>>().toEqualTypeOf<CumulativeReport>();
    expectTypeOf<z.output<typeof ParityReportSummarySchema>>().toEqualTypeOf<ParityReportSummary>();
    expectTypeOf<z.output<typeof ParityOutputSchema>>().toEqualTypeOf<ParityOutput>();
    expectTypeOf<z.output<typeof ParityIngestSchema>>().toEqualTypeOf<ParityIngest>();
    expectTypeOf<z.output<typeof StepsSchema>>().toEqualTypeOf<Step[]>();
    expectTypeOf<z.output<typeof CanaryConfigSchema>>().toEqualTypeOf<CanaryConfig>();
    expectTypeOf<z.output<typeof ParitySamplingSchema>>().toEqualTypeOf<ParitySampling>();
    expectTypeOf<z.output<typeof GuardRuleSchema>>().toEqualTypeOf<GuardRule>();
    expectTypeOf<z.output<typeof GateThresholdsSchema>>().toEqualTypeOf<GateThresholds>();
  });
});

describe('CumulativeReportSchema', () => {
  it('accepts the jido rollout-snapshot fixture as it is', () => {
    expect(CumulativeReportSchema.parse(snapshotFixture)).toEqual(snapshotFixture);
  });

  it('fills missing decision and status counts with 0 and drops unknown keys', () => {
    const { decisionCounts: _d, ...rest } = snapshotFixture;
    const parsed = CumulativeReportSchema.parse({ ...rest, decisionCounts: { enqueue_runtime: 3 }, somethingNew: true });
    expect(parsed.decisionCounts).toEqual({ enqueue_runtime: 3, parity_only: 0, drop: 0 });
    expect('somethingNew' in parsed).toBe(false);
  });

  it('accepts an older snapshot without parityStatusCounts', () => {
    const { parityStatusCounts: _s, ...older } = snapshotFixture;
    expect(CumulativeReportSchema.parse(older).parityStatusCounts).toBeUndefined();
  });

  it('points at the first bad field', () => {
    expect(pathOf(CumulativeReportSchema, { ...snapshotFixture, decisionCounts: { ...snapshotFixture.decisionCounts, drop: -1 } })).toBe('/decisionCounts/drop');
    expect(pathOf(CumulativeReportSchema, { ...snapshotFixture, reasonCounts: { enabled: 1.5 } })).toBe('/reasonCounts/enabled');
    expect(pathOf(CumulativeReportSchema, { ...snapshotFixture, capturedAt: 'yesterday' })).toBe('/capturedAt');
    const tooMany = Array.from({ length: INGEST_LIMITS.maxRecent + 1 }, () => snapshotFixture.recentParitySamples[0]);
    expect(pathOf(CumulativeReportSchema, { ...snapshotFixture, recentParitySamples: tooMany })).toBe('/recentParitySamples');
    const reasons = Object.fromEntries(Array.from({ length: INGEST_LIMITS.maxReasonKeys + 1 }, (_, i) => [`r${i}`, 1]));
    expect(pathOf(CumulativeReportSchema, { ...snapshotFixture, reasonCounts: reasons })).toBe('/reasonCounts');
  });
});

describe('ParityReportSummarySchema', () => {
  it('accepts the jido parity-report fixture as it is', () => {
    expect(ParityReportSummarySchema.parse(parityFixture)).toEqual(parityFixture);
  });
});

describe('MetricsIngestSchema', () => {
  const windows = [win('v1', 0), win('v2', 0), win('v1', 1), win('v2', 1)];

  it('accepts a batch of windows', () => {
    expect(MetricsIngestSchema.parse({ windows })).toEqual({ windows });
    expect(MetricWindowSchema.parse({ ...win('v2', 0), latencyAvgMs: 120 })).toMatchObject({ latencyAvgMs: 120 });
  });

  it('reports the JSON pointer of the first issue', () => {
    const bad = (i: number, over: Record<string, unknown>) => ({ windows: windows.map((w, j) => (j === i ? { ...w, ...over } : w)) });
    expect(firstIssue(MetricsIngestSchema, bad(3, { requests: -1 }))).toEqual({ path: '/windows/3/requests', message: 'Too small: expected number to be >=0' });
    expect(pathOf(MetricsIngestSchema, bad(0, { errors: 200 }))).toBe('/windows/0/errors');
    expect(pathOf(MetricsIngestSchema, bad(1, { extra: 1 }))).toBe('/windows/1/extra');
    expect(pathOf(MetricsIngestSchema, bad(2, { latencyP95Ms: Number.POSITIVE_INFINITY }))).toBe('/windows/2/latencyP95Ms');
    expect(pathOf(MetricsIngestSchema, bad(2, { variant: 'v3' }))).toBe('/windows/2/variant');
    expect(pathOf(MetricsIngestSchema, bad(2, { start: 1.5 }))).toBe('/windows/2/start');
    expect(pathOf(MetricsIngestSchema, bad(2, { seconds: 0 }))).toBe('/windows/2/seconds');
    expect(pathOf(MetricsIngestSchema, bad(2, { cpuPct: -3 }))).toBe('/windows/2/cpuPct');
    expect(pathOf(MetricsIngestSchema, { windows: [...windows, win('v2', 1)] })).toBe('/windows/4/start');
    expect(pathOf(MetricsIngestSchema, { windows: [] })).toBe('/windows');
    expect(pathOf(MetricsIngestSchema, { windows: Array.from({ length: INGEST_LIMITS.maxWindowsPerBatch + 1 }, (_, i) => win('v2', i)) })).toBe('/windows');
    expect(pathOf(MetricsIngestSchema, [])).toBe('');
  });
});

describe('ParityIngestSchema', () => {
  const base = {
    subject: 'conv-42',
    comparedAt: '2026-02-19T18:05:00.120Z',
    v1Outputs: [{ type: 'conv.out.message.completed', subject: 'conv-42', data: { text: 'hi' } }],
    v2Outputs: [{ type: 'conv.out.message.completed', data: { text: 'hi' } }],
  };

  it('accepts both sides, defaulting a missing output subject to null', () => {
    expect(ParityIngestSchema.parse(base).v2Outputs[0]).toEqual({ type: 'conv.out.message.completed', subject: null, data: { text: 'hi' } });
    expect(ParityIngestSchema.safeParse({ ...base, subject: undefined, conversationId: 'conv-42' }).success).toBe(true);
  });

  it('accepts legacy unavailable only with a reason', () => {
    expect(pathOf(ParityIngestSchema, { ...base, v1Outputs: null })).toBe('/reason');
    expect(ParityIngestSchema.safeParse({ ...base, v1Outputs: null, reason: 'legacy_adapter_not_configured' }).success).toBe(true);
  });

  it('needs one subject', () => {
    expect(pathOf(ParityIngestSchema, { ...base, subject: undefined })).toBe('/subject');
    expect(pathOf(ParityIngestSchema, { ...base, conversationId: 'conv-1' })).toBe('/conversationId');
  });

  it('bounds output data in depth and size, without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(pathOf(ParityIngestSchema, { ...base, v2Outputs: [{ type: 't', data: deep }] })).toBe('/v2Outputs/0/data');
    expect(pathOf(ParityIngestSchema, { ...base, v1Outputs: [{ type: 't', data: 'x'.repeat(70_000) }] })).toBe('/v1Outputs/0/data');
    expect(pathOf(ParityIngestSchema, { ...base, v1Outputs: [{ type: 't' }] })).toBe('/v1Outputs/0/data');
    expect(pathOf(ParityIngestSchema, { ...base, v1Outputs: [{ type: '', data: {} }] })).toBe('/v1Outputs/0/type');
  });
});

describe('jsonProblem', () => {
  it('accepts JSON and names what is not', () => {
    expect(jsonProblem({ a: [1, 'x', null, true, { b: {} }] })).toBeNull();
    expect(jsonProblem({ a: Number.NaN })).toBe('must contain only finite numbers');
    expect(jsonProblem({ a: new Date(0) })).toMatch(/^must be JSON/);
    expect(jsonProblem(undefined)).toBe('is required');
    expect(jsonProblem([[[1]]], 2)).toBe('must be nested at most 2 levels deep');
  });
});

describe('settings schemas', () => {
  it('accept the defaults', () => {
    expect(StepsSchema.parse(DEFAULT_STEPS)).toEqual(DEFAULT_STEPS);
    expect(GateThresholdsSchema.parse(DEFAULT_GATE_THRESHOLDS)).toEqual(DEFAULT_GATE_THRESHOLDS);
    expect(CanaryConfigSchema.safeParse({ enabled: true, subjects: ['conv-42'], tenantIds: [], channels: ['web'] }).success).toBe(true);
    expect(ParitySamplingSchema.safeParse({ enabled: true, sampleRate: 0.25 }).success).toBe(true);
  });

  it('point at the offending field', () => {
    expect(firstIssue(StepsSchema, [{ stage: 'shadow', share: 0 }, { stage: 'ramp', share: 10 }, { stage: 'ramp', share: 5 }, { stage: 'full', share: 100 }])).toEqual({
      path: '/2/share',
      message: 'step 2: shares must increase (10% then 5%)',
    });
    expect(pathOf(ParitySamplingSchema, { enabled: true, sampleRate: 1.5 })).toBe('/sampleRate');
    expect(pathOf(GuardRuleSchema, { id: 'x', label: 'x', severity: 'warning', metric: 'cpu', comparison: { kind: 'relative_to_v1', op: '>', value: 2 }, forMinutes: 3, action: 'pause' })).toBe('/comparison/ratio');
    expect(pathOf(GateThresholdsSchema, { ...DEFAULT_GATE_THRESHOLDS, maxDropRate: 2 })).toBe('/maxDropRate');
  });
});

describe('zodIssuePointer', () => {
  it('escapes segments per RFC 6901', () => {
    expect(zodIssuePointer({ code: 'custom', path: ['a/b', 'c~d', 0], message: 'x', input: null })).toBe('/a~1b/c~0d/0');
    expect(zodIssuePointer({ code: 'unrecognized_keys', keys: ['x/y'], path: ['w'], message: 'x', input: {} })).toBe('/w/x~1y');
  });
});
