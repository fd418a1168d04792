/** Rollouts: creation, stage control through snapshot versions, preconditions, idempotency, settings, counters reset. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@contract/routes';
import { RolloutDetailSchema, RolloutMutationResponse } from '@contract/rollouts';
import { VersionPage } from '@contract/schemas';
import { dumpDb, harness, type Harness } from '../test/harness';
import { acceptTwice, act, createRollout, createRolloutNamespace, FLAG, FLAG_KEY, RID, RNS } from '../test/rollouts';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createRolloutNamespace(h);
});
afterEach(async () => h.close());

const rollout = async () => RolloutDetailSchema.parse((await h.call('GET', `/api/v1/rollouts/${RID}`)).json);

/** The app endpoint's view: the rollout rule's rampUp and the policy flag's value. */
async function served() {
  const r = await h.call('GET', `/v1/namespaces/${RNS}`, { token: null });
  const flags = JSON.parse(r.body).flags as { key: string; defaultValue: { value: Record<string, unknown> }; rules: { ruleId?: string; rampUp: number }[] }[];
  const bound = flags.find((f) => f.key === FLAG_KEY);
  const policy = flags.find((f) => f.key === `${FLAG_KEY}Rollout`);
  return { version: r.headers['x-switchyard-version'], share: bound?.rules.find((x) => x.ruleId === `switchyard-rollout:${RID}`)?.rampUp, policy: policy?.defaultValue.value };
}

describe('creating a rollout', () => {
  it('binds the flag: declares the policy flag and writes a rollout_step version at shadow 0%', async () => {
    const r = await createRollout(h);
    expect(r.headers.etag).toBe('"1"');
    const body = RolloutMutationResponse.parse(r.json);
    expect(body.rollout).toMatchObject({ id: RID, namespace: RNS, flagKey: FLAG_KEY, revision: 1, state: { stepIndex: 0, stage: 'shadow', share: 0, mode: 'shadow', status: 'active' } });
    expect(body.rollout.live).toMatchObject({ activeVersion: 2, ruleShare: 0, inSync: true });
    expect(body.version).toMatchObject({ version: 2, kind: 'rollout_step', author: 'bootstrap-admin', reason: 'start the V2 rollout' });
    expect(body.event).toMatchObject({ action: 'rollout.create', namespace: RNS, fromVersion: 1, toVersion: 2 });
    expect(await served()).toMatchObject({ version: '2', share: 0, policy: { rolloutId: RID, mode: 'shadow', stage: 'shadow', share: 0 } });
    const ns = (await h.call('GET', `/api/v1/namespaces/${RNS}`)).json as { features: { key: string; type: string }[] };
    expect(ns.features.map((f) => f.key)).toContain(`${FLAG_KEY}Rollout`);
    const list = routes.listRollouts.response.parse((await h.call('GET', '/api/v1/rollouts')).json);
    expect(list.items.map((x) => x.id)).toEqual([RID]);
    expect((await h.call('GET', `/api/v1/rollouts?namespace=other`)).json.items).toEqual([]);
  });

  it('derives an id from namespace and flag when none is given', async () => {
    const r = await h.call('POST', '/api/v1/rollouts', { body: { namespace: RNS, flag: FLAG_KEY, v1Value: 'V1', v2Value: 'V2', reason: 'x' } });
    expect(r.status).toBe(201);
    expect((r.json.rollout as { id: string }).id).toBe('validation-orchestrator-version');
  });

  it('refuses what cannot be rolled out, with the field, and changes nothing', async () => {
    const before = await dumpDb(h);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ flag: 'nope' }, 422, '/flag'],
      [{ flag: 'strictMode', v1Value: false, v2Value: true, id: 'x' }, 201, ''],
      [{ v2Value: 'V3' }, 400, '/v2Value'],
      [{ v1Value: 'V2', v2Value: 'V1' }, 400, '/v1Value'],
      [{ v2Value: 'V1' }, 400, '/v2Value'],
      [{ v1Value: true }, 400, '/v1Value'],
      [{ steps: [{ stage: 'canary', share: 1 }, { stage: 'full', share: 100 }] }, 400, '/steps/0/stage'],
      [{ namespace: 'missing' }, 404, ''],
      [{ reason: '' }, 400, '/reason'],
    ];
    const types: unknown[] = [];
    for (const [extra, status, path] of cases) {
      const r = await h.call('POST', '/api/v1/rollouts', { body: { id: RID, namespace: RNS, flag: FLAG, v1Value: 'V1', v2Value: 'V2', reason: 'x', ...extra } });
      expect([JSON.stringify(extra), r.status, r.json.error?.path ?? '']).toEqual([JSON.stringify(extra), status, path]);
      types.push((r.json.rollout as { flagType?: string } | undefined)?.flagType);
    }
    // Only the BOOLEAN strictMode rollout was created.
    expect(types.filter((t) => t !== undefined)).toEqual(['BOOLEAN']);
    const after = await dumpDb(h);
    expect(after.versions?.length).toBe((before.versions?.length ?? 0) + 1);
  });

  it('refuses a second open rollout of the same flag and a taken id', async () => {
    await createRollout(h);
    const again = await h.call('POST', '/api/v1/rollouts', { body: { id: 'other', namespace: RNS, flag: FLAG, v1Value: 'V1', v2Value: 'V2', reason: 'x' } });
    expect(again.status).toBe(409);
    const taken = await h.call('POST', '/api/v1/rollouts', { body: { id: RID, namespace: RNS, flag: 'strictMode', v1Value: false, v2Value: true, reason: 'x' } });
    expect([taken.status, taken.json.error?.code, taken.json.error?.path]).toEqual([409, 'AlreadyExists', '/id']);
  });

  it('viewers may read but not create; reporters may do neither', async () => {
    const viewer = await h.token('viewer');
    const reporter = await h.token('reporter');
    await createRollout(h);
    expect((await h.call('GET', `/api/v1/rollouts/${RID}`, { token: viewer })).status).toBe(200);
    expect((await h.call('GET', `/api/v1/rollouts/${RID}`, { token: reporter })).status).toBe(403);
    const body = { id: 'v', namespace: RNS, flag: 'strictMode', v1Value: false, v2Value: true, reason: 'x' };
    expect((await h.call('POST', '/api/v1/rollouts', { token: viewer, body })).status).toBe(403);
    expect((await h.call('POST', '/api/v1/rollouts', { token: reporter, body })).status).toBe(403);
  });
});

describe('stage control', () => {
  beforeEach(async () => {
    await createRollout(h);
  });

  it('promotion needs the gate to accept twice in a row; each step is a snapshot version apps are served', async () => {
    const held = await act(h, 'promote', { reason: 'go' }, 1);
    expect([held.status, held.json.error?.code, held.json.error?.details?.refusal]).toEqual([409, 'Conflict', 'gate_not_accepted']);
    expect(held.json.error?.details?.gate).toMatchObject({ status: null, acceptStreak: 0, required: 2 });

    await acceptTwice(h);
    const p = await act(h, 'promote', { reason: 'canary looks fine' }, 1);
    expect(p.status).toBe(200);
    expect(p.headers.etag).toBe('"2"');
    const body = RolloutMutationResponse.parse(p.json);
    expect(body.rollout.state).toMatchObject({ stepIndex: 1, stage: 'canary', share: 1, mode: 'event_based' });
    expect(body.version).toMatchObject({ version: 3, kind: 'rollout_step', reason: 'canary looks fine' });
    expect(body.event).toMatchObject({ action: 'rollout.promote', fromVersion: 2, toVersion: 3, details: { rolloutId: RID, override: false, to: { stepIndex: 1, share: 1 } } });
    expect(await served()).toMatchObject({ version: '3', share: 1, policy: { stage: 'canary', share: 1, mode: 'event_based' } });

    // The streak restarts on a stage change.
    expect(body.rollout.verdict).toMatchObject({ acceptStreak: 0, promotionAllowed: false });
    expect((await act(h, 'promote', { reason: 'again' }, 2)).status).toBe(409);

    const history = VersionPage.parse((await h.call('GET', `/api/v1/namespaces/${RNS}/versions`)).json);
    expect(history.items.map((v) => [v.version, v.kind])).toEqual([
      [3, 'rollout_step'],
      [2, 'rollout_step'],
      [1, 'create'],
    ]);
  });

  it('an admin may override the gate with a reason, and the override is audited; an operator may not', async () => {
    const operator = await h.token('operator');
    const denied = await act(h, 'promote', { reason: 'x', override: true }, 1, { token: operator });
    expect([denied.status, denied.json.error?.path]).toEqual([403, '/override']);
    const p = await act(h, 'promote', { reason: 'canary window is short today', override: true }, 1);
    expect(p.status).toBe(200);
    const event = (p.json as { event: { details: Record<string, unknown> } }).event;
    expect(event.details).toMatchObject({ override: true, gate: { status: null, acceptStreak: 0 } });
    const audit = (await h.call('GET', `/api/v1/events?namespace=${RNS}&action=rollout.promote`)).json.items as { details: { override: boolean } }[];
    expect(audit[0]?.details.override).toBe(true);
  });

  it('If-Match: missing is 428, stale is 412 with the current rollout; * applies to the current revision', async () => {
    const missing = await h.call('POST', `/api/v1/rollouts/${RID}/pause`, { body: { reason: 'x' } });
    expect([missing.status, missing.json.error?.code]).toEqual([428, 'PreconditionRequired']);
    expect(missing.json.error?.message).toContain('rollout revision');
    await act(h, 'pause', { reason: 'hold' }, 1);
    const before = await dumpDb(h);
    const stale = await act(h, 'resume', { reason: 'x' }, 1);
    expect([stale.status, stale.json.error?.code]).toEqual([412, 'PreconditionFailed']);
    expect(stale.json.error?.details?.current).toMatchObject({ id: RID, revision: 2, state: { status: 'paused' } });
    expect(await dumpDb(h)).toEqual(before);
    expect((await act(h, 'resume', { reason: 'go on' }, '*')).status).toBe(200);
  });

  it('Idempotency-Key: a repeat returns the first result and acts once; another body with the key is 422', async () => {
    const headers = { 'idempotency-key': 'rollback-1' };
    const first = await act(h, 'rollback', { reason: 'V2 errors' }, 1, { headers });
    expect(first.status).toBe(200);
    const again = await act(h, 'rollback', { reason: 'V2 errors' }, 1, { headers });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json).toEqual(first.json);
    const events = (await h.call('GET', `/api/v1/events?action=rollout.rollback`)).json.items as unknown[];
    expect(events).toHaveLength(1);
    expect((await act(h, 'rollback', { reason: 'other' }, 1, { headers })).status).toBe(422);
  });

  it('pause holds promotion, resume restarts it; manual rollback goes to shadow as a version and counts as a rollback', async () => {
    await acceptTwice(h);
    expect((await act(h, 'promote', { reason: 'go' }, 1)).status).toBe(200);
    const paused = await act(h, 'pause', { reason: 'watching a dashboard' }, 2);
    expect(RolloutMutationResponse.parse(paused.json)).toMatchObject({ version: null, rollout: { state: { status: 'paused', paused: true, pausedReason: 'watching a dashboard' } } });
    await acceptTwice(h);
    const refused = await act(h, 'promote', { reason: 'x' }, 3);
    expect(refused.json.error?.details?.refusal).toBe('paused');
    expect((await act(h, 'pause', { reason: 'x' }, 3)).json.error?.details?.refusal).toBe('already_paused');
    expect((await act(h, 'resume', { reason: 'done' }, 3)).status).toBe(200);

    const rb = RolloutMutationResponse.parse((await act(h, 'rollback', { reason: 'parity drift' }, 4)).json);
    expect(rb.rollout.state).toMatchObject({ status: 'rolled_back', stepIndex: 0, share: 0, stage: 'shadow' });
    expect(rb.version).toMatchObject({ kind: 'rollout_step', version: 4 });
    expect(rb.event.details).toMatchObject({ automatic: false, trigger: null, from: { stepIndex: 1 } });
    expect(await served()).toMatchObject({ share: 0, policy: { stage: 'shadow' } });
    const summary = (await h.call('GET', `/api/v1/namespaces/${RNS}`)).json as { rollbacks7d: number };
    expect(summary.rollbacks7d).toBe(1);
    expect((await act(h, 'rollback', { reason: 'x' }, 5)).json.error?.details?.refusal).toBe('already_rolled_back');
    expect((await act(h, 'rollback', { reason: ' ' }, 5)).json.error?.path).toBe('/reason');
  });

  it('a namespace rollback underneath is reflected (stage read back from the snapshot) and bumps the revision', async () => {
    await acceptTwice(h);
    await act(h, 'promote', { reason: 'go' }, 1);
    expect((await rollout()).state.share).toBe(1);
    const rb = await h.call('POST', `/api/v1/namespaces/${RNS}/rollback`, { body: { steps: 1, reason: 'bad version' }, headers: { 'if-match': '"3"' } });
    expect(rb.status).toBe(200);
    const now = await rollout();
    expect(now.state).toMatchObject({ stepIndex: 0, share: 0, stage: 'shadow' });
    expect(now.revision).toBe(3);
    expect((await act(h, 'pause', { reason: 'x' }, 2)).status).toBe(412);
  });

  it('settings: canary and sampling are written to the snapshot; guards and gate thresholds are not; steps only at step 0', async () => {
    const canary = { enabled: true, subjects: ['conv-1'], tenantIds: ['acme'], channels: [] };
    const s1 = RolloutMutationResponse.parse(
      (await h.call('PUT', `/api/v1/rollouts/${RID}/settings`, { body: { canary, parity: { enabled: true, sampleRate: 0.2 }, reason: 'canary tenants' }, headers: { 'if-match': '"1"' } })).json,
    );
    expect(s1.version?.kind).toBe('rollout_step');
    expect(s1.rollout.canary).toEqual(canary);
    expect(await served()).toMatchObject({ policy: { canary, parity: { sampleRate: 0.2 } } });
    const guards = [{ id: 'err', label: 'errors', severity: 'critical', metric: 'error_rate', comparison: { kind: 'absolute', op: '>', value: 0.1 }, forMinutes: 2, action: 'rollback' }];
    const s2 = RolloutMutationResponse.parse(
      (await h.call('PUT', `/api/v1/rollouts/${RID}/settings`, { body: { guards, reason: 'stricter' }, headers: { 'if-match': '"2"' } })).json,
    );
    expect(s2.version).toBeNull();
    expect(s2.rollout.guards.map((g) => g.id)).toEqual(['err']);
    const bad = await h.call('PUT', `/api/v1/rollouts/${RID}/settings`, { body: { parity: { enabled: true, sampleRate: 2 }, reason: 'x' }, headers: { 'if-match': '"3"' } });
    expect([bad.status, bad.json.error?.path]).toEqual([400, '/parity/sampleRate']);
    const empty = await h.call('PUT', `/api/v1/rollouts/${RID}/settings`, { body: { reason: 'x' }, headers: { 'if-match': '"3"' } });
    expect(empty.status).toBe(400);
    await acceptTwice(h);
    await act(h, 'promote', { reason: 'go' }, 3);
    const steps = await h.call('PUT', `/api/v1/rollouts/${RID}/settings`, {
      body: { steps: [{ stage: 'shadow', share: 0 }, { stage: 'full', share: 100 }], reason: 'x' },
      headers: { 'if-match': '*' },
    });
    expect([steps.status, steps.json.error?.path]).toEqual([409, '/steps']);
  });

  it('a counters reset makes the latest report the gate baseline (and is audited)', async () => {
    await acceptTwice(h);
    expect((await rollout()).verdict).toMatchObject({ gate: 'accept', promotionAllowed: true });
    const r = RolloutMutationResponse.parse((await act(h, 'counters/reset', { reason: 'fixed a double count' }, 1)).json);
    expect(r.event.action).toBe('rollout.counters_reset');
    expect(r.rollout.countersResetAt).not.toBeNull();
    expect(r.rollout.verdict).toMatchObject({ gate: 'hold', promotionAllowed: false });
  });

  it('an unknown rollout is 404 on every route', async () => {
    for (const [action, method] of [['', 'GET'], ['gate', 'GET'], ['metrics', 'GET'], ['counters', 'GET'], ['parity/patterns', 'GET'], ['pause', 'POST']] as const) {
      const r = await h.call(method, `/api/v1/rollouts/nope${action ? '/' + action : ''}`, { ...(method === 'POST' ? { body: { reason: 'x' } } : {}), headers: { 'if-match': '*' } });
      expect([action, r.status]).toEqual([action, 404]);
    }
  });
});
