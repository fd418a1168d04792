/** The guards engine on the server: automatic rollback and pause from ingested windows, exactly once, with no client connected. */
import { afterEach, describe, expect, it } from 'vitest';
import { shuffled } from '@core/rollout/test-support';
import { harness, type Harness } from '../test/harness';
import { act, createRollout, createRolloutNamespace, eventsOf, ingestWindows, MIN, RID, windows } from '../test/rollouts';

let h: Harness;
afterEach(async () => h.close());

const CRITICAL_ONLY = [
  { id: 'critical-error-rate', label: 'V2 error rate above 5% for 5 consecutive minutes', severity: 'critical', metric: 'error_rate', comparison: { kind: 'absolute', op: '>', value: 0.05 }, forMinutes: 5, action: 'rollback' },
];
const WARNING_ONLY = [
  { id: 'warning-error-rate', label: 'V2 error rate above 2% for 3 minutes', severity: 'warning', metric: 'error_rate', comparison: { kind: 'absolute', op: '>', value: 0.02 }, forMinutes: 3, action: 'pause' },
];

/** A rollout at canary 1% (promoted by an admin override) whose stage began at the harness clock. */
async function atCanary(guards?: unknown[], options: { guardsIntervalMs?: number } = {}) {
  h = await harness({}, options);
  await createRolloutNamespace(h);
  await createRollout(h, guards ? { guards } : {});
  expect((await act(h, 'promote', { reason: 'canary', override: true }, 1)).status).toBe(200);
  return h.now().getTime();
}

const rollout = async () => (await h.call('GET', `/api/v1/rollouts/${RID}`)).json as { revision: number; state: { status: string; share: number }; breaches: { outcome: string }[] };

describe('automatic rollback', () => {
  it('5 minutes of V2 errors above 5% roll back by themselves, once, recorded with the trigger and the numbers', async () => {
    const t0 = await atCanary();
    h.advance(10 * MIN);
    const bad = windows(t0 + MIN, 6, { errors: 20 });
    const r = await ingestWindows(h, bad);
    expect(r.status).toBe(200);
    expect(r.json.guards).toEqual([
      { breachId: expect.stringMatching(/^warning-error-rate@/), ruleId: 'warning-error-rate', outcome: 'paused', eventId: expect.any(Number) },
      { breachId: `critical-error-rate@${new Date(t0 + MIN).toISOString()}`, ruleId: 'critical-error-rate', outcome: 'rolled_back', eventId: expect.any(Number) },
    ]);
    const now = await rollout();
    expect(now.state).toMatchObject({ status: 'rolled_back', share: 0 });
    const [rb] = await eventsOf(h, 'rollout.rollback');
    expect(rb).toMatchObject({ actor: 'switchyard-guards', details: { automatic: true, trigger: { ruleId: 'critical-error-rate', severity: 'critical' } } });
    expect(rb?.reason).toMatch(/^Automatic rollback: V2 error rate above 5% for \d+ consecutive minutes \(peak 10%\)$/);
    const numbers = rb?.details.numbers as { threshold: number; peak: number; minutes: { at: string; value: number }[] };
    expect(numbers.threshold).toBe(0.05);
    expect(numbers.minutes).toHaveLength(5);
    expect(numbers.minutes[0]).toMatchObject({ at: new Date(t0 + MIN).toISOString(), value: 0.1 });
    const [pause] = await eventsOf(h, 'rollout.pause');
    expect(pause).toMatchObject({ actor: 'switchyard-guards', details: { automatic: true, trigger: { ruleId: 'warning-error-rate' } } });

    // The same windows again, and the timer: nothing more.
    const again = await ingestWindows(h, bad);
    expect(again.json.guards).toEqual([]);
    expect(await h.services.guards.tick()).toEqual([]);
    expect(await eventsOf(h, 'rollout.rollback')).toHaveLength(1);
    const versions = (await h.call('GET', '/api/v1/namespaces/validation/versions')).json.items as { kind: string; author: string }[];
    expect(versions[0]).toMatchObject({ kind: 'rollout_step', author: 'switchyard-guards' });
  });

  it('out-of-order and repeated windows, in pieces, fire exactly once', async () => {
    const t0 = await atCanary(CRITICAL_ONLY);
    h.advance(12 * MIN);
    const all = shuffled([...windows(t0 + MIN, 8, { errors: 30 }), ...windows(t0 + MIN, 8, { errors: 30 }).slice(3, 9)], 7);
    const pieces = [all.slice(0, 5), all.slice(5, 11), all.slice(11), all.slice(2, 9), all];
    const fired: unknown[] = [];
    for (const piece of pieces) {
      // a batch may not repeat a (variant, start) itself
      const unique = [...new Map(piece.map((w) => [`${w.variant}:${w.start}`, w])).values()];
      const r = await ingestWindows(h, unique);
      expect(r.status).toBe(200);
      fired.push(...(r.json.guards as unknown[]));
    }
    await Promise.all([h.services.guards.tick(), h.services.guards.tick(), h.services.guards.evaluate(RID)]);
    expect(fired).toHaveLength(1);
    expect(await eventsOf(h, 'rollout.rollback')).toHaveLength(1);
    expect((await rollout()).breaches).toHaveLength(1);
  });

  it('the timer acts on windows that became due, with no client and no new ingest', async () => {
    const t0 = await atCanary(CRITICAL_ONLY);
    h.advance(2 * MIN);
    // Windows up to 5 minutes ahead of the server clock are accepted (reporter clock skew), judged when due.
    const r = await ingestWindows(h, windows(t0 + MIN, 6, { errors: 40 }));
    expect([r.status, r.json.guards]).toEqual([200, []]);
    expect((await rollout()).state.status).toBe('active');
    h.advance(6 * MIN);
    const outcomes = await h.services.guards.tick();
    expect(outcomes.map((o) => [o.ruleId, o.outcome])).toEqual([['critical-error-rate', 'rolled_back']]);
    expect(await h.services.guards.tick()).toEqual([]);
    expect(await eventsOf(h, 'rollout.rollback')).toHaveLength(1);
  });

  it('the real timer (started with the app, stopped on close) rolls back on its own', async () => {
    const t0 = await atCanary(CRITICAL_ONLY, { guardsIntervalMs: 20 });
    h.advance(2 * MIN);
    await ingestWindows(h, windows(t0 + MIN, 6, { errors: 40 }));
    h.advance(6 * MIN);
    for (let i = 0; i < 100 && (await rollout()).state.status !== 'rolled_back'; i++) await new Promise((res) => setTimeout(res, 10));
    expect((await rollout()).state.status).toBe('rolled_back');
    expect(await eventsOf(h, 'rollout.rollback')).toHaveLength(1);
  });

  it('windows before the stage began do not count; a breach that ended long ago is noted, not acted on', async () => {
    const t0 = await atCanary(CRITICAL_ONLY);
    // Before the stage began: ignored.
    let r = await ingestWindows(h, windows(t0 - 10 * MIN, 8, { errors: 50 }));
    expect(r.json.guards).toEqual([]);
    h.advance(60 * MIN);
    r = await ingestWindows(h, [...windows(t0 + MIN, 6, { errors: 50 }), ...windows(t0 + 7 * MIN, 5)]);
    expect(r.json.guards).toEqual([expect.objectContaining({ ruleId: 'critical-error-rate', outcome: 'noted', eventId: null })]);
    expect((await rollout()).state.status).toBe('active');
    expect(await eventsOf(h, 'rollout.rollback')).toHaveLength(0);
  });
});

describe('warning guards', () => {
  it('pause promotion (once), and a later breach while paused is only noted', async () => {
    const t0 = await atCanary(WARNING_ONLY);
    h.advance(10 * MIN);
    const r = await ingestWindows(h, windows(t0 + MIN, 4, { errors: 8 }));
    expect(r.json.guards).toEqual([expect.objectContaining({ ruleId: 'warning-error-rate', outcome: 'paused' })]);
    const paused = await rollout();
    expect(paused.state.status).toBe('paused');
    const promote = await act(h, 'promote', { reason: 'x', override: true }, paused.revision);
    expect(promote.json.error?.details?.refusal).toBe('paused');
    // healthy, then a second run of errors: a new breach, noted (already paused), no new event
    const second = await ingestWindows(h, [...windows(t0 + 5 * MIN, 1), ...windows(t0 + 6 * MIN, 3, { errors: 9 })]);
    expect(second.json.guards).toEqual([expect.objectContaining({ outcome: 'noted', eventId: null })]);
    expect(await eventsOf(h, 'rollout.pause')).toHaveLength(1);
    expect((await rollout()).revision).toBe(paused.revision);
  });
});
