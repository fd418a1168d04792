/**
 * Demo data for `npm start` (SWITCHYARD_DEMO=1 on an empty database): five namespaces with a
 * 30-day history replayed through the registry service itself, backdated, so every version,
 * audit event and rollback is exactly what the real API would have recorded; and two rollouts
 * (demo/rollouts.ts) replayed through the rollout service and the guards engine on a backdated
 * clock, with 5-7 days of traffic (per-minute windows, cumulative reports every 5 minutes,
 * parity reports) written in one transaction per rollout.
 */
import { featuresFromSnapshot } from '@core/decode';
import type { Snapshot } from '@core/model';
import type { Clock } from './clock';
import type { Services } from './services';
import { demoPlan, type DemoStep } from './demo/plan';
import { demoRollouts, type DemoRollout, type RolloutStep } from './demo/rollouts';
import { GuardsEngine } from './rollouts/guards-engine';
import { RETENTION, toNewParity } from './rollouts/ingest';
import { RolloutService, type RolloutCtx } from './rollouts/service';
import { backfill } from './simulator/backfill';
import { demoProfiles } from './simulator/profiles';

const MINUTE = 60_000;
/** The demo history's traffic ends this long before the seed; the simulator plays it forward from there. */
export const BACKFILL_LAG_MS = 30 * MINUTE;

const SEED_TOKEN = 'demo-seed';

function declaredFeatures(step: Extract<DemoStep, { kind: 'create' }>) {
  return featuresFromSnapshot(step.snapshot).map((f) => {
    const name = f.key.split('::')[2] ?? '';
    const enumValues = step.enums[name];
    return enumValues ? { ...f, enumValues } : f;
  });
}

type Timed = { at: number } & ({ source: 'registry'; step: DemoStep } | { source: 'rollout'; step: RolloutStep });

export async function seedDemo(services: Services, clock: Clock): Promise<{ steps: number; rollouts: string[] }> {
  const { registry, store } = services;
  const now = clock().getTime();
  const steps = demoPlan(now);
  const rollouts = demoRollouts(now);
  const timeline: Timed[] = [
    ...steps.map((step) => ({ at: step.at, source: 'registry' as const, step })),
    ...rollouts.flatMap((r) => r.steps.map((step) => ({ at: step.at, source: 'rollout' as const, step }))),
  ].sort((a, b) => a.at - b.at);

  // The rollout service and guards engine on a backdated clock: the same commit path as the API.
  let seedNow = now;
  const seedClock: Clock = () => new Date(seedNow);
  const rolloutService = new RolloutService({ store, clock: seedClock, served: services.served, feed: services.feed });
  const guards = new GuardsEngine(rolloutService, store.rollouts, seedClock);
  /** Flags a rollout owns, by namespace: kept when a registry load replaces the snapshot. */
  const owned = new Map<string, Set<string>>();
  const backfillEnd = Math.floor(now / MINUTE) * MINUTE - BACKFILL_LAG_MS;

  for (const item of timeline) {
    seedNow = item.at;
    if (item.source === 'rollout') {
      await replayRolloutStep(item.step, rollouts, rolloutService, guards, owned, services, backfillEnd);
      continue;
    }
    const step = item.step;
    const ctx = { actor: step.actor, tokenId: SEED_TOKEN, at: new Date(step.at) };
    switch (step.kind) {
      case 'create':
        await registry.createNamespace(
          {
            name: step.namespace,
            description: step.description,
            features: declaredFeatures(step),
            adoptSnapshot: step.snapshot as unknown as Record<string, unknown>,
            reason: step.reason,
          },
          ctx,
        );
        break;
      case 'load': {
        const keep = owned.get(step.namespace);
        const snapshot = keep ? await withOwnedFlags(services, step.namespace, step.snapshot, keep) : step.snapshot;
        await registry.load(step.namespace, snapshot as unknown as Record<string, unknown>, step.reason, ctx);
        break;
      }
      case 'patch':
        await registry.patch(step.namespace, step.patch as unknown as Record<string, unknown>, step.reason, ctx);
        break;
      case 'rollback':
        await registry.rollback(step.namespace, step.steps, step.reason, ctx);
        break;
      case 'restore':
        await registry.restore(step.namespace, step.version, step.reason, ctx);
        break;
      case 'killswitch':
        await registry.killSwitch(step.namespace, step.enabled, step.reason, ctx);
        break;
    }
  }
  return { steps: steps.length, rollouts: rollouts.map((r) => r.id) };
}

/** A full-snapshot load from the config pipeline keeps the flags a rollout manages (its rule and policy). */
async function withOwnedFlags(services: Services, ns: string, snapshot: Snapshot, keep: Set<string>): Promise<Snapshot> {
  const live = (await services.registry.getNamespace(ns)).snapshot.flags.filter((f) => keep.has(f.key));
  return { ...snapshot, flags: [...snapshot.flags.filter((f) => !keep.has(f.key)), ...(live as unknown as Snapshot['flags'])] };
}

async function replayRolloutStep(
  step: RolloutStep,
  plans: readonly DemoRollout[],
  service: RolloutService,
  guards: GuardsEngine,
  owned: Map<string, Set<string>>,
  services: Services,
  backfillEnd: number,
): Promise<void> {
  const ctx: RolloutCtx = { actor: step.actor, tokenId: SEED_TOKEN, role: 'admin', ifMatch: { any: true } };
  const id = step.rolloutId;
  switch (step.kind) {
    case 'create': {
      const created = await service.create(
        { id, namespace: step.namespace, flag: step.flag, v1Value: step.v1Value, v2Value: step.v2Value, description: step.description, canary: step.canary, parity: step.parity, reason: step.reason },
        ctx,
      );
      const r = created.body.rollout;
      owned.set(step.namespace, new Set([...(owned.get(step.namespace) ?? []), r.flagKey, r.policyFlagKey]));
      const plan = plans.find((x) => x.id === id);
      const profile = demoProfiles.find((p) => p.rolloutId === id);
      if (!plan || !profile) break;
      const data = backfill(profile, plan.timeline, plan.episodes, plan.from, backfillEnd);
      const iso = (ms: number) => new Date(ms).toISOString();
      await services.store.rollouts.importData(
        id,
        { windows: data.windows, reports: data.reports, parity: data.parity.map((p) => toNewParity(id, p, iso(Date.parse(p.comparedAt) + 1_000))) },
        (ms) => iso(ms + 1_000),
        { keep: RETENTION.parityReports, keepOutputs: RETENTION.parityOutputs },
      );
      break;
    }
    case 'promote':
      await service.promote(id, step.reason, false, ctx);
      break;
    case 'resume':
      await service.resume(id, step.reason, ctx);
      break;
    case 'settings':
      await service.settings(id, { canary: step.canary, reason: step.reason }, ctx);
      break;
    case 'guards':
      await guards.evaluate(id);
      break;
  }
}
