/**
 * Arranges rollouts through the real API, as a release pipeline and a reporter would: a
 * namespace with a BOOLEAN or ENUM flag, a rollout bound to it, a reporter token, and ingest of
 * metric windows, cumulative (jido) reports and parity outputs.
 */
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import type { z } from 'zod/mini';
import type { CumulativeReport, MetricWindow, ParityIngest } from '../../core/rollout/model';
import type { GuardRule } from '../../core/rollout/guards';
import { buildPath, routes, type BodyOf, type ResponseOf, type RouteName } from '../../contract/routes';
import { uniqueName, type SwitchyardApi } from '../api-client';

/** A client with its own bearer token (a reporter, or another operator). */
export class TokenClient {
  constructor(private readonly request: APIRequestContext) {}

  async call<N extends RouteName>(name: N, options: { params?: Record<string, string | number>; body?: BodyOf<N>; ifMatch?: number } = {}): Promise<ResponseOf<N>> {
    const route = routes[name];
    const headers: Record<string, string> = {};
    if (route.mutation) headers['Idempotency-Key'] = randomUUID();
    if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
    const response = await this.request.fetch(buildPath(route.path, options.params), { method: route.method, headers, ...(options.body !== undefined && { data: options.body }) });
    const text = await response.text();
    if (!response.ok()) throw new Error(`${name} -> ${response.status()}: ${text}`);
    const schema: z.ZodMiniType = route.response;
    return schema.parse(JSON.parse(text)) as ResponseOf<N>;
  }
}

export interface ArrangedRollout {
  id: string;
  namespace: string;
  flag: string;
}

const MINUTE = 60_000;

/** A healthy minute of one variant; override what the test is about. */
export function window(variant: 'v1' | 'v2', start: number, over: Partial<MetricWindow> = {}): MetricWindow {
  return { variant, start, seconds: 60, requests: 600, errors: 1, latencyP50Ms: 90, latencyP95Ms: 180, latencyP99Ms: 320, memoryMb: 480, cpuPct: 35, ...over };
}

/** A cumulative report that passes every gate check (25+ runtime decisions, 10+ parity reports, no mismatches, few drops). */
export function acceptingReport(n: number, capturedAt = new Date().toISOString()): CumulativeReport {
  return {
    capturedAt,
    decisionCounts: { enqueue_runtime: 40 * n, parity_only: 0, drop: 2 * n },
    reasonCounts: { enabled: 40 * n, canary_filtered: 2 * n },
    paritySampleCount: 14 * n,
    parityReportCount: 12 * n,
    parityStatusCounts: { match: 12 * n, mismatch: 0, legacy_unavailable: 0 },
    recentParitySamples: [],
    recentParityReports: [],
  };
}

/** A critical error-rate rule that fires after one bad minute (the default waits five). */
export const FAST_CRITICAL_ERROR_RATE: GuardRule = {
  id: 'critical-error-rate',
  label: 'V2 error rate above 5% for 1 minute',
  severity: 'critical',
  metric: 'error_rate',
  comparison: { kind: 'absolute', op: '>', value: 0.05 },
  forMinutes: 1,
  action: 'rollback',
};

export class RolloutKit {
  private reportN = 0;
  private lastCapturedAt = 0;
  private readonly contexts: APIRequestContext[] = [];

  constructor(
    readonly api: SwitchyardApi,
    private readonly playwright: PlaywrightWorkerArgs['playwright'],
    private readonly baseURL: string,
  ) {}

  /** A client that calls the API with a new token of this role (`reporter` to ingest). */
  async client(role: 'reporter' | 'operator', name = `e2e-${role}-${randomUUID().slice(0, 6)}`): Promise<TokenClient> {
    const { secret } = await this.api.call('createToken', { body: { name, role, reason: `e2e: a ${role} token` } });
    const request = await this.playwright.request.newContext({ baseURL: this.baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
    this.contexts.push(request);
    return new TokenClient(request);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.dispose()));
  }

  /** A namespace with one BOOLEAN (false -> true) or ENUM (CLASSIC -> ONE_PAGE) flag and a rollout of it. */
  async create(options: { type?: 'BOOLEAN' | 'ENUM'; guards?: GuardRule[]; description?: string } = {}): Promise<ArrangedRollout> {
    const type = options.type ?? 'BOOLEAN';
    const namespace = uniqueName('ro');
    const flag = type === 'BOOLEAN' ? 'newCheckout' : 'checkoutFlow';
    const feature =
      type === 'BOOLEAN'
        ? { key: `feature::${namespace}::${flag}`, type: 'BOOLEAN' as const, defaultValue: { type: 'BOOLEAN' as const, value: false } }
        : {
            key: `feature::${namespace}::${flag}`,
            type: 'ENUM' as const,
            enumValues: ['CLASSIC', 'ONE_PAGE'],
            defaultValue: { type: 'ENUM' as const, value: 'CLASSIC', enumClassName: 'com.example.CheckoutFlow' },
          };
    await this.api.call('createNamespace', { body: { name: namespace, reason: 'e2e: arrange', features: [feature] } });
    const id = namespace.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
    await this.api.call('createRollout', {
      body: {
        id,
        namespace,
        flag,
        v1Value: type === 'BOOLEAN' ? false : 'CLASSIC',
        v2Value: type === 'BOOLEAN' ? true : 'ONE_PAGE',
        description: options.description ?? 'e2e rollout',
        reason: 'e2e: start the rollout',
        ...(options.guards && { guards: options.guards }),
      },
    });
    return { id, namespace, flag };
  }

  /** Two accepting reports, captured after everything before: the gate accepts twice in a row. */
  async acceptTwice(reporter: TokenClient, id: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      this.reportN += 1;
      // capturedAt strictly increases, so each report is a new one and the latest is the newest.
      this.lastCapturedAt = Math.max(Date.now(), this.lastCapturedAt + 1000);
      await reporter.call('ingestReporter', { params: { id }, body: acceptingReport(this.reportN, new Date(this.lastCapturedAt).toISOString()) });
    }
  }

  /** Promotes as the admin would through the API (the revision read just before). */
  async promote(id: string, reason = 'e2e: next step'): Promise<void> {
    const r = await this.api.call('getRollout', { params: { id } });
    await this.api.call('promoteRollout', { params: { id }, body: { reason, override: false }, ifMatch: r.revision });
  }

  /** Both variants' windows from `from` for `minutes` minutes, in batches the ingest accepts. */
  async ingestMinutes(reporter: TokenClient, id: string, from: number, minutes: number, v2: Partial<MetricWindow> = {}): Promise<void> {
    const all: MetricWindow[] = [];
    for (let m = 0; m < minutes; m++) {
      const start = from + m * MINUTE;
      const wave = 1 + 0.25 * Math.sin((2 * Math.PI * m) / 1440);
      all.push(window('v1', start, { requests: Math.round(900 * wave), latencyP95Ms: 180 * wave }));
      all.push(window('v2', start, { requests: Math.round(100 * wave), latencyP95Ms: 190 * wave, ...v2 }));
    }
    for (let i = 0; i < all.length; i += 5000) {
      await reporter.call('ingestMetrics', { params: { id }, body: { windows: all.slice(i, i + 5000) } });
    }
  }

  /** One subject's outputs from both sides. */
  ingestParity(reporter: TokenClient, id: string, body: ParityIngest) {
    return reporter.call('ingestParity', { params: { id }, body });
  }
}
