import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import * as registryApi from '@contract/routes-registry';
import { server } from '../../mocks/node';
import { adminMe, checkoutDetail } from '../../mocks/data';
import { apiErrorReply, networkErrorReply, typedHandler } from '../../mocks/typed-handler';
import { apiRequest, apiUrl } from './api-client';
import { ApiError } from './api-error';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiRequest', () => {
  it('fills path parameters and returns the parsed response', async () => {
    let seenPath = '';
    server.use(
      typedHandler('getNamespace', ({ request }) => {
        seenPath = new URL(request.url).pathname;
        return checkoutDetail;
      }),
    );
    const detail = await apiRequest(registryApi.getNamespace, { params: { ns: 'checkout' } });
    expect(seenPath).toBe('/api/v1/namespaces/checkout');
    expect(detail.activeVersion).toBe(14);
  });

  it('encodes path parameters and leaves out undefined query values', () => {
    expect(apiUrl(registryApi.listVersions, { params: { ns: 'a b' }, query: { before: 10, limit: undefined } })).toBe(
      '/api/v1/namespaces/a%20b/versions?before=10',
    );
  });

  it('sends the CSRF header, If-Match and Idempotency-Key on a mutation', async () => {
    let headers = new Headers();
    let body: unknown;
    server.use(
      http.post('/api/v1/namespaces/:ns/rollback', async ({ request }) => {
        headers = request.headers;
        body = await request.json();
        return HttpResponse.json({ error: { code: 'InsufficientHistory', message: 'only 1 step of history' } }, { status: 409 });
      }),
    );
    await failure(
      apiRequest(registryApi.rollback, { params: { ns: 'checkout' }, body: { steps: 2, reason: 'bad deploy' }, ifMatch: 14, idempotencyKey: 'k-1' }),
    );
    expect(headers.get('x-requested-with')).toBe('switchyard');
    expect(headers.get('if-match')).toBe('"14"');
    expect(headers.get('idempotency-key')).toBe('k-1');
    expect(headers.get('content-type')).toBe('application/json');
    expect(body).toEqual({ steps: 2, reason: 'bad deploy' });
  });

  it('generates an idempotency key for a mutation when the caller has none, and sends none for reads', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post('/api/v1/session', ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return HttpResponse.json(adminMe);
      }),
      http.get('/api/v1/me', ({ request }) => {
        keys.push(request.headers.get('idempotency-key') ?? request.headers.get('x-requested-with'));
        return HttpResponse.json(adminMe);
      }),
    );
    await apiRequest(registryApi.createSession, { body: { token: 't' } });
    await apiRequest(registryApi.me);
    expect(keys).toEqual([null, null]);
    server.use(http.post('/api/v1/namespaces/:ns/restore', ({ request }) => {
      keys.push(request.headers.get('idempotency-key'));
      return HttpResponse.json({ error: { code: 'NotFound', message: 'no' } }, { status: 404 });
    }));
    await failure(apiRequest(registryApi.restore, { params: { ns: 'x' }, body: { version: 1, reason: 'r' }, ifMatch: '*' }));
    expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('normalises the server error body into ApiError with code, message, path and details', async () => {
    server.use(
      typedHandler('load', () =>
        apiErrorReply(422, 'InvalidSnapshot', 'rampUp must be between 0 and 100', {
          path: '/flags/2/rules/0/rampUp',
          details: { got: 140 },
        }),
      ),
    );
    const error = await failure(apiRequest(registryApi.load, { params: { ns: 'checkout' }, body: { snapshot: '{}', reason: 'r' }, ifMatch: 3 }));
    expect(error).toMatchObject({
      status: 422,
      code: 'InvalidSnapshot',
      message: 'rampUp must be between 0 and 100',
      path: '/flags/2/rules/0/rampUp',
      details: { got: 140 },
    });
    expect(error.isClientError).toBe(true);
  });

  it('reports a network failure as status 0, code Network', async () => {
    server.use(typedHandler('listNamespaces', () => networkErrorReply()));
    const error = await failure(apiRequest(registryApi.listNamespaces));
    expect(error.status).toBe(0);
    expect(error.code).toBe('Network');
  });

  it('explains an error answer that is not in the contract format', async () => {
    server.use(http.get('/api/v1/namespaces', () => new HttpResponse('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    const error = await failure(apiRequest(registryApi.listNamespaces));
    expect(error).toMatchObject({ status: 502, code: 'Internal' });
    expect(error.message).toContain('502 Bad Gateway');
  });

  it('rejects a success response that breaks the contract instead of passing it on', async () => {
    server.use(http.get('/api/v1/me', () => HttpResponse.json({ actor: 'ada', role: 'superuser' })));
    const error = await failure(apiRequest(registryApi.me));
    expect(error).toMatchObject({ status: 200, code: 'InvalidResponse' });
    expect(error.details?.issues).toBeDefined();
  });

  it('lets an abort through untouched so the caller can tell it from a failure', async () => {
    server.use(http.get('/api/v1/me', () => new Promise<Response>(() => undefined)));
    const controller = new AbortController();
    const pending = apiRequest(registryApi.me, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.not.toBeInstanceOf(ApiError);
  });
});
