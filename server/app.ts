/** Builds the whole server (store, services, routes) without listening, so tests can use app.inject. */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { AuthService } from './auth/authenticate';
import { ensureBootstrapAdmin, type Bootstrap } from './auth/bootstrap';
import { LoginCodes } from './auth/login-codes';
import { LoginLimiter } from './auth/login-limiter';
import { TokenService } from './auth/tokens';
import { systemClock, type Clock } from './clock';
import { ensureDbDir, type Config } from './config';
import { appRoutes } from './http/apps';
import { jsonBodies } from './http/body';
import { securityHeaders } from './http/security-headers';
import { errorHandling, frameworkError } from './http/errors';
import { eventRoutes } from './http/events';
import { insightRoutes } from './http/insights';
import { namespaceRoutes } from './http/namespaces';
import { rolloutRoutes } from './http/rollouts';
import { sessionRoutes } from './http/session';
import { streamRoutes } from './http/stream';
import { systemRoutes } from './http/system';
import { tokenRoutes } from './http/tokens';
import { ChangeFeed } from './live/change-feed';
import { RolloutDataFeed } from './live/rollout-data';
import { GuardsEngine } from './rollouts/guards-engine';
import { InsightsService } from './insights/service';
import { TimelineService } from './insights/timeline';
import { IngestService } from './rollouts/ingest';
import { ParityReview } from './rollouts/parity-review';
import { RolloutReads } from './rollouts/reads';
import { RolloutService } from './rollouts/service';
import { SseHub } from './live/sse';
import { Metrics } from './metrics';
import { ServedSnapshots } from './registry/served';
import { RegistryService } from './registry/service';
import type { Services } from './services';
import { Replication } from './live/replication';
import { openStore } from './store/open';
import { PostgresStore } from './store/postgres';

export interface BuildOptions {
  config: Config;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Interval of the SSE heartbeat comment (15 s). */
  heartbeatMs?: number;
  /** Interval of the guards engine's timer (15 s); 0 turns the timer off (tests call services.guards.tick()). */
  guardsIntervalMs?: number;
  /** PostgreSQL: interval of the safety poll of the event log beside LISTEN/NOTIFY (5 s); 0 turns it off. */
  replicationPollMs?: number;
}

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  bootstrap: Bootstrap;
  /** PostgreSQL: how this replica follows the others (null on SQLite). */
  replication: Replication | null;
}

const HOUR_MS = 3_600_000;
/** How long an Idempotency-Key is remembered. */
const IDEMPOTENCY_TTL_MS = 24 * HOUR_MS;

export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  ensureDbDir(config.dbPath);

  const metrics = new Metrics();
  const store = await openStore(config, { onWrite: (seconds) => metrics.dbWrites.observe(seconds) });
  const since = () => new Date(clock().getTime() - 7 * 24 * HOUR_MS).toISOString();
  const served = new ServedSnapshots(store, since);
  const rolloutData = new RolloutDataFeed(clock);
  // Several replicas on one PostgreSQL database: every replica's changes reach this one's feed,
  // streams and served snapshots through LISTEN/NOTIFY and the event log.
  const replication =
    store instanceof PostgresStore && config.databaseUrl
      ? await Replication.start({
          store,
          url: config.databaseUrl,
          served,
          since,
          rolloutData,
          onError: (e, what) => app.log.error(e, `replication: ${what} failed`),
          ...(options.replicationPollMs !== undefined ? { pollMs: options.replicationPollMs } : {}),
        })
      : null;
  const feed = replication?.feed ?? new ChangeFeed();
  const loginCodes = new LoginCodes(clock);
  const rollouts = new RolloutService({ store, clock, served, feed });
  const guards = new GuardsEngine(rollouts, store.rollouts, clock, {
    intervalMs: options.guardsIntervalMs ?? 15_000,
    onError: (e, id) => app.log.error(e, `guards evaluation of rollout ${id} failed`),
  });
  const services: Services = {
    config,
    clock,
    store,
    registry: new RegistryService({ store, clock, served, feed }),
    auth: new AuthService(store, clock, loginCodes),
    tokens: new TokenService(store, clock, feed),
    loginCodes,
    loginLimiter: new LoginLimiter(clock),
    served,
    feed,
    metrics,
    sse: new SseHub(metrics, options.heartbeatMs ?? 15_000),
    rollouts,
    rolloutReads: new RolloutReads(rollouts, store.rollouts, clock, store.insights),
    ingest: new IngestService(store.rollouts, clock, guards, (n) => (replication ? replication.publishRolloutData(n) : rolloutData.publish(n))),
    parity: new ParityReview(store.rollouts, clock, feed),
    guards,
    rolloutData,
    insights: new InsightsService(store, clock),
    timeline: new TimelineService(store, clock),
  };
  const bootstrap = await ensureBootstrapAdmin(store, clock, { adminToken: config.adminToken, dbPath: config.dbPath });

  const app = Fastify({
    logger: options.logger ?? false,
    // Apps poll constantly; errors are logged by the error handler, not every request.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    // Namespace ids are up to 128 characters; longer ones get the contract's 400, not a 414.
    routerOptions: { maxParamLength: 512 },
    frameworkErrors: (error, _request, reply) => frameworkError(error, reply),
  });
  jsonBodies(app, config.bodyLimit);
  errorHandling(app, { bodyLimit: config.bodyLimit, staticDir: config.staticDir });

  securityHeaders(app);
  app.addHook('onResponse', (request, reply, done) => {
    metrics.countRequest(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode);
    done();
  });

  if (existsSync(config.staticDir)) {
    await app.register(fastifyStatic, {
      root: config.staticDir,
      prefix: '/',
      index: 'index.html',
      // Vite's assets carry a content hash in their names: cache them for good.
      setHeaders: (reply, path) => {
        if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  namespaceRoutes(app, services);
  rolloutRoutes(app, services);
  eventRoutes(app, services);
  insightRoutes(app, services);
  sessionRoutes(app, services);
  tokenRoutes(app, services);
  appRoutes(app, services);
  streamRoutes(app, services);
  systemRoutes(app, services);

  const housekeeping = async () => {
    const now = clock();
    await store.purgeIdempotency(new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString());
    await store.purgeSessions(now.toISOString());
  };
  await housekeeping();
  const timer = setInterval(() => {
    housekeeping().catch((e: unknown) => app.log.error(e, 'housekeeping failed'));
  }, HOUR_MS);
  timer.unref();
  if ((options.guardsIntervalMs ?? 15_000) > 0) guards.start();

  app.addHook('preClose', async () => {
    services.sse.closeAll();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    guards.stop();
    await replication?.close();
    await store.close();
  });

  return { app, services, bootstrap, replication };
}
