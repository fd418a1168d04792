import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import type { z } from 'zod/mini';
import { buildPath, routes, type BodyOf, type ResponseOf, type RouteName } from '../contract/routes';

type Flags = Record<string, boolean>;

/** A Konditional snapshot of BOOLEAN flags, e.g. `{ darkMode: true }` -> `feature::<ns>::darkMode`. */
export function booleanSnapshot(ns: string, flags: Flags, label = 'e2e'): Record<string, unknown> {
  return {
    meta: { version: label, source: 'e2e' },
    flags: Object.entries(flags).map(([name, value]) => ({
      key: `feature::${ns}::${name}`,
      defaultValue: { type: 'BOOLEAN', value },
      salt: 'v1',
      isActive: true,
      rampUpAllowlist: [],
      rules: [],
    })),
  };
}

/** A namespace id unique to this run and test, so parallel specs never see each other's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;
}

interface CallOptions<N extends RouteName> {
  params?: Record<string, string | number>;
  body?: BodyOf<N>;
  ifMatch?: number | '*';
}

/** Arranges data through the real API with the admin bearer token (as a script or CI job would). */
export class SwitchyardApi {
  constructor(private readonly request: APIRequestContext) {}

  async call<N extends RouteName>(name: N, options: CallOptions<N> = {}): Promise<ResponseOf<N>> {
    const route = routes[name];
    const headers: Record<string, string> = {};
    if (route.mutation) headers['Idempotency-Key'] = randomUUID();
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch === '*' ? '*' : `"${options.ifMatch}"`;
    const response = await this.request.fetch(buildPath(route.path, options.params), {
      method: route.method,
      headers,
      ...(options.body !== undefined && { data: options.body }),
    });
    const text = await response.text();
    if (!response.ok()) throw new Error(`${name} -> ${response.status()}: ${text}`);
    const schema: z.ZodMiniType = route.response;
    return schema.parse(JSON.parse(text)) as ResponseOf<N>;
  }

  /** Creates a namespace whose declared features and version 1 are the given flags. */
  createNamespace(name: string, flags: Flags, description?: string) {
    return this.call('createNamespace', {
      body: { name, reason: 'e2e: arrange', adoptSnapshot: booleanSnapshot(name, flags, 'v1'), ...(description && { description }) },
    });
  }

  /** Loads a new whole snapshot on top of whatever is live; resolves to the namespace afterwards. */
  async loadSnapshot(name: string, flags: Flags, reason = 'e2e: load') {
    const current = await this.call('getNamespace', { params: { ns: name } });
    return this.call('load', {
      params: { ns: name },
      body: { snapshot: booleanSnapshot(name, flags, `v${current.activeVersion + 1}`), reason },
      ifMatch: current.activeVersion,
    });
  }

  /** The namespace as the API returns it now. */
  namespace(name: string) {
    return this.call('getNamespace', { params: { ns: name } });
  }

  /** Rolls back as another operator would (with the version they saw). */
  rollback(name: string, seenVersion: number, reason = 'e2e: another operator rolls back', steps = 1) {
    return this.call('rollback', { params: { ns: name }, body: { steps, reason }, ifMatch: seenVersion });
  }

  /** The audit events of one namespace, optionally of one action, newest first. */
  async events(name: string, action?: string) {
    const query = new URLSearchParams({ namespace: name, limit: '1000', ...(action && { action }) });
    const response = await this.request.get(`/api/v1/events?${query.toString()}`);
    if (!response.ok()) throw new Error(`listEvents -> ${response.status()}: ${await response.text()}`);
    return (routes.listEvents.response.parse(await response.json())).items;
  }

  /** A new API token with this role; its secret is returned once. */
  async createToken(role: 'viewer' | 'operator' | 'admin', name = `e2e-${role}`) {
    return (await this.call('createToken', { body: { name, role, reason: `e2e: a ${role} token` } })).secret;
  }
}

