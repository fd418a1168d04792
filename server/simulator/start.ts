/**
 * Starting the simulator from main.ts: a fresh reporter token (earlier simulator tokens are
 * revoked, so restarts do not pile them up), and for each demo rollout that exists, the minute
 * its stored traffic ends (at most 6 hours back).
 */
import type { Services } from '../services';
import { demoProfiles } from './profiles';
import { TrafficSimulator, type SimulatedRollout } from './simulator';

const TOKEN_NAME = 'traffic-simulator';
const ACTOR = 'switchyard-simulator';
const MAX_CATCH_UP_MS = 6 * 3_600_000;
const DEFAULT_BACKLOG_MS = 30 * 60_000;

export async function startSimulator(services: Services, baseUrl: string, log: (m: string) => void): Promise<TrafficSimulator | null> {
  const now = services.clock().getTime();
  const rollouts: SimulatedRollout[] = [];
  for (const profile of demoProfiles) {
    const r = await services.store.rollouts.getRollout(profile.rolloutId);
    if (!r) continue;
    const latest = await services.store.rollouts.latestWindowStart(r.id);
    const from = Math.max(now - MAX_CATCH_UP_MS, latest === null ? now - DEFAULT_BACKLOG_MS : latest + 60_000);
    rollouts.push({ profile, namespace: r.namespace, policyKey: r.policyKey, from });
  }
  if (rollouts.length === 0) {
    log('simulator: no demo rollouts in this database (start with SWITCHYARD_DEMO=1 on an empty database); not started');
    return null;
  }
  for (const t of await services.tokens.list()) {
    if (t.name === TOKEN_NAME && t.revokedAt === null) await services.tokens.revoke(t.id, 'Simulator restarted: a new token replaces this one', { actor: ACTOR });
  }
  const created = await services.tokens.create({ name: TOKEN_NAME, role: 'reporter', reason: 'Demo traffic simulator (SWITCHYARD_SIMULATOR=1)' }, { actor: ACTOR });
  const secret = (created.body as { secret?: string }).secret;
  if (!secret) throw new Error('the simulator token was not created');
  const sim = new TrafficSimulator({
    baseUrl,
    token: secret,
    rollouts,
    clock: services.clock,
    speed: services.config.simSpeed ?? 0.5,
    regressions: true,
    log,
  });
  sim.start();
  return sim;
}
