/** A small client of the real API for arranging data (bearer token, Idempotency-Key, If-Match). */
import { randomUUID } from 'node:crypto';

export interface ApiReply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export class BenchApi {
  constructor(
    readonly base: string,
    readonly token: string,
  ) {}

  async call(method: string, path: string, options: { body?: unknown; ifMatch?: string; expect?: number[] } = {}): Promise<ApiReply> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (method !== 'GET') headers['idempotency-key'] = randomUUID();
    if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await res.text();
    const expect = options.expect ?? [200, 201];
    if (!expect.includes(res.status)) throw new Error(`${method} ${path} -> ${res.status}: ${text.slice(0, 500)}`);
    let json: unknown = null;
    try {
      json = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  /** Creates a namespace by adopting a snapshot (its flags become the declaration and v1). */
  async createNamespace(name: string, snapshot: unknown): Promise<void> {
    await this.call('POST', '/api/v1/namespaces', { body: { name, adoptSnapshot: snapshot, reason: 'bench: arrange' } });
  }

  /** Loads a snapshot on top of whatever is live. */
  async load(name: string, snapshot: unknown, reason = 'bench: load'): Promise<void> {
    await this.call('POST', `/api/v1/namespaces/${name}/load`, { body: { snapshot, reason }, ifMatch: '*' });
  }

  async activeVersion(name: string): Promise<number> {
    const r = await this.call('GET', `/api/v1/namespaces/${name}`);
    const v = (r.json as { activeVersion?: unknown }).activeVersion;
    if (typeof v !== 'number') throw new Error(`no activeVersion for ${name}`);
    return v;
  }
}
