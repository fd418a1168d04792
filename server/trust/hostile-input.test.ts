/**
 * S5: the generated hostile corpus (hostile-corpus.ts) against every endpoint of the contract:
 * never a 5xx, never accepted, never a state change (every table dumped before and after), and
 * every rejection in the error shape with a message and, for a broken body field, a JSON pointer
 * to it (422s from the Konditional decoder point into the submitted document).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '@contract/schemas';
import { ADMIN_SECRET, harness, type Harness } from '../test/harness';
import { dumpAllTables } from './db-dump';
import { hostileCases, type HostileCase } from './hostile-corpus';
import { allRoutes, baseState, factoryOf } from './route-cases';

let h: Harness;
const BODY_LIMIT = 64 * 1024;
beforeAll(async () => {
  h = await harness({ bodyLimit: BODY_LIMIT });
  await baseState(h);
});
afterAll(async () => h.close());

const DOCUMENT_FIELDS = ['/snapshot', '/patch', '/adoptSnapshot'];

/** A validate dry run answers 200 {valid: false, error}: its rejection is in the body. */
function rejectionOf(status: number, body: unknown): { status: number; body: unknown } {
  if (status === 200 && typeof body === 'object' && body !== null && 'valid' in body && body.valid === false && 'error' in body) {
    return { status: 422, body: { error: body.error } };
  }
  return { status, body };
}

async function fire(c: HostileCase): Promise<string[]> {
  const res = await h.app.inject({
    method: c.method as 'GET',
    url: c.url,
    headers: { authorization: `Bearer ${ADMIN_SECRET}`, ...c.headers },
    ...(c.payload !== undefined ? { payload: c.payload } : {}),
  });
  const problems: string[] = [];
  const fail = (p: string) => problems.push(`${c.route} [${c.label}] ${p}`);
  let json: unknown = null;
  try {
    json = JSON.parse(res.body);
  } catch {
    fail(`answered ${res.statusCode} without a JSON body`);
    return problems;
  }
  const { status, body } = rejectionOf(res.statusCode, json);
  if (status >= 500) fail(`answered ${status}`);
  else if (status < 400) fail(`accepted with ${status}: ${res.body.slice(0, 100)}`);
  const parsed = ApiErrorBody.safeParse(body);
  if (!parsed.success) {
    if (status >= 400) fail(`error body not in the error shape: ${res.body.slice(0, 120)}`);
    return problems;
  }
  const { message, path } = parsed.data.error;
  if (message.trim().length < 8) fail(`no useful message: "${message}"`);
  if (c.pointer !== undefined && (status === 400 || status === 422)) {
    const field = DOCUMENT_FIELDS.find((f) => c.pointer?.startsWith(f + '/'));
    // Decoder errors point into the submitted document, schema errors into the request body.
    const expected = status === 422 && field ? c.pointer.slice(field.length) : c.pointer;
    const fits = path !== undefined && (path === expected || path.startsWith(expected + '/') || expected.startsWith(path + '/'));
    if (!fits) fail(`path ${JSON.stringify(path)} does not point at ${expected} (${status}: ${message.slice(0, 80)})`);
  }
  return problems;
}

describe('S5: hostile input against every endpoint', () => {
  const routes = allRoutes();
  let total = 0;

  for (const [i, route] of routes.entries()) {
    it(`${route.name}: every hostile case is a clean 4xx and changes nothing`, async () => {
      const make = await factoryOf(route).prepare(h);
      const valid = await make(1);
      const cases = hostileCases(route.name, route.def, valid, BODY_LIMIT, 1000 + i);
      const before = dumpAllTables(h);
      const problems: string[] = [];
      for (const c of cases) problems.push(...(await fire(c)));
      expect(problems.join('\n')).toBe('');
      expect(dumpAllTables(h)).toEqual(before);
      total += cases.length;
    });
  }

  it('the corpus has at least 500 cases, and nothing reached Object.prototype', () => {
    expect(total).toBeGreaterThanOrEqual(500);
    const probe: Record<string, unknown> = {};
    expect([probe.polluted, Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')]).toEqual([undefined, false]);
  });
});
