import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlan } from './demo/plan';
import { seedDemo } from './demo';
import { harness as startHarness, type Harness } from './test/harness';

describe('demo data', () => {
  it('plans 30 days of history with every kind of change, oldest first', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    const plan = demoPlan(now);
    const kinds = new Set(plan.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['create', 'killswitch', 'load', 'patch', 'restore', 'rollback']);
    expect(new Set(plan.map((s) => s.namespace))).toEqual(new Set(['checkout', 'payments', 'search', 'validation', 'conversations']));
    expect(plan.every((s, i) => i === 0 || plan[i - 1]!.at <= s.at)).toBe(true);
    expect(plan[0]!.at).toBeGreaterThanOrEqual(now - 31 * 86_400_000);
    expect(plan.at(-1)!.at).toBeLessThan(now);
    expect(demoPlan(now)).toEqual(plan);
  });
});

describe('demo data, seeded (registry history and rollouts)', () => {
  let h: Harness;
  let seeded: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    h = await startHarness();
    seeded = await seedDemo(h.services, h.services.clock);
  }, 60_000);
  afterAll(async () => h.close());

  it('replays through the registry: every step is accepted and history matches the plan', async () => {
    const plan = demoPlan(h.services.clock().getTime());
    const namespaces = await h.services.registry.listNamespaces();
    expect(namespaces.map((n) => n.name).sort()).toEqual(['checkout', 'conversations', 'payments', 'search', 'validation']);
    const payments = namespaces.find((n) => n.name === 'payments')!;
    expect(payments.killSwitch.enabled).toBe(false);
    for (const ns of namespaces) {
      const written = plan.filter((s) => s.namespace === ns.name && ['create', 'load', 'patch', 'restore'].includes(s.kind));
      const versions = await h.services.registry.listVersions(ns.name, { limit: 1000 });
      const rolloutSteps = versions.items.filter((v) => v.kind === 'rollout_step').length;
      expect([ns.name, ns.latestVersion - rolloutSteps]).toEqual([ns.name, written.length]);
    }
    const page = await h.services.registry.listVersions('checkout', { limit: 1000 });
    const discarded = page.items.filter((v) => v.discardedBy !== null).length;
    expect(discarded).toBe(plan.filter((s) => s.namespace === 'checkout' && s.kind === 'rollback').length);
  });

  it('seeds two rollouts with a week of traffic: validation back at 10% after an automatic rollback, conversations at canary', async () => {
    expect(seeded.rollouts).toEqual(['validation-orchestrator-v2', 'conversations-event-runtime']);
    const list = (await h.call('GET', '/api/v1/rollouts')).json.items as { id: string; state: { share: number; stage: string; status: string }; live: { inSync: boolean }; verdict: { gate: string } }[];
    const byId = Object.fromEntries(list.map((r) => [r.id, r]));
    expect(byId['validation-orchestrator-v2']).toMatchObject({ state: { share: 10, stage: 'ramp', status: 'active' }, live: { inSync: true }, verdict: { gate: 'accept' } });
    expect(byId['conversations-event-runtime']).toMatchObject({ state: { share: 1, stage: 'canary', status: 'active' }, live: { inSync: true } });

    const rollbacks = (await h.call('GET', '/api/v1/events?action=rollout.rollback')).json.items as { actor: string; namespace: string; details: { automatic: boolean; trigger: { ruleId: string } } }[];
    expect(rollbacks).toHaveLength(1);
    expect(rollbacks[0]).toMatchObject({ actor: 'switchyard-guards', namespace: 'validation', details: { automatic: true, trigger: { ruleId: 'critical-error-rate' } } });
    const pauses = (await h.call('GET', '/api/v1/events?action=rollout.pause&actor=switchyard-guards')).json.items as { namespace: string }[];
    expect(pauses.map((p) => p.namespace).sort()).toEqual(['conversations', 'validation']);

    const now = h.now().getTime();
    const from = new Date(now - 7 * 86_400_000).toISOString();
    const metrics = (await h.call('GET', `/api/v1/rollouts/validation-orchestrator-v2/metrics?from=${from}&points=500`)).json as { v1: { requests: number | null }[]; markers: { kind: string }[] };
    expect(metrics.v1.length).toBeLessThanOrEqual(500);
    expect(metrics.v1.filter((b) => (b.requests ?? 0) > 0).length).toBeGreaterThan(200);
    for (const kind of ['stage_change', 'rollout_rollback', 'guard_breach', 'snapshot_load']) expect(metrics.markers.map((m) => m.kind)).toContain(kind);
    const patterns = (await h.call('GET', '/api/v1/rollouts/conversations-event-runtime/parity/patterns')).json.items as { pattern: string }[];
    expect(patterns.map((p) => p.pattern)).toEqual(
      expect.arrayContaining(['legacy unavailable', 'data differs: conv.out.tool.called (fields: args.limit)', 'v1 extra: conv.out.typing.stopped']),
    );
    // The live guards engine finds nothing to act on in the seeded current stages.
    expect((await h.services.guards.tick()).filter((o) => o.outcome !== 'noted')).toEqual([]);
  });
});
