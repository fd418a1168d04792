/**
 * The demo rollouts' history (pure): when each was created, promoted, paused, rolled back and
 * resumed, the regression episodes the guards caught, and the stage timeline the traffic
 * backfill follows. Times are placed between the registry history's own steps (demo/plan.ts,
 * anchored at midnight UTC) so no registry rollback or restore undoes a rollout step.
 *
 * - validation-orchestrator-v2 (seed 004): shadow -> 1% -> 10% -> 25%, an automatic rollback
 *   (V2 error rate 9% for 8 minutes), resumed after a fix, 1% -> 10% again (the current stage).
 * - conversations-event-runtime (seed 003): shadow for days, canary allowlists, canary 1%,
 *   a guard pause on p95 deviation, resumed.
 */
import type { CanaryConfig, ParitySampling, RoutingPolicy, Step } from '@core/rollout/model';
import { DEFAULT_STEPS } from '@core/rollout/model';
import { modeForStage } from '@core/rollout/stages';
import type { StagePoint } from '../simulator/backfill';
import type { Episode } from '../simulator/model';
import { CONVERSATION_ROLLOUT, VALIDATION_ROLLOUT } from '../simulator/profiles';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type RolloutStep = { at: number; rolloutId: string; actor: string; reason: string } & (
  | { kind: 'create'; namespace: string; flag: string; v1Value: string; v2Value: string; description: string; canary: CanaryConfig; parity: ParitySampling }
  | { kind: 'promote' }
  | { kind: 'resume' }
  | { kind: 'settings'; canary: CanaryConfig }
  /** Run the guards engine at this time (the regression episode before it is caught). */
  | { kind: 'guards' }
);

export interface DemoRollout {
  id: string;
  steps: RolloutStep[];
  episodes: Episode[];
  timeline: StagePoint[];
  from: number;
}

const NO_CANARY: CanaryConfig = { enabled: false, subjects: [], tenantIds: [], channels: [] };
const CANARY: CanaryConfig = { enabled: true, subjects: [], tenantIds: ['acme', 'globex', 'initech'], channels: ['web-chat'] };

const policy = (step: Step, canary: CanaryConfig, parity: ParitySampling): RoutingPolicy => ({ mode: modeForStage(step.stage), canary, parity });
const step = (i: number): Step => DEFAULT_STEPS[i] ?? { stage: 'shadow', share: 0 };
const at = (s: number, i: number, canary: CanaryConfig, parity: ParitySampling): StagePoint => ({ at: s, share: step(i).share, policy: policy(step(i), canary, parity) });

export function demoRollouts(now: number): DemoRollout[] {
  const end = Math.floor(now / DAY) * DAY;
  const minute = (t: number) => Math.floor(t / MINUTE) * MINUTE;

  // ---- validation (seed 004) ----
  const v = VALIDATION_ROLLOUT;
  const vParity: ParitySampling = { enabled: true, sampleRate: 0.05 };
  const vCreate = minute(end - 5 * DAY + 9 * HOUR);
  const vCanary = minute(end - 4.2 * DAY + 9 * HOUR);
  const v10 = minute(end - 3.3 * DAY + 9 * HOUR);
  const v25 = minute(end - 2.2 * DAY + 13 * HOUR);
  const episode: Episode = { start: minute(end - 1.45 * DAY), minutes: 8, kind: 'errors', magnitude: 0.09 };
  const vCaught = episode.start + 10 * MINUTE;
  const vResume = minute(end - 1.2 * DAY);
  const vAgain10 = minute(now - 20 * HOUR);
  const vAgain1 = minute((vResume + vAgain10) / 2);
  const validation: DemoRollout = {
    id: v,
    from: vCreate,
    episodes: [episode],
    steps: [
      {
        at: vCreate,
        rolloutId: v,
        actor: 'priya.shah',
        reason: 'Start ValidationOrchestratorV2 in shadow: V2 runs beside V1, outputs compared (Story 2.6)',
        kind: 'create',
        namespace: 'validation',
        flag: 'orchestratorVersion',
        v1Value: 'V1',
        v2Value: 'V2',
        description: 'Story 2.6: production rollout of ValidationOrchestratorV2 (seed 004)',
        canary: NO_CANARY,
        parity: vParity,
      },
      { at: vCanary, rolloutId: v, actor: 'priya.shah', reason: 'Shadow parity within 3% for a day; go/no-go: go for canary (Story 2.6, day 3)', kind: 'promote' },
      { at: v10, rolloutId: v, actor: 'priya.shah', reason: 'Canary clean: latency and errors within 5% of V1 (day 4)', kind: 'promote' },
      { at: v25, rolloutId: v, actor: 'tomas.berg', reason: '10% for 4 hours without alerts; scaling to 25%', kind: 'promote' },
      { at: vCaught, rolloutId: v, actor: 'switchyard-guards', reason: 'guards', kind: 'guards' },
      { at: vResume, rolloutId: v, actor: 'tomas.berg', reason: 'Connection pool exhaustion under V2 fixed and deployed (INC-1588); restarting from shadow', kind: 'resume' },
      { at: vAgain1, rolloutId: v, actor: 'priya.shah', reason: 'Shadow clean after the pool fix; canary again', kind: 'promote' },
      { at: vAgain10, rolloutId: v, actor: 'priya.shah', reason: 'Canary clean for the morning; back to 10%', kind: 'promote' },
    ],
    timeline: [
      at(vCreate, 0, NO_CANARY, vParity),
      at(vCanary, 1, NO_CANARY, vParity),
      at(v10, 2, NO_CANARY, vParity),
      at(v25, 3, NO_CANARY, vParity),
      at(vCaught, 0, NO_CANARY, vParity),
      at(vAgain1, 1, NO_CANARY, vParity),
      at(vAgain10, 2, NO_CANARY, vParity),
    ],
  };

  // ---- conversations (seed 003) ----
  const c = CONVERSATION_ROLLOUT;
  const cParity: ParitySampling = { enabled: true, sampleRate: 0.08 };
  const cCreate = minute(end - 6.5 * DAY + 10 * HOUR);
  const cCanarySettings = minute(end - 2.0 * DAY + 10 * HOUR);
  const cCanary = minute(end - 1.8 * DAY + 10 * HOUR);
  const slow: Episode = { start: minute(now - 8 * HOUR), minutes: 8, kind: 'latency', magnitude: 1.35 };
  const cCaught = slow.start + 9 * MINUTE;
  const cResume = minute(now - 7 * HOUR);
  const conversations: DemoRollout = {
    id: c,
    from: cCreate,
    episodes: [slow],
    steps: [
      {
        at: cCreate,
        rolloutId: c,
        actor: 'sam.okafor',
        reason: 'Phase 9 runbook step 1: rollout.mode shadow, parity sampling on (seed 003)',
        kind: 'create',
        namespace: 'conversations',
        flag: 'runtime',
        v1Value: 'LEGACY',
        v2Value: 'EVENT_BASED',
        description: 'jido_conversation phase 9: migrate ingress to the event-based runtime (seed 003)',
        canary: NO_CANARY,
        parity: cParity,
      },
      { at: cCanarySettings, rolloutId: c, actor: 'sam.okafor', reason: 'Runbook step 2: canary filter for acme, globex, initech and the web chat', kind: 'settings', canary: CANARY },
      { at: cCanary, rolloutId: c, actor: 'sam.okafor', reason: 'Runbook step 5: canary traffic to event_based mode; parity compare clean on canary conversations', kind: 'promote' },
      { at: cCaught, rolloutId: c, actor: 'switchyard-guards', reason: 'guards', kind: 'guards' },
      { at: cResume, rolloutId: c, actor: 'sam.okafor', reason: 'GC pause under load fixed (dispatcher pool size); resuming the canary', kind: 'resume' },
    ],
    timeline: [at(cCreate, 0, NO_CANARY, cParity), at(cCanarySettings, 0, CANARY, cParity), at(cCanary, 1, CANARY, cParity)],
  };
  return [validation, conversations];
}
