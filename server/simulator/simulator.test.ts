/** The traffic simulator against the real server over HTTP: windows, reports and parity through the public ingest API; its regressions trip the guards. */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GateResponse, MetricsResponse, ParityPatternsResponse } from '@contract/rollouts';
import { harness, type Harness } from '../test/harness';
import { act, createRollout, createRolloutNamespace, FLAG_KEY, MIN, RID, RNS } from '../test/rollouts';
import { validationProfile } from './profiles';
import { TrafficSimulator } from './simulator';

let h: Harness;
let base: string;
beforeEach(async () => {
  h = await harness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  await createRolloutNamespace(h);
  await createRollout(h);
  const promoted = await act(h, 'promote', { reason: 'canary', override: true }, 1);
  if (promoted.status !== 200) throw new Error(`promotion failed: ${promoted.body}`);
});
afterEach(async () => h.close());

async function simulator(regressions: boolean) {
  return new TrafficSimulator({
    baseUrl: base,
    token: await h.token('reporter', 'sim'),
    rollouts: [{ profile: { ...validationProfile, rolloutId: RID }, namespace: RNS, policyKey: `${FLAG_KEY}Rollout`, from: h.now().getTime() }],
    clock: h.now,
    speed: 1,
    regressions,
    reportEvery: 5,
  });
}

describe('traffic simulator', () => {
  it('catches up within its budget, then follows the clock; V2 gets the share the snapshot says', async () => {
    const sim = await simulator(false);
    h.advance(30 * MIN);
    expect(await sim.step(10)).toBe(10);
    expect(await sim.step(100)).toBe(20);
    expect(await sim.step(100)).toBe(0);
    h.advance(MIN);
    expect(await sim.step(0)).toBe(1);
    const t0 = h.now().getTime() - 31 * MIN;
    const m = MetricsResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/metrics?from=${new Date(t0).toISOString()}&points=2000`)).json);
    const v1 = m.v1.reduce((n, b) => n + (b.requests ?? 0), 0);
    const v2 = m.v2.reduce((n, b) => n + (b.requests ?? 0), 0);
    expect(v2 / (v1 + v2)).toBeCloseTo(0.01, 2);
    const gate = GateResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/gate`)).json);
    expect(gate.gate?.metrics.enqueueRuntime).toBeGreaterThan(100);
    expect(gate.recent.length).toBe(6);
    const patterns = ParityPatternsResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/patterns`)).json);
    expect(patterns.totals.reports).toBeGreaterThan(0);
  });

  it("a regression makes the guards act within minutes of simulated time, with no client connected", async () => {
    const sim = await simulator(true);
    // Live: a minute at a time. The first regression of the first rollout (V2 errors at 8%) starts 9 minutes in.
    for (let i = 0; i < 20; i++) {
      h.advance(MIN);
      await sim.step(0);
    }
    const events = (await h.call('GET', '/api/v1/events?actor=switchyard-guards')).json.items as { action: string; at: string; details: { trigger: { ruleId: string } } }[];
    expect(events.map((e) => [e.action, e.details.trigger.ruleId]).reverse()).toEqual([
      ['rollout.pause', 'warning-error-rate'],
      ['rollout.rollback', 'critical-error-rate'],
    ]);
    // Within minutes of the regression's start (9 minutes after the simulator started).
    expect(Date.parse(events[0]!.at) - (h.now().getTime() - 20 * MIN)).toBeLessThanOrEqual(16 * MIN);
  });
});
