/**
 * Demo data for `npm start` (SWITCHYARD_DEMO=1 on an empty database). A stub for now: another
 * change writes four namespaces with 30 days of history through `services.registry`, whose
 * mutations accept a backdated `at` in their MutationContext.
 */
import type { Clock } from './clock';
import type { Services } from './services';

export async function seedDemo(_services: Services, _clock: Clock): Promise<void> {
  return;
}
