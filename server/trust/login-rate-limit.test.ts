/** S6: failed sign-ins are limited per address (10 a minute), successes are not, and the limit lifts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_SECRET, harness, type Harness } from '../test/harness';
import { dumpAllTables } from './db-dump';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => h.close());

const login = (body: unknown, remoteAddress = '127.0.0.7') =>
  h.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body), remoteAddress });

describe('login rate limit', () => {
  it('answers 429 RateLimited with Retry-After after 10 failures a minute, even to the right token', async () => {
    for (let i = 0; i < 10; i++) expect((await login({ token: `guess-${i}` })).statusCode).toBe(401);
    const limited = await login({ token: ADMIN_SECRET });
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'RateLimited']);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.json().error.message).toContain('try again in 60 s');
    // Login codes are guesses too.
    expect((await login({ code: 'nope' })).statusCode).toBe(429);
    // Other addresses are not affected.
    expect((await login({ token: ADMIN_SECRET }, '127.0.0.8')).statusCode).toBe(200);
  });

  it('counts failures in a sliding minute; successes do not count', async () => {
    for (let i = 0; i < 5; i++) await login({ token: `guess-${i}` });
    for (let i = 0; i < 20; i++) expect((await login({ token: ADMIN_SECRET })).statusCode).toBe(200);
    h.advance(30_000);
    for (let i = 0; i < 5; i++) await login({ token: `guess-${i}` });
    expect((await login({ token: ADMIN_SECRET })).statusCode).toBe(429);
    h.advance(30_001); // the first five leave the window: five more guesses are allowed
    expect((await login({ token: ADMIN_SECRET })).statusCode).toBe(200);
    const before = dumpAllTables(h);
    for (let i = 0; i < 5; i++) expect((await login({ token: `late guess ${i}` })).statusCode).toBe(401);
    expect((await login({ token: ADMIN_SECRET })).statusCode).toBe(429);
    expect(dumpAllTables(h)).toEqual(before);
    h.advance(60_000);
    expect((await login({ token: ADMIN_SECRET })).statusCode).toBe(200);
  });
});
