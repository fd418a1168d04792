/**
 * One error shape for everything: {"error": {code, message, path?, details?}}. Client mistakes
 * (including Fastify's own: body too large, bad media type, malformed URL) are 4xx; anything
 * else is a bug, logged with the request id and reported as 500 Internal without internals.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ApiError } from '../errors';

function fromFastify(error: FastifyError, bodyLimit: number): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('PayloadTooLarge', `the request body is larger than the limit of ${bodyLimit} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('UnsupportedMediaType', 'send the body as JSON with Content-Type: application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('BadRequest', 'the request body is empty; send a JSON document');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError('InvalidJson', 'the request body is not valid JSON', undefined, undefined, 400);
    default:
      break;
  }
  if (error instanceof SyntaxError) return new ApiError('InvalidJson', `the request body is not valid JSON: ${error.message}`, undefined, undefined, 400);
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiError('PayloadTooLarge', error.message);
  if (status === 415) return new ApiError('UnsupportedMediaType', error.message);
  if (status >= 400 && status < 500) return new ApiError('BadRequest', error.message, undefined, undefined, 400);
  return null;
}

/** Errors Fastify raises before routing (malformed URL encoding, over-long parameters), in our shape. */
export function frameworkError(error: FastifyError, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const body = new ApiError('BadRequest', `the URL is not valid: ${error.message}`, undefined, undefined, status).toBody();
  void reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function errorHandling(app: FastifyInstance, options: { bodyLimit: number; staticDir: string }): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const known = error instanceof ApiError ? error : fromFastify(error, options.bodyLimit);
    if (known) {
      const retryAfter = known.details?.retryAfterSeconds;
      if (known.status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.code(known.status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(known.toBody()));
    }
    request.log.error({ err: error }, 'unhandled error');
    const internal = new ApiError(
      'Internal',
      `something went wrong on the server (request ${request.id}); it was logged — try again, and report it if it persists`,
    );
    return reply.code(500).type('application/json; charset=utf-8').send(JSON.stringify(internal.toBody()));
  });

  const spa = existsSync(join(options.staticDir, 'index.html'));
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const api = path === '/api' || path.startsWith('/api/') || path === '/v1' || path.startsWith('/v1/');
    if (spa && !api && (request.method === 'GET' || request.method === 'HEAD')) {
      // History fallback: the SPA's router owns every other path.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    }
    const error = new ApiError('NotFound', `there is no ${request.method} ${path}; see /api/v1/openapi.json`);
    return reply.code(404).type('application/json; charset=utf-8').send(JSON.stringify(error.toBody()));
  });
}
