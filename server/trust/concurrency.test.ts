/**
 * S3 and S4 for every mutating route of the contract (generated from the route table):
 * - two simultaneous requests built from the same view (same If-Match) -> exactly one applies,
 *   the other is refused with 412 and the current state (or a clean 409 where the semantics say
 *   so: the name is taken, the token is already revoked, the switch is already in that state);
 * - one Idempotency-Key sent twice, one after the other and simultaneously -> one effect and the
 *   same response (status and body byte for byte, the repeat marked Idempotent-Replayed);
 *   the same key with another body -> 422 and no effect.
 * "One effect" is counted in audit events: every mutation writes exactly one, in its transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness, type Reply } from '../test/harness';
import { baseState, factoryOf, mutatingRoutes, send } from './route-cases';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await baseState(h);
});
afterEach(async () => h.close());

const eventCount = async () => ((await h.call('GET', '/api/v1/events?limit=1000')).json.items as unknown[]).length;
const ROUNDS = 3;

/** What is wrong with the refusal of the request that lost the race (nothing: []). */
function refusalProblems(loser: Reply, winner: Reply): string[] {
  const error = loser.json.error;
  const problems: string[] = [];
  if (loser.status !== 409 && loser.status !== 412) problems.push(`the loser answered ${loser.status}: ${loser.body.slice(0, 200)}`);
  if ((error?.message.length ?? 0) < 10) problems.push('the refusal has no useful message');
  if (loser.status === 412) {
    if (error?.code !== 'PreconditionFailed') problems.push(`412 with code ${error?.code}`);
    // The current state, as the winner left it.
    const current = error?.details?.current as Record<string, unknown> | undefined;
    if (!current) problems.push('412 without details.current');
    const won = winner.json.namespace as { activeVersion: number } | undefined;
    if (won && current && 'activeVersion' in current && current.activeVersion !== won.activeVersion) {
      problems.push(`412 says v${String(current.activeVersion)} is active, the winner made it v${won.activeVersion}`);
    }
  }
  if (loser.status === 409 && !/^(Conflict|AlreadyExists)$/.test(error?.code ?? '')) problems.push(`409 with code ${error?.code}`);
  return problems;
}

describe('S3: simultaneous mutations with the same precondition', () => {
  const mutating = mutatingRoutes();

  it('covers every mutating route of the contract', () => {
    expect(mutating.length).toBeGreaterThanOrEqual(9);
    const missing = mutating.filter((route) => {
      try {
        factoryOf(route);
        return false;
      } catch {
        return true;
      }
    });
    expect(missing.map((m) => m.name)).toEqual([]);
  });

  for (const route of mutating) {
    it(`${route.name}: exactly one of two applies`, async () => {
      const f = factoryOf(route);
      const problems: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const make = await f.prepare(h);
        const [a, b] = [await make(2 * round + 1), await make(2 * round + 2)];
        const before = await eventCount();
        const replies = await Promise.all([send(h, a), send(h, b)]);
        const effects = (await eventCount()) - before;
        const won = replies.filter((x) => x.status === f.ok);
        const say = (p: string) => problems.push(`round ${round}: ${p}`);
        if (f.race === 'independent') {
          if (won.length !== 2 || effects !== 2) say(`expected both to apply: ${replies.map((x) => x.status).join(', ')}, ${effects} events`);
          continue;
        }
        if (won.length !== 1) say(`${won.length} applied: ${replies.map((x) => `${x.status} ${x.body.slice(0, 120)}`).join(' | ')}`);
        if (effects !== 1) say(`${effects} audit events for one change`);
        const winner = won[0];
        const loser = replies.find((x) => x !== winner);
        if (winner && loser) refusalProblems(loser, winner).forEach(say);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('S4: one Idempotency-Key, one effect, one response', () => {
  for (const route of mutatingRoutes()) {
    it(`${route.name}: repeated one after the other, and simultaneously`, async () => {
      const f = factoryOf(route);
      const withoutSecret = f.replay === 'conflict-without-secret';
      const make = await f.prepare(h);
      const q = await make(1);
      const keyed = { headers: { 'idempotency-key': `seq-${route.name}` } };

      const before = await eventCount();
      const first = await send(h, q, keyed);
      const second = await send(h, q, keyed);
      const afterRepeat = await eventCount();
      // The same key for another request: refused, nothing happens.
      const other = await make(2);
      const reused = await send(h, other, keyed);
      const afterReuse = await eventCount();

      expect({
        first: first.status,
        firstReplayed: first.headers['idempotent-replayed'],
        secondReplayed: second.headers['idempotent-replayed'],
        effects: afterRepeat - before,
        // Token creation answers a repeat with 409 naming the token: its secret is shown once.
        second: withoutSecret ? second.status : second.body,
        secretShownAgain: withoutSecret && second.body.includes(String(first.json.secret)),
        reused: [reused.status, reused.json.error?.code],
        effectsOfReuse: afterReuse - afterRepeat,
      }).toEqual({
        first: f.ok,
        firstReplayed: undefined,
        secondReplayed: 'true',
        effects: 1,
        second: withoutSecret ? 409 : first.body,
        secretShownAgain: false,
        reused: [422, 'IdempotencyKeyReused'],
        effectsOfReuse: 0,
      });
      expect(second.status).toBe(withoutSecret ? 409 : first.status);

      // Simultaneously, with a fresh key, against a fresh valid request.
      const again = await (await f.prepare(h))(3);
      const mid = await eventCount();
      const both = { headers: { 'idempotency-key': `par-${route.name}` } };
      const [x, y] = await Promise.all([send(h, again, both), send(h, again, both)]);
      const replayed = [x, y].filter((z) => z.headers['idempotent-replayed'] === 'true');
      const fresh = [x, y].find((z) => z.headers['idempotent-replayed'] !== 'true');
      expect({
        effects: (await eventCount()) - mid,
        replayed: replayed.length,
        freshStatus: fresh?.status,
        sameResponse: withoutSecret || (x.status === y.status && x.body === y.body),
      }).toEqual({ effects: 1, replayed: 1, freshStatus: f.ok, sameResponse: true });
    });
  }
});
