/**
 * Demo data for `npm start` (SWITCHYARD_DEMO=1 on an empty database): four namespaces with a
 * 30-day history replayed through the registry service itself, backdated, so every version,
 * audit event and rollback is exactly what the real API would have recorded.
 */
import { featuresFromSnapshot } from '@core/decode';
import type { Clock } from './clock';
import type { Services } from './services';
import { demoPlan, type DemoStep } from './demo/plan';

const SEED_TOKEN = 'demo-seed';

function declaredFeatures(step: Extract<DemoStep, { kind: 'create' }>) {
  return featuresFromSnapshot(step.snapshot).map((f) => {
    const name = f.key.split('::')[2] ?? '';
    const enumValues = step.enums[name];
    return enumValues ? { ...f, enumValues } : f;
  });
}

export async function seedDemo(services: Services, clock: Clock): Promise<{ steps: number }> {
  const { registry } = services;
  const steps = demoPlan(clock().getTime());
  for (const step of steps) {
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
      case 'load':
        await registry.load(step.namespace, step.snapshot as unknown as Record<string, unknown>, step.reason, ctx);
        break;
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
  return { steps: steps.length };
}
