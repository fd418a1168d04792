/** /healthz, /metrics, /api/v1/openapi.json. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes, serviceRoutes } from '@contract/routes';
import { HealthSchema } from '@contract/schemas';
import { createNamespace, harness, loadSeries, NS, type Harness } from '../test/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => h.close());

describe('system endpoints', () => {
  it('healthz reports ok and the engine, without auth', async () => {
    const r = await h.call('GET', '/healthz', { token: null });
    expect(r.status).toBe(200);
    expect(HealthSchema.parse(r.json)).toMatchObject({ status: 'ok', db: 'sqlite', version: '0.1.0' });
  });

  it('metrics: requests by route and status, polls, 304s, SSE clients, write latency', async () => {
    await createNamespace(h);
    await loadSeries(h, 10);
    const first = await h.call('GET', `/v1/namespaces/${NS}`, { token: null });
    await h.call('GET', `/v1/namespaces/${NS}`, { token: null, headers: { 'if-none-match': String(first.headers.etag) } });
    await h.call('GET', '/api/v1/nope');
    const r = await h.call('GET', '/metrics', { token: null });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain; version=0.0.4');
    expect(r.body).toContain('# TYPE switchyard_http_requests_total counter');
    expect(r.body).toContain('switchyard_http_requests_total{route="/api/v1/namespaces/:ns/load",method="POST",status="200"} 1');
    expect(r.body).toContain('switchyard_http_requests_total{route="unmatched",method="GET",status="404"} 1');
    expect(r.body).toContain('switchyard_snapshot_polls_total{status="200"} 1');
    expect(r.body).toContain('switchyard_snapshot_polls_total{status="304"} 1');
    expect(r.body).toContain('switchyard_snapshot_not_modified_total 1');
    expect(r.body).toContain('# TYPE switchyard_sse_clients gauge');
    expect(r.body).toMatch(/switchyard_db_write_seconds_bucket\{le="\+Inf"\} \d+/);
    expect(r.body).toMatch(/switchyard_db_write_seconds_count [1-9]\d*/);
  });

  it('openapi.json is OpenAPI 3.1 and lists every route of the contract', async () => {
    const r = await h.call('GET', '/api/v1/openapi.json', { token: null });
    expect(r.status).toBe(200);
    const doc = r.json as { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[]; requestBody?: unknown }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const [id, def] of [...Object.entries(routes), ...Object.entries(serviceRoutes)]) {
      const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[path]?.[def.method.toLowerCase()];
      expect([id, op?.operationId]).toEqual([id, id]);
    }
    const load = doc.paths['/api/v1/namespaces/{ns}/load']?.post;
    expect(load?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:ns', 'header:If-Match', 'header:Idempotency-Key']);
    expect(load?.requestBody).toBeDefined();
    const events = doc.paths['/api/v1/events']?.get;
    expect(events?.parameters.map((p) => p.name)).toContain('format');
  });
});
