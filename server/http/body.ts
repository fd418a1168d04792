/**
 * The only body parser: JSON. Anything else is 415. Bodies that are not UTF-8 and parse errors are
 * 400 InvalidJson; documents nested absurdly deep, carrying `__proto__` keys or lone surrogates
 * are refused before any other code walks them.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors';
import { findUnsafeJson, MAX_NESTING } from '../registry/nesting';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function parse(raw: string | Buffer, done: (err: Error | null, body?: unknown) => void): void {
  let source: string;
  try {
    // Strict: invalid bytes are refused, not silently replaced by U+FFFD.
    source = typeof raw === 'string' ? raw : utf8.decode(raw);
  } catch {
    return done(new ApiError('InvalidJson', 'the request body is not valid UTF-8; send JSON encoded as UTF-8', undefined, undefined, 400));
  }
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
    const message = {
      depth: `the request body is nested deeper than ${MAX_NESTING} levels`,
      proto: 'keys named "__proto__" are not accepted',
      unicode: 'this text holds a lone UTF-16 surrogate (an escape such as \\ud800 without its pair); send well-formed Unicode',
    }[unsafe.problem];
    return done(new ApiError('BadRequest', message, unsafe.path));
  }
  done(null, value);
}

export function jsonBodies(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  for (const type of ['application/json', /^application\/[a-z0-9.-]+\+json$/i]) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => parse(body, done));
  }
}
