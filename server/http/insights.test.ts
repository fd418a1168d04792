/**
 * /api/v1/insights/* and /api/v1/timeline over a scripted history with known answers:
 *
 * checkout (day 1, 2026-03-01): 13:00 load v2, 13:20 rollback (v2 failed: 20 min to safe rollback),
 * 15:00 restore v2 as v3 (a rollback of a rollback: a new change), 16:00 patch v4, 16:10 kill
 * switch on (v4 failed: 10 min), 16:30 rollback discarding v4 (the same failure), 16:40 kill
 * switch off; day 2 10:00 load v5 (fine).
 * validation (day 2): 12:00 rollout promoted to canary, 12:01-12:05 five parity mismatches (a
 * spike, detected at 12:05), V2 errors from 12:01, the guards pause and roll back at 12:10.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InsightEvents, InsightsSummary, RollbackSeries, TimelineResponse } from '@contract/insights';
import { NamespaceSummarySchema } from '@contract/schemas';
import { createNamespace, harness, mutate, snapshot, type Harness } from '../test/harness';
import { act, createRollout, createRolloutNamespace, ingestWindows, MIN, RID, windows } from '../test/rollouts';

const HOUR = 60 * MIN;
let h: Harness;
let rolloutAt = 0;
let rollbackAt = 0;
let firstBreachAt = 0;

const at = (iso: string) => {
  const target = Date.parse(iso);
  h.advance(target - h.now().getTime());
};

/** Arranging data: a refusal stops the suite with the server's answer. */
const ok = async (r: Promise<{ status: number; body: string }>) => {
  const reply = await r;
  if (reply.status !== 200) throw new Error(reply.body);
};

beforeAll(async () => {
  h = await harness();
  await createNamespace(h);
  at('2026-03-01T13:00:00Z');
  await ok(mutate(h, 'load', { snapshot: snapshot(10), reason: 'ramp to 10' }, '*'));
  at('2026-03-01T13:20:00Z');
  await ok(mutate(h, 'rollback', { steps: 1, reason: 'errors after v2' }, '*'));
  at('2026-03-01T15:00:00Z');
  await ok(mutate(h, 'restore', { version: 2, reason: 'fixed downstream, re-apply v2' }, '*'));
  at('2026-03-01T16:00:00Z');
  await ok(mutate(h, 'patch', { patch: { flags: [{ key: 'feature::checkout::darkMode', defaultValue: { type: 'BOOLEAN', value: true } }] }, reason: 'dark by default' }, '*'));
  at('2026-03-01T16:10:00Z');
  await ok(mutate(h, 'kill-switch', { enabled: true, reason: 'checkout broken' }, '*'));
  at('2026-03-01T16:30:00Z');
  await ok(mutate(h, 'rollback', { steps: 1, reason: 'undo the patch' }, '*'));
  at('2026-03-01T16:40:00Z');
  await ok(mutate(h, 'kill-switch', { enabled: false, reason: 'safe again' }, '*'));
  at('2026-03-02T10:00:00Z');
  await ok(mutate(h, 'load', { snapshot: snapshot(30), reason: 'ramp to 30' }, '*'));

  at('2026-03-02T12:00:00Z');
  await createRolloutNamespace(h);
  await createRollout(h);
  await ok(act(h, 'promote', { reason: 'canary', override: true }, '*'));
  rolloutAt = h.now().getTime();
  h.advance(10 * MIN);
  for (let i = 1; i <= 5; i++) {
    const body = {
      subject: `conv-${i}`,
      comparedAt: new Date(rolloutAt + i * MIN).toISOString(),
      v1Outputs: [{ type: 'out', subject: `conv-${i}`, data: { n: 1 } }],
      v2Outputs: [{ type: 'out', subject: `conv-${i}`, data: { n: 2 } }],
    };
    await ok(h.call('POST', `/api/v1/rollouts/${RID}/ingest/parity`, { body }));
  }
  await ok(ingestWindows(h, windows(rolloutAt + MIN, 6, { errors: 20 })));
  rollbackAt = h.now().getTime();
  const detail = (await h.call('GET', `/api/v1/rollouts/${RID}`)).json as { state: { status: string }; breaches: { firedAt: string }[] };
  if (detail.state.status !== 'rolled_back') throw new Error(`the guards did not roll back: ${detail.state.status}`);
  firstBreachAt = Math.min(...detail.breaches.map((b) => Date.parse(b.firedAt)));
}, 60_000);
afterAll(async () => h.close());

const get = (url: string, token?: string | null) => h.call('GET', url, token === undefined ? {} : { token });
const PERIOD = 'from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z';

describe('GET /api/v1/insights/summary', () => {
  it('counts changes, failures, rollbacks and time to safe rollback per namespace, riskiest first', async () => {
    const r = await get(`/api/v1/insights/summary?${PERIOD}&tz=Europe/Berlin`);
    expect(r.status).toBe(200);
    const s = InsightsSummary.parse(r.json);
    expect([s.from, s.to, s.previousFrom, s.tz, s.failureWindowMs]).toEqual([
      Date.parse('2026-03-01T00:00:00Z'),
      Date.parse('2026-03-03T00:00:00Z'),
      Date.parse('2026-02-27T00:00:00Z'),
      'Europe/Berlin',
      24 * HOUR,
    ]);
    expect(s.changeActions).toEqual(['snapshot.load', 'snapshot.patch', 'snapshot.restore', 'rollout.promote']);
    expect(s.namespaces.map((n) => n.namespace)).toEqual(['validation', 'checkout']);
    const checkout = s.namespaces.find((n) => n.namespace === 'checkout');
    expect(checkout?.current).toEqual({
      changes: 4,
      loads: 2,
      patches: 1,
      restores: 1,
      promotions: 0,
      failures: 2,
      changeFailureRate: 0.5,
      rollbacks: 2,
      manualRollbacks: 2,
      automaticRollbacks: 0,
      killSwitchEpisodes: 1,
      recoveries: 2,
      timeToSafeRollbackMeanMs: 15 * MIN,
      timeToSafeRollbackP90Ms: 20 * MIN,
    });
    expect(checkout?.previous).toMatchObject({ changes: 0, changeFailureRate: null, timeToSafeRollbackMeanMs: null });
    expect(checkout?.risk).toEqual({ score: 3, level: 'medium', automaticRollbacks7d: 0 });

    const validation = s.namespaces.find((n) => n.namespace === 'validation');
    const expected = rollbackAt - Math.min(firstBreachAt, rolloutAt + 5 * MIN);
    expect(validation?.current).toMatchObject({ changes: 1, promotions: 1, failures: 1, changeFailureRate: 1, rollbacks: 1, automaticRollbacks: 1, recoveries: 1, timeToSafeRollbackMeanMs: expected });
    expect(validation?.risk).toEqual({ score: 3, level: 'medium', automaticRollbacks7d: 1 });
    expect(s.totals.current).toMatchObject({ changes: 5, failures: 3, rollbacks: 3, killSwitchEpisodes: 1 });
  });

  it('a shorter failure window fails fewer changes; the previous period is the one just before', async () => {
    const narrow = InsightsSummary.parse((await get(`/api/v1/insights/summary?${PERIOD}&failureWindow=15m`)).json);
    // v2 was rolled back after 20 minutes: outside a 15-minute window. The kill switch came 10 minutes after v4.
    expect(narrow.namespaces.find((n) => n.namespace === 'checkout')?.current).toMatchObject({ failures: 1, changeFailureRate: 0.25, recoveries: 1, timeToSafeRollbackMeanMs: 10 * MIN });
    const later = InsightsSummary.parse((await get('/api/v1/insights/summary?from=2026-03-03T00:00:00Z&to=2026-03-05T00:00:00Z')).json);
    const checkout = later.namespaces.find((n) => n.namespace === 'checkout');
    expect([checkout?.current.changes, checkout?.previous.changes, checkout?.previous.changeFailureRate]).toEqual([0, 4, 0.5]);
  });
});

describe('GET /api/v1/insights/rollbacks', () => {
  it('every day bucket is present, in the time zone asked for, stacked manual/automatic with triggers', async () => {
    const utc = RollbackSeries.parse((await get(`/api/v1/insights/rollbacks?${PERIOD}&bucket=day`)).json);
    expect(utc.buckets.map((b) => new Date(b.start).toISOString())).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z']);
    const checkout = utc.namespaces.find((n) => n.namespace === 'checkout');
    expect(checkout?.points.map((p) => [p.changes, p.failures, p.manual, p.automatic, p.killSwitchEpisodes])).toEqual([
      [3, 2, 2, 0, 1],
      [1, 0, 0, 0, 0],
    ]);
    const validation = utc.namespaces.find((n) => n.namespace === 'validation');
    expect(validation?.points[1]).toMatchObject({ promotions: 1, automatic: 1, byTrigger: { 'critical-error-rate': 1 } });
    expect(utc.triggers).toEqual([
      { id: 'manual', label: 'Manual', automatic: false, count: 2 },
      { id: 'critical-error-rate', label: 'V2 error rate above 5% for 5 consecutive minutes', automatic: true, count: 1 },
    ]);

    const ny = RollbackSeries.parse((await get(`/api/v1/insights/rollbacks?${PERIOD}&bucket=day&tz=America/New_York`)).json);
    expect(ny.buckets.map((b) => new Date(b.start).toISOString())).toEqual(['2026-02-28T05:00:00.000Z', '2026-03-01T05:00:00.000Z', '2026-03-02T05:00:00.000Z']);
    expect(ny.namespaces.find((n) => n.namespace === 'checkout')?.points.map((p) => p.changes)).toEqual([0, 3, 1]);
  });

  it('filters by trigger and namespace; hour buckets', async () => {
    const manual = RollbackSeries.parse((await get(`/api/v1/insights/rollbacks?${PERIOD}&trigger=manual`)).json);
    expect(manual.namespaces.map((n) => [n.namespace, n.totals.rollbacks, n.totals.changes])).toEqual([
      ['checkout', 2, 4],
      ['validation', 0, 1],
    ]);
    const auto = RollbackSeries.parse((await get(`/api/v1/insights/rollbacks?${PERIOD}&trigger=automatic&namespace=validation`)).json);
    expect(auto.namespaces.map((n) => [n.namespace, n.totals.rollbacks])).toEqual([['validation', 1]]);
    const hours = RollbackSeries.parse((await get('/api/v1/insights/rollbacks?from=2026-03-01T12:00:00Z&to=2026-03-01T18:00:00Z&bucket=hour')).json);
    expect(hours.buckets).toHaveLength(6);
    expect(hours.namespaces.find((n) => n.namespace === 'checkout')?.points.map((p) => [p.rollbacks, p.killSwitchEpisodes])).toEqual([
      [0, 0],
      [1, 0],
      [0, 0],
      [0, 0],
      [1, 1],
      [0, 0],
    ]);
  });
});

describe('GET /api/v1/insights/events', () => {
  it('returns the audit events behind a number, newest first, with what they relate to', async () => {
    const failures = InsightEvents.parse((await get(`/api/v1/insights/events?namespace=checkout&metric=failures&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z`)).json);
    expect(failures.total).toBe(2);
    expect(failures.items.map((i) => [i.event.action, i.event.toVersion, i.related.map((e) => e.action)])).toEqual([
      ['snapshot.patch', 4, ['killswitch.enable', 'snapshot.rollback']],
      ['snapshot.load', 2, ['snapshot.rollback']],
    ]);
    const recoveries = InsightEvents.parse((await get(`/api/v1/insights/events?metric=recoveries&${PERIOD}`)).json);
    expect(recoveries.items.map((i) => [i.event.namespace, i.event.action, i.detection?.kind ?? null, i.durationMs])).toEqual([
      ['validation', 'rollout.rollback', firstBreachAt < rolloutAt + 5 * MIN ? 'guard_breach' : 'parity_spike', rollbackAt - Math.min(firstBreachAt, rolloutAt + 5 * MIN)],
      ['checkout', 'killswitch.enable', null, 10 * MIN],
      ['checkout', 'snapshot.rollback', null, 20 * MIN],
    ]);
    const auto = InsightEvents.parse((await get(`/api/v1/insights/events?metric=rollbacks_automatic&${PERIOD}`)).json);
    expect(auto.items.map((i) => [i.event.actor, i.related.map((e) => e.action)])).toEqual([['switchyard-guards', ['rollout.promote']]]);
    const ks = InsightEvents.parse((await get(`/api/v1/insights/events?namespace=checkout&metric=kill_switch&${PERIOD}&limit=1`)).json);
    expect(ks.items[0]?.related.map((e) => e.action)).toEqual(['snapshot.patch', 'killswitch.disable']);
  });
});

describe('GET /api/v1/timeline', () => {
  it('puts every kind on one axis, oldest first, each with a link', async () => {
    const t = TimelineResponse.parse((await get(`/api/v1/timeline?${PERIOD}`)).json);
    expect(t.truncated).toBe(false);
    const kinds = t.items.map((i) => i.kind);
    for (const k of ['snapshot_load', 'snapshot_rollback', 'snapshot_restore', 'snapshot_patch', 'kill_switch_on', 'kill_switch_off', 'stage_change', 'rollout_pause', 'rollout_rollback', 'guard_breach', 'parity_spike']) {
      expect(kinds).toContain(k);
    }
    expect(t.items.map((i) => i.t)).toEqual([...t.items.map((i) => i.t)].sort((a, b) => a - b));
    const rollback = t.items.find((i) => i.kind === 'snapshot_rollback');
    expect(rollback).toMatchObject({ label: 'v2 rolled back to v1', reason: 'errors after v2', namespace: 'checkout', link: { type: 'diff', namespace: 'checkout', from: 2, to: 1 } });
    expect(t.items.find((i) => i.kind === 'parity_spike')).toMatchObject({ t: rolloutAt + 5 * MIN, rolloutId: RID, label: 'Parity mismatch spike: 5 mismatches', link: { type: 'parity', rolloutId: RID } });
    expect(t.items.find((i) => i.kind === 'guard_breach')?.link).toEqual({ type: 'rollout', rolloutId: RID });
    expect(t.items.find((i) => i.kind === 'kill_switch_on')?.link).toEqual({ type: 'namespace', namespace: 'checkout' });
  });

  it('filters by kind, namespace and rollout, and keeps the newest when over the limit', async () => {
    const detections = TimelineResponse.parse((await get(`/api/v1/timeline?${PERIOD}&kinds=guard_breach,parity_spike`)).json);
    expect(new Set(detections.items.map((i) => i.kind))).toEqual(new Set(['guard_breach', 'parity_spike']));
    const checkout = TimelineResponse.parse((await get(`/api/v1/timeline?${PERIOD}&namespace=checkout`)).json);
    expect(checkout.items.every((i) => i.namespace === 'checkout')).toBe(true);
    expect(checkout.items).toHaveLength(8);
    const rollout = TimelineResponse.parse((await get(`/api/v1/timeline?${PERIOD}&rollout=${RID}`)).json);
    expect(rollout.items.every((i) => i.namespace === 'validation')).toBe(true);
    const limited = TimelineResponse.parse((await get(`/api/v1/timeline?${PERIOD}&namespace=checkout&limit=3`)).json);
    expect([limited.truncated, limited.items.map((i) => i.kind)]).toEqual([true, ['snapshot_rollback', 'kill_switch_off', 'snapshot_load']]);
  });
});

describe('the rollout charts', () => {
  it("mark the same events as the rollout's timeline, parity spikes included", async () => {
    const range = 'from=2026-03-02T11:00:00Z&to=2026-03-02T13:00:00Z';
    const markers = (await get(`/api/v1/rollouts/${RID}/metrics?${range}`)).json.markers as { kind: string; t: number; label: string }[];
    const timeline = TimelineResponse.parse((await get(`/api/v1/timeline?${range}&rollout=${RID}`)).json);
    expect(markers.map((m) => `${m.kind}@${m.t}`).sort()).toEqual(timeline.items.map((i) => `${i.kind}@${i.t}`).sort());
    expect(markers).toContainEqual(expect.objectContaining({ kind: 'parity_spike', t: rolloutAt + 5 * MIN, label: 'Parity mismatch spike: 5 mismatches' }));
  });
});

describe('the namespace summaries', () => {
  it('carry the 7-day change failure rate beside the rollback count, and so do the rollouts bound to them', async () => {
    const items = (await get('/api/v1/namespaces')).json.items as unknown[];
    const byName = Object.fromEntries(items.map((i) => NamespaceSummarySchema.parse(i)).map((n) => [n.name, n]));
    expect(byName.checkout).toMatchObject({ rollbacks7d: 2, changes7d: 4, changeFailureRate7d: 0.5 });
    expect(byName.validation).toMatchObject({ rollbacks7d: 1, changes7d: 1, changeFailureRate7d: 1 });
    const rollouts = (await get('/api/v1/rollouts')).json.items as { id: string; namespaceRecent: unknown }[];
    expect(rollouts.find((r) => r.id === RID)?.namespaceRecent).toEqual({ rollbacks7d: 1, changes7d: 1, changeFailureRate7d: 1 });
  });
});

describe('bad requests and access', () => {
  it('400 with the query parameter as path', async () => {
    for (const [url, path] of [
      ['/api/v1/insights/summary?from=yesterday', '/from'],
      ['/api/v1/insights/summary?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', '/from'],
      ['/api/v1/insights/summary?from=2024-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', '/from'],
      ['/api/v1/insights/summary?tz=Mars/Olympus_Mons', '/tz'],
      ['/api/v1/insights/summary?failureWindow=2y', '/failureWindow'],
      ['/api/v1/insights/summary?failureWindow=31d', '/failureWindow'],
      ['/api/v1/insights/rollbacks?bucket=minute', '/bucket'],
      ['/api/v1/insights/rollbacks?bucket=hour&from=2025-03-01T00:00:00Z&to=2026-03-01T00:00:00Z', '/bucket'],
      ['/api/v1/insights/rollbacks?trigger=<script>', '/trigger'],
      ['/api/v1/insights/rollbacks?namespace=../etc', '/namespace'],
      [`/api/v1/insights/events?${PERIOD}`, '/metric'],
      ['/api/v1/insights/events?metric=failures&from=2026-03-01T00:00:00Z', '/to'],
      [`/api/v1/insights/events?metric=everything&${PERIOD}`, '/metric'],
      [`/api/v1/insights/events?metric=failures&${PERIOD}&limit=0`, '/limit'],
      ['/api/v1/timeline?kinds=snapshot_load,nope', '/kinds/1'],
      ['/api/v1/timeline?rollout=Not_A_Rollout', '/rollout'],
      ['/api/v1/timeline?limit=100000', '/limit'],
    ] as const) {
      const r = await get(url);
      expect([url, r.status, r.json.error?.path]).toEqual([url, 400, path]);
    }
  });

  it('404 for a namespace or rollout that does not exist', async () => {
    expect((await get('/api/v1/insights/rollbacks?namespace=nope')).status).toBe(404);
    expect((await get(`/api/v1/insights/events?namespace=nope&metric=failures&${PERIOD}`)).status).toBe(404);
    expect((await get('/api/v1/timeline?rollout=nope')).status).toBe(404);
  });

  it('viewers may read; no token is 401; a reporter is 403', async () => {
    const viewer = await h.token('viewer');
    const reporter = await h.token('reporter');
    for (const url of ['/api/v1/insights/summary', '/api/v1/insights/rollbacks', `/api/v1/insights/events?metric=changes&${PERIOD}`, '/api/v1/timeline']) {
      expect([url, (await get(url, viewer)).status, (await get(url, null)).status, (await get(url, reporter)).status]).toEqual([url, 200, 401, 403]);
    }
  });
});
