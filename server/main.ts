/** Starts the server: `tsx server/main.ts` (configuration from the environment; see README). */
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { ConfigError, databaseLabel, loadConfig, type Config } from './config';
import { seedDemo } from './demo';
import { startSimulator } from './simulator/start';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`switchyard: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const { app, services, bootstrap } = await buildApp({
    config,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });

  const seeded = config.demo && (await services.registry.listNamespaces()).length === 0;
  if (seeded) await seedDemo(services, services.clock);

  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const base = `http://${host}:${port}`;
  const code = services.loginCodes.issue(bootstrap.tokenId);
  const simulator = config.simulator === true ? await startSimulator(services, base, (m) => app.log.warn(m)) : null;

  const lines = [
    '',
    `  Switchyard is running at ${base}`,
    `  database: ${databaseLabel(config)}${seeded ? ' (demo data seeded)' : ''}`,
  ];
  if (bootstrap.generatedSecret !== null) {
    lines.push(`  admin token (shown once, saved to ${bootstrap.secretFile ?? '?'} with mode 0600):`, `    ${bootstrap.generatedSecret}`);
  } else if (config.adminToken !== null) {
    lines.push('  admin token: the one in SWITCHYARD_ADMIN_TOKEN');
  } else if (bootstrap.secretFile !== null) {
    lines.push(`  admin token: in ${bootstrap.secretFile}`);
  }
  if (bootstrap.unusable) {
    lines.push('  warning: the bootstrap admin token is revoked or expired; the login link below will not work');
  }
  if (simulator) lines.push(`  traffic simulator: on (SWITCHYARD_SIM_SPEED=${config.simSpeed ?? 0.5} simulated minutes per second while catching up)`);
  lines.push(`  one-time login link (15 minutes): ${base}/login?code=${code}`, '');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`switchyard: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    app.log.info(`${signal}: closing (streams end, in-flight requests finish)`);
    simulator?.stop();
    app.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('switchyard: error while closing', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('switchyard: failed to start:', e);
  process.exit(1);
});
