import { afterEach, describe, expect, it } from 'vitest';
import { demoPlan } from './demo/plan';
import { seedDemo } from './demo';
import { harness as startHarness, type Harness } from './test/harness';

describe('demo data', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('plans 30 days of history with every kind of change, oldest first', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    const plan = demoPlan(now);
    const kinds = new Set(plan.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['create', 'killswitch', 'load', 'patch', 'restore', 'rollback']);
    expect(new Set(plan.map((s) => s.namespace))).toEqual(new Set(['checkout', 'payments', 'search', 'validation']));
    expect(plan.every((s, i) => i === 0 || plan[i - 1]!.at <= s.at)).toBe(true);
    expect(plan[0]!.at).toBeGreaterThanOrEqual(now - 31 * 86_400_000);
    expect(plan.at(-1)!.at).toBeLessThan(now);
    expect(demoPlan(now)).toEqual(plan);
  });

  it('replays through the registry: every step is accepted and history matches the plan', async () => {
    h = await startHarness();
    const plan = demoPlan(h.services.clock().getTime());
    await seedDemo(h.services, h.services.clock);
    const namespaces = await h.services.registry.listNamespaces();
    expect(namespaces.map((n) => n.name).sort()).toEqual(['checkout', 'payments', 'search', 'validation']);
    const payments = namespaces.find((n) => n.name === 'payments')!;
    expect(payments.killSwitch.enabled).toBe(false);
    for (const ns of namespaces) {
      const written = plan.filter((s) => s.namespace === ns.name && ['create', 'load', 'patch', 'restore'].includes(s.kind));
      expect(ns.latestVersion).toBe(written.length);
    }
    const page = await h.services.registry.listVersions('checkout', { limit: 1000 });
    const discarded = page.items.filter((v) => v.discardedBy !== null).length;
    expect(discarded).toBe(plan.filter((s) => s.namespace === 'checkout' && s.kind === 'rollback').length);
  });
});
