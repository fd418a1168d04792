/** Everything the HTTP layer, main.ts and demo seeding use, built once per app. */
import type { Config } from './config';
import type { Clock } from './clock';
import type { Store } from './store/types';
import type { RegistryService } from './registry/service';
import type { AuthService } from './auth/authenticate';
import type { TokenService } from './auth/tokens';
import type { LoginCodes } from './auth/login-codes';
import type { LoginLimiter } from './auth/login-limiter';
import type { ServedSnapshots } from './registry/served';
import type { ChangeFeed } from './live/change-feed';
import type { Metrics } from './metrics';
import type { SseHub } from './live/sse';
import type { RolloutDataFeed } from './live/rollout-data';
import type { RolloutService } from './rollouts/service';
import type { RolloutReads } from './rollouts/reads';
import type { IngestService } from './rollouts/ingest';
import type { ParityReview } from './rollouts/parity-review';
import type { GuardsEngine } from './rollouts/guards-engine';
import type { InsightsService } from './insights/service';
import type { TimelineService } from './insights/timeline';

export interface Services {
  config: Config;
  clock: Clock;
  store: Store;
  registry: RegistryService;
  auth: AuthService;
  tokens: TokenService;
  loginCodes: LoginCodes;
  /** Failed sign-ins per address (429 after 10 a minute). */
  loginLimiter: LoginLimiter;
  served: ServedSnapshots;
  feed: ChangeFeed;
  metrics: Metrics;
  sse: SseHub;
  rollouts: RolloutService;
  rolloutReads: RolloutReads;
  ingest: IngestService;
  parity: ParityReview;
  guards: GuardsEngine;
  rolloutData: RolloutDataFeed;
  insights: InsightsService;
  timeline: TimelineService;
}
