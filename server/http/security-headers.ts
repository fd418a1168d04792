/**
 * Headers on every response. The Content-Security-Policy is strict: the SPA is built by Vite as
 * files under /assets with no inline script or <style> element, and React applies `style` props
 * through the CSSOM, which style-src does not govern, so 'self' suffices everywhere (the e2e run
 * fails on any CSP violation). HSTS is sent only on HTTPS (directly, or X-Forwarded-Proto from a
 * TLS-terminating proxy): over plain HTTP it would be ignored, and it must never pin a local
 * HTTP-only setup to HTTPS.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

export const isHttps = (r: FastifyRequest): boolean => r.protocol === 'https' || r.headers['x-forwarded-proto'] === 'https';

export function securityHeaders(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request, app polls included, and needs no promise.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-content-type-options', 'nosniff');
    // The login link carries a one-time code: never leak it (or anything else) in a Referer.
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (isHttps(request)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done();
  });
}
