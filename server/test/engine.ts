/**
 * Which engine the server tests run on: SQLite files in temporary directories (the `node`
 * project), or fresh databases on the throw-away PostgreSQL cluster of the `pg` project.
 */
import { inject } from 'vitest';
import { createDatabase } from './pg-cluster';
import { PG_TEMPLATE } from './pg-global-setup';

/** The PostgreSQL server of the `pg` project, or null (SQLite). */
export function pgServer(): string | null {
  const url = inject('switchyardPg');
  return typeof url === 'string' && url !== '' ? url : null;
}

/** A fresh database on the `pg` project's server with every migration applied. */
export function migratedDatabase(server: string, prefix: string): Promise<{ name: string; url: string }> {
  return createDatabase(server, prefix, PG_TEMPLATE);
}
