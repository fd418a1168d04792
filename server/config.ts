import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Path of the SQLite file (unused with `databaseUrl`, except beside it a generated admin token's file). */
  dbPath: string;
  /** PostgreSQL connection URL: the PostgreSQL engine instead of the SQLite file (absent: SQLite). */
  databaseUrl?: string | null;
  /** Connections per server process in the PostgreSQL pool (absent: 10). */
  pgPoolSize?: number;
  demo: boolean;
  /** When set, the bootstrap admin token has this secret. */
  adminToken: string | null;
  /** Directory of the built SPA; served only when it exists. */
  staticDir: string;
  bodyLimit: number;
  /** Run the demo traffic simulator (server/simulator/) after start (absent: off). */
  simulator?: boolean;
  /** Simulated minutes per real second while the simulator catches up with the clock (absent: 0.5). */
  simSpeed?: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${env[name]}"`);
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new ConfigError(`${name} must be a number above 0 and at most ${max}, got "${raw}"`);
  return n;
}

/** Reads the environment; throws ConfigError with a message meant for the operator. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() ?? '';
  if (databaseUrl !== '' && !/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL must be a PostgreSQL connection URL (postgres://user:password@host:5432/database), ' +
        'or unset to use the embedded SQLite file (SWITCHYARD_DB, default ./data/switchyard.db).',
    );
  }
  const adminToken = env.SWITCHYARD_ADMIN_TOKEN?.trim() ?? '';
  if (adminToken !== '' && adminToken.length < 16) {
    throw new ConfigError('SWITCHYARD_ADMIN_TOKEN must be at least 16 characters long');
  }
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dbPath: resolve(env.SWITCHYARD_DB?.trim() || './data/switchyard.db'),
    databaseUrl: databaseUrl === '' ? null : databaseUrl,
    pgPoolSize: int(env, 'SWITCHYARD_PG_POOL', 10, 1, 1000),
    demo: flag(env, 'SWITCHYARD_DEMO', false),
    adminToken: adminToken === '' ? null : adminToken,
    staticDir: resolve(env.SWITCHYARD_STATIC_DIR?.trim() || './dist'),
    bodyLimit: int(env, 'SWITCHYARD_BODY_LIMIT', DEFAULT_BODY_LIMIT, 1024, 1024 * 1024 * 1024),
    simulator: flag(env, 'SWITCHYARD_SIMULATOR', false),
    simSpeed: positive(env, 'SWITCHYARD_SIM_SPEED', 0.5, 1440),
  };
}

/** Where the data lives, for the start banner (a PostgreSQL URL without its password). */
export function databaseLabel(config: Pick<Config, 'dbPath' | 'databaseUrl'>): string {
  if (!config.databaseUrl) return config.dbPath;
  try {
    const url = new URL(config.databaseUrl);
    if (url.password !== '') url.password = '***';
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** Creates the directory that holds the database file. */
export function ensureDbDir(dbPath: string): void {
  mkdirSync(dirname(dbPath), { recursive: true });
}
