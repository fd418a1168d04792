/**
 * The only body parser: JSON. Anything else is 415. Parse errors are 400 InvalidJson; documents
 * nested absurdly deep or carrying `__proto__` keys are refused before any other code walks them.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors';
import { findUnsafeJson, MAX_NESTING } from '../registry/nesting';

function parse(text: string | Buffer, done: (err: Error | null, body?: unknown) => void): void {
  const source = typeof text === 'string' ? text : text.toString('utf8');
  if (source.trim() === '') return done(null, undefined);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return done(new ApiError('InvalidJson', `the request body is not valid JSON: ${detail}`, undefined, undefined, 400));
  }
  const unsafe = findUnsafeJson(value);
  if (unsafe) {
    const message =
      unsafe.problem === 'depth' ? `the request body is nested deeper than ${MAX_NESTING} levels` : 'keys named "__proto__" are not accepted';
    return done(new ApiError('BadRequest', message, unsafe.path));
  }
  done(null, value);
}

export function jsonBodies(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  for (const type of ['application/json', /^application\/[a-z0-9.-]+\+json$/i]) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit }, (_request, text, done) => parse(text, done));
  }
}
