/**
 * Valid-request factories for the rollout routes (see route-cases.ts). Each mutation gets a fresh
 * namespace and rollout of its own, so repeated preparations never run out of steps or flags.
 */
import { buildPath, routes as r, type RouteDef } from '@contract/routes';
import type { Harness } from '../test/harness';
import { createRollout, createRolloutNamespace, nextMinute, report, RID, RNS, windows } from '../test/rollouts';
import type { Req, RouteFactory } from './route-cases';

let n = 0;

async function ensureRollout(h: Harness): Promise<void> {
  if ((await h.call('GET', `/api/v1/rollouts/${RID}`)).status === 200) return;
  if ((await h.call('GET', `/api/v1/namespaces/${RNS}`)).status !== 200) await createRolloutNamespace(h);
  await createRollout(h);
}

/** A namespace with one ENUM flag of its own; returns its name and the flag's short name. */
async function freshNamespace(h: Harness): Promise<{ ns: string; flag: string }> {
  const ns = `rollout-ns-${++n}`;
  const res = await h.call('POST', '/api/v1/namespaces', {
    body: {
      name: ns,
      features: [{ key: `feature::${ns}::engine`, type: 'ENUM', enumValues: ['V1', 'V2'], defaultValue: { type: 'ENUM', value: 'V1', enumClassName: 'com.example.Engine' } }],
      reason: 'trust test',
    },
  });
  if (res.status !== 201) throw new Error(`namespace: ${res.body}`);
  return { ns, flag: 'engine' };
}

/** A fresh rollout (optionally promoted once, paused, or with a gate that allows promotion); returns its id. */
async function freshRollout(h: Harness, then?: 'promote' | 'pause' | 'gate-accepts'): Promise<string> {
  const { ns, flag } = await freshNamespace(h);
  const id = `trust-${n}`;
  const created = await h.call('POST', '/api/v1/rollouts', { body: { id, namespace: ns, flag, v1Value: 'V1', v2Value: 'V2', reason: 'trust test' } });
  if (created.status !== 201) throw new Error(`rollout: ${created.body}`);
  if (then === 'gate-accepts') {
    // Two accepting cumulative reports in a row: an operator may promote without override.
    for (let i = 1; i <= 2; i++) {
      h.advance(30_000);
      const res = await h.call('POST', `/api/v1/rollouts/${id}/ingest/reporter`, { body: report(h.now(), i) });
      if (res.status !== 200) throw new Error(`report: ${res.body}`);
    }
  } else if (then) {
    const body = then === 'promote' ? { reason: 'set up', override: true } : { reason: 'set up' };
    const done = await h.call('POST', `/api/v1/rollouts/${id}/${then}`, { body, headers: { 'if-match': '*' } });
    if (done.status !== 200) throw new Error(`${then}: ${done.body}`);
  }
  return id;
}

const revisionOf = async (h: Harness, id: string) => (await h.call('GET', `/api/v1/rollouts/${id}`)).json.revision as number;

const req = (def: RouteDef, params: Record<string, string | number>, body?: unknown, headers: Record<string, string> = {}, query = ''): Req => ({
  method: def.method,
  url: buildPath(def.path, params) + query,
  ...(body !== undefined ? { body } : {}),
  headers,
});

/** Stage and settings changes: If-Match on the rollout revision, the same for every variant. */
function rolloutMutation(def: RouteDef, body: (variant: number) => unknown, then?: 'promote' | 'pause' | 'gate-accepts'): RouteFactory {
  return {
    prepare: async (h) => {
      const id = await freshRollout(h, then);
      return async (variant) => req(def, { id }, body(variant), { 'if-match': `"${await revisionOf(h, id)}"` });
    },
    ok: 200,
    race: 'one-wins',
  };
}

const read = (def: RouteDef, query = ''): RouteFactory => ({
  prepare: async (h) => {
    await ensureRollout(h);
    return async () => req(def, { id: RID }, undefined, {}, query);
  },
  ok: 200,
});

/** One parity report (a mismatch) for `subject`; returns its id and pattern. */
async function parityReport(h: Harness, subject: string): Promise<{ id: number; pattern: string }> {
  await ensureRollout(h);
  const res = await h.call('POST', `/api/v1/rollouts/${RID}/ingest/parity`, {
    body: parityBody(subject, h.now().toISOString()),
  });
  if (res.status !== 200) throw new Error(`parity ingest: ${res.body}`);
  const reportDto = res.json.report as { id: number; pattern: string };
  return { id: reportDto.id, pattern: reportDto.pattern };
}

const parityBody = (subject: string, comparedAt: string) => ({
  subject,
  comparedAt,
  adapter: 'trust',
  v1Outputs: [{ type: 'message', subject, data: { text: 'hello' } }],
  v2Outputs: [{ type: 'message', subject, data: { text: 'hello!' } }],
});

export const rolloutFactories: Record<string, RouteFactory> = {
  listRollouts: { prepare: async (h) => (await ensureRollout(h), async () => req(r.listRollouts, {})), ok: 200 },
  createRollout: {
    prepare: async (h) => {
      const { ns, flag } = await freshNamespace(h);
      const id = `created-${n}`;
      return async (variant) =>
        req(r.createRollout, {}, { id, namespace: ns, flag, v1Value: 'V1', v2Value: 'V2', description: `variant ${variant}`, reason: `create ${variant}` });
    },
    ok: 201,
    race: 'one-wins',
  },
  getRollout: read(r.getRollout),
  promoteRollout: rolloutMutation(r.promoteRollout, (variant) => ({ reason: `promote ${variant}` }), 'gate-accepts'),
  pauseRollout: rolloutMutation(r.pauseRollout, (variant) => ({ reason: `pause ${variant}` })),
  resumeRollout: rolloutMutation(r.resumeRollout, (variant) => ({ reason: `resume ${variant}` }), 'pause'),
  rollbackRollout: rolloutMutation(r.rollbackRollout, (variant) => ({ reason: `rollback ${variant}` }), 'promote'),
  rolloutSettings: rolloutMutation(r.rolloutSettings, (variant) => ({ parity: { enabled: true, sampleRate: 0.1 + variant / 100 }, reason: `settings ${variant}` })),
  resetRolloutCounters: rolloutMutation(r.resetRolloutCounters, (variant) => ({ reason: `reset ${variant}` })),
  rolloutMetrics: read(r.rolloutMetrics, '?points=10'),
  rolloutGate: read(r.rolloutGate),
  rolloutCounters: read(r.rolloutCounters),
  parityReports: read(r.parityReports, '?limit=5'),
  parityReport: {
    prepare: async (h) => {
      const { id } = await parityReport(h, `subject-${++n}`);
      return async () => req(r.parityReport, { id: RID, reportId: id });
    },
    ok: 200,
  },
  // Triage sets a status: two triages at once both apply (the last one stands), each recorded.
  triageParityReport: {
    prepare: async (h) => {
      const { id } = await parityReport(h, `subject-${++n}`);
      return async (variant) => req(r.triageParityReport, { id: RID, reportId: id }, { triage: variant % 2 ? 'expected' : 'bug', note: `triage ${variant}` });
    },
    ok: 200,
    race: 'independent',
  },
  parityPatterns: read(r.parityPatterns),
  triageParityPattern: {
    prepare: async (h) => {
      const { pattern } = await parityReport(h, `subject-${++n}`);
      return async (variant) => req(r.triageParityPattern, { id: RID }, { pattern, triage: variant % 2 ? 'expected' : 'bug', note: `triage ${variant}` });
    },
    ok: 200,
    race: 'independent',
  },
  parityCompare: {
    prepare: async (h) => {
      const subject = `subject-${++n}`;
      await parityReport(h, subject);
      return async () => req(r.parityCompare, { id: RID }, { subject });
    },
    ok: 200,
  },
  ingestMetrics: {
    prepare: async (h) => {
      await ensureRollout(h);
      return async () => req(r.ingestMetrics, { id: RID }, { windows: windows(nextMinute(h), 2) });
    },
    ok: 200,
  },
  ingestReporter: {
    prepare: async (h) => {
      await ensureRollout(h);
      return async (variant) => req(r.ingestReporter, { id: RID }, report(new Date(h.now().getTime() + variant * 1000), 1 + variant));
    },
    ok: 200,
  },
  ingestParity: {
    prepare: async (h) => {
      await ensureRollout(h);
      return async (variant) => req(r.ingestParity, { id: RID }, parityBody(`ingest-${variant}-${++n}`, h.now().toISOString()));
    },
    ok: 200,
  },
};
