/**
 * Which engine the server tests run on: SQLite files in temporary directories (the `node`
 * project), or fresh databases on the throw-away PostgreSQL cluster of the `pg` project.
 */
import { Client } from 'pg';
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

export interface LeasedDatabase {
  name: string;
  url: string;
  /** Empties the database (every table, identities restarted) and keeps it for the next lease. */
  release: () => Promise<void>;
}

const free: { name: string; url: string }[] = [];

/**
 * An empty migrated database for one test: a database a previous test of this worker released
 * (emptied with TRUNCATE … RESTART IDENTITY, so ids start at 1 again), else a new copy of the
 * template. Emptying is a few times cheaper than creating a database.
 */
export async function leaseDatabase(server: string, prefix: string): Promise<LeasedDatabase> {
  const db = free.pop() ?? (await migratedDatabase(server, prefix));
  return {
    ...db,
    release: async () => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const tables = await client.query<{ name: string }>(
          "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
        );
        await client.query(`TRUNCATE ${tables.rows.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
      } finally {
        await client.end();
      }
      free.push(db);
    },
  };
}
