/**
 * S9: automatic rollback fires exactly once per breach, also when a reporter's ingests of the
 * breaching windows arrive ten at a time in parallel, interleaved with the guards timer, and again
 * exactly once for a new breach after the rollout was resumed and promoted again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../test/harness';
import { act, createRollout, createRolloutNamespace, eventsOf, ingestWindows, MIN, RID, windows } from '../test/rollouts';

let h: Harness;
let reporter: string;
beforeEach(async () => {
  h = await harness();
  await createRolloutNamespace(h);
  await createRollout(h, {
    guards: [
      { id: 'critical-error-rate', label: 'V2 error rate above 5% for 5 consecutive minutes', severity: 'critical', metric: 'error_rate', comparison: { kind: 'absolute', op: '>', value: 0.05 }, forMinutes: 5, action: 'rollback' },
    ],
  });
  reporter = await h.token('reporter');
});
afterEach(async () => h.close());

const revision = async () => (await h.call('GET', `/api/v1/rollouts/${RID}`)).json.revision as number;
const status = async () => ((await h.call('GET', `/api/v1/rollouts/${RID}`)).json.state as { status: string }).status;

async function promoteToCanary(): Promise<number> {
  const r = await act(h, 'promote', { reason: 'to canary', override: true }, await revision());
  expect(r.status).toBe(200);
  return h.now().getTime();
}

/** Ten parallel ingests of the same breaching windows (some in pieces, some whole), with timer ticks among them. */
async function storm(t0: number): Promise<unknown[]> {
  const bad = windows(t0 + MIN, 7, { errors: 40 });
  const batches = Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? bad : bad.slice(i % 4, (i % 4) + 8)));
  const replies = await Promise.all([
    ...batches.map((b) => ingestWindows(h, b, reporter)),
    h.services.guards.tick(),
    h.services.guards.tick(),
  ]);
  const ingests = replies.slice(0, 10) as Awaited<ReturnType<typeof ingestWindows>>[];
  expect(ingests.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
  const ticks = replies.slice(10) as unknown[][];
  return [...ingests.flatMap((r) => r.json.guards as unknown[]), ...ticks.flat()];
}

describe('S9: automatic rollback, exactly once per breach', () => {
  it('ten parallel ingests of the breaching windows and two timer ticks: one rollback event, one breach', async () => {
    const t0 = await promoteToCanary();
    h.advance(10 * MIN);
    const fired = await storm(t0);
    expect(fired.filter((g) => (g as { outcome: string }).outcome === 'rolled_back')).toHaveLength(1);
    expect(await eventsOf(h, 'rollout.rollback')).toHaveLength(1);
    expect(await status()).toBe('rolled_back');
    // Repeats after the fact change nothing.
    await storm(t0);
    expect(await eventsOf(h, 'rollout.rollback')).toHaveLength(1);
  });

  it('a new breach after resume and promotion rolls back once more: once per breach, not once ever', async () => {
    const t0 = await promoteToCanary();
    h.advance(10 * MIN);
    await storm(t0);
    expect(await eventsOf(h, 'rollout.rollback')).toHaveLength(1);

    expect((await act(h, 'resume', { reason: 'fixed' }, await revision())).status).toBe(200);
    h.advance(MIN);
    const t1 = await promoteToCanary();
    h.advance(10 * MIN);
    const fired = await storm(t1);
    expect(fired.filter((g) => (g as { outcome: string }).outcome === 'rolled_back')).toHaveLength(1);
    const rollbacks = await eventsOf(h, 'rollout.rollback');
    expect(rollbacks).toHaveLength(2);
    expect(rollbacks.map((e) => e.actor)).toEqual(['switchyard-guards', 'switchyard-guards']);
  });
});
