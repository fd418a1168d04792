/** Opens the engine the configuration names: PostgreSQL with DATABASE_URL, else the SQLite file. */
import type { Config } from '../config';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

export interface OpenOptions {
  /** Called with the duration of every write transaction, in seconds. */
  onWrite?: (seconds: number) => void;
}

export async function openStore(config: Pick<Config, 'dbPath' | 'databaseUrl' | 'pgPoolSize'>, options: OpenOptions = {}): Promise<Store> {
  if (config.databaseUrl) {
    return PostgresStore.open(config.databaseUrl, {
      ...(config.pgPoolSize !== undefined ? { poolSize: config.pgPoolSize } : {}),
      ...(options.onWrite ? { onWrite: options.onWrite } : {}),
    });
  }
  return new SqliteStore(config.dbPath, options.onWrite ? { onWrite: options.onWrite } : {});
}
