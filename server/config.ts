import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Path of the SQLite file. */
  dbPath: string;
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
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL.trim() !== '') {
    throw new ConfigError(
      'DATABASE_URL is set, but the PostgreSQL engine is not available yet. ' +
        'Unset DATABASE_URL to use the embedded SQLite file (SWITCHYARD_DB, default ./data/switchyard.db).',
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
    demo: flag(env, 'SWITCHYARD_DEMO', false),
    adminToken: adminToken === '' ? null : adminToken,
    staticDir: resolve(env.SWITCHYARD_STATIC_DIR?.trim() || './dist'),
    bodyLimit: int(env, 'SWITCHYARD_BODY_LIMIT', DEFAULT_BODY_LIMIT, 1024, 1024 * 1024 * 1024),
    simulator: flag(env, 'SWITCHYARD_SIMULATOR', false),
    simSpeed: positive(env, 'SWITCHYARD_SIM_SPEED', 0.5, 1440),
  };
}

/** Creates the directory that holds the database file. */
export function ensureDbDir(dbPath: string): void {
  mkdirSync(dirname(dbPath), { recursive: true });
}
